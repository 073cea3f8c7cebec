import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/text/nearest-word.ts
function editDistance(a, b) {
  const rows = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  const at = (i, j) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row !== void 0) row[j] = best;
    }
  }
  return at(a.length, b.length);
}
function nearestWord(word, known, maxDistance) {
  const typed = word.toLowerCase();
  let best;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    const prefix = typed.length >= 3 && (lower.startsWith(typed) || typed.startsWith(lower));
    const distance = prefix ? Math.min(1, editDistance(typed, lower)) : editDistance(typed, lower);
    const limit = maxDistance ?? Math.max(2, Math.floor(Math.max(typed.length, lower.length) / 3));
    if (!prefix && distance > limit) continue;
    if (best === void 0 || distance < best.distance) best = { word: candidate, distance };
  }
  return best?.word;
}

export {
  nearestWord
};
