/** Ranges longer than this (`Task Groups 1-99999`) are taken as a typo, not spelled out. */
const MAX_RANGE = 100;

/**
 * The group numbers an Agent OS `**Dependencies:**` line names, in order, once each: `Task Group 1, 2` → 1, 2;
 * `Task Groups 1-3` → 1, 2, 3; `None` → none. The line is plain text (as TaskGroup.dependencies holds it).
 */
export function parseGroupDependencies(dependencies: string | undefined): string[] {
  if (dependencies === undefined) return [];
  const numbers: string[] = [];
  const add = (n: number): void => {
    const key = String(n);
    if (!numbers.includes(key)) numbers.push(key);
  };
  for (const match of dependencies.matchAll(/(\d+)(?:\s*(?:-|–|—|to|through)\s*(\d+))?/gi)) {
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to >= from && to - from <= MAX_RANGE) for (let n = from; n <= to; n += 1) add(n);
    else add(from);
  }
  return numbers;
}
