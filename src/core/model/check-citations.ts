import type { GuardFinding } from './check-spec-draft.js';

/** A path as cited: no leading `./` or `/`, no trailing `/`, no `:line` suffix. */
export function normalisePath(path: string): string {
  return path
    .trim()
    .replace(/^`|`$/g, '')
    .replace(/^\.?\//, '')
    .replace(/\/+$/, '')
    .replace(/:\d+(-\d+)?$/, '')
    .replace(/#L\d+.*$/, '');
}

/**
 * The paths a draft cites (normalised, each once, in the order first cited) against the repository's tree: one
 * `unknown-path` finding per path the tree does not have, and the figures the reply and `npm run eval` show.
 */
export function checkCitedPaths(
  citations: readonly string[],
  tree: readonly string[],
): { findings: GuardFinding[]; figures: { pathsCited: number; pathsExisting: number } } {
  const known = new Set(tree.map(normalisePath));
  const cited = [...new Set(citations.map(normalisePath))];
  const missing = cited.filter((p) => !known.has(p));
  return {
    findings: missing.map((path) => ({
      kind: 'unknown-path',
      message: `\`${path}\` does not exist in the repository`,
    })),
    figures: { pathsCited: cited.length, pathsExisting: cited.length - missing.length },
  };
}

/**
 * Every item of the floor (the deterministic draft's requirements, plan items or tasks) carried by the model's
 * draft: a `dropped-requirement` finding for each one that is not, and how many are.
 */
export function checkCarried<T>(
  floor: readonly T[],
  isCarried: (item: T) => boolean,
  dropped: (item: T) => string,
): { findings: GuardFinding[]; figures: { requirementsCovered: number; requirementsTotal: number } } {
  const missing = floor.filter((item) => !isCarried(item));
  return {
    findings: missing.map((item) => ({ kind: 'dropped-requirement', message: dropped(item) })),
    figures: { requirementsCovered: floor.length - missing.length, requirementsTotal: floor.length },
  };
}

/** The finding for references to things the model was not given (`R9`, `Q4`, `L120`), if there are any. */
export function unknownReferences(bad: ReadonlySet<string>): GuardFinding[] {
  return bad.size === 0
    ? []
    : [{ kind: 'bad-reference', message: `cites ${[...bad].join(', ')}, which do not exist in what it was given` }];
}
