import { estimateTokens } from './build-spec-prompt.js';

/**
 * The repository's paths, in their order, while they fit the token budget (a path costs its tokens and a line break):
 * what a prompt shows of the tree, the tokens it takes, and how many paths are left out.
 */
export function pathsWithinBudget(
  paths: readonly string[],
  budget: number,
): { paths: string[]; used: number; omitted: number } {
  let used = 0;
  const kept: string[] = [];
  for (const path of paths) {
    const cost = estimateTokens(path) + 1;
    if (used + cost > budget) break;
    used += cost;
    kept.push(path);
  }
  return { paths: kept, used, omitted: paths.length - kept.length };
}
