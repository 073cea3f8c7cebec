const STOP = new Set(
  'that this with from have will when then they them their there what which should would could about into each other only also some more most must every users user able make sure need needs page issue first version existing using used does done like just than these those where while being been were your after before'.split(
    ' ',
  ),
);

const NEVER =
  /(^|\/)(node_modules|dist|build|coverage|vendor|\.git)\/|\.(png|jpe?g|gif|svg|ico|webp|pdf|zip|gz|lock|min\.js|map|woff2?|ttf|mp4|snap)$|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/i;
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|py|rb|go|rs|java|kt|cs|php|swift|vue|svelte|sql|prisma|graphql|ya?ml|md)$/i;

/** Words of a text worth matching against paths: 4+ letters, lower case, no filler. */
export function keywordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z0-9]{3,}/g) ?? [];
  return new Set(
    words.filter((w) => !STOP.has(w)).map((w) => w.replace(/(ies|es|s)$/, (m) => (m === 'ies' ? 'y' : ''))),
  );
}

function tokensOf(path: string): string[] {
  return path
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 3)
    .map((t) => t.replace(/(ies|es|s)$/, (m) => (m === 'ies' ? 'y' : '')));
}

/**
 * The files most likely to matter for a feature, best first: paths the text names outright, then paths whose
 * names share the most words with it (file names count more than folders). Generated, vendored and binary
 * files never count.
 */
export function rankRelevantFiles(paths: readonly string[], text: string, limit: number): string[] {
  const words = keywordsOf(text);
  const scored: Array<{ path: string; score: number }> = [];
  for (const path of paths) {
    if (NEVER.test(path) || !SOURCE.test(path)) continue;
    let score = text.includes(path) ? 100 : 0;
    const tokens = tokensOf(path);
    const name = tokensOf(path.slice(path.lastIndexOf('/') + 1));
    for (const token of new Set(tokens)) if (words.has(token)) score += name.includes(token) ? 3 : 1;
    if (score > 0) scored.push({ path, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.path.length - b.path.length || a.path.localeCompare(b.path))
    .slice(0, limit)
    .map((s) => s.path);
}
