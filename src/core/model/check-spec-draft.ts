import type { SpecDraft } from './spec-draft-schema.js';
import type { SpecGrounding } from './spec-grounding.js';

/** One reason a draft cannot be written as it is. */
export interface GuardFinding {
  kind: 'dropped-requirement' | 'answer-not-carried' | 'unknown-path' | 'bad-reference' | 'no-requirements';
  message: string;
}

/** The guard's figures for a draft, for the reply, the logs and `npm run eval`. */
export interface DraftFigures {
  requirementsCovered: number;
  requirementsTotal: number;
  answersCarried: number;
  answersTotal: number;
  pathsCited: number;
  pathsExisting: number;
  proposed: number;
}

export interface SpecCheck {
  ok: boolean;
  findings: GuardFinding[];
  /** Indexes of the draft's requirements that cite nothing: written under "Proposed", never required. */
  proposed: number[];
  figures: DraftFigures;
}

interface Sourced {
  requirements?: number[];
  answers?: number[];
  issue_lines?: number[];
  files?: string[];
}

function hasSource(item: Sourced): boolean {
  return [item.requirements, item.answers, item.issue_lines, item.files].some((list) => (list ?? []).length > 0);
}

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
 * The deterministic check on a model's spec draft: every requirement of the deterministic draft and every
 * behaviour-changing answer is carried, every cited path exists in the repository's tree, every reference points
 * at something that exists. Requirements citing nothing are not a failure: they become proposals.
 */
export function checkSpecDraft(draft: SpecDraft, grounding: SpecGrounding): SpecCheck {
  const findings: GuardFinding[] = [];
  const known = new Set(grounding.paths.map(normalisePath));
  const items: Sourced[] = [
    ...draft.requirements,
    ...draft.acceptance_criteria,
    ...draft.visual_design,
    ...draft.existing_code,
    ...draft.out_of_scope,
  ];
  const requirementNumbers = new Set(grounding.requirements.map((r) => r.number));
  const answerNumbers = new Set(grounding.answers.map((a) => a.number));

  const bad = new Set<string>();
  for (const item of items) {
    for (const n of item.requirements ?? []) if (!requirementNumbers.has(n)) bad.add(`R${n}`);
    for (const n of item.answers ?? []) if (!answerNumbers.has(n)) bad.add(`Q${n}`);
    for (const n of item.issue_lines ?? []) if (n < 1 || n > grounding.issueLines.length) bad.add(`L${n}`);
  }
  if (bad.size > 0)
    findings.push({
      kind: 'bad-reference',
      message: `cites ${[...bad].join(', ')}, which do not exist in what it was given`,
    });

  const covered = new Set(draft.requirements.flatMap((r) => r.requirements).filter((n) => requirementNumbers.has(n)));
  for (const requirement of grounding.requirements) {
    if (!covered.has(requirement.number)) {
      findings.push({
        kind: 'dropped-requirement',
        message: `requirement R${requirement.number} (“${requirement.name}”) is not carried by any requirement of the draft`,
      });
    }
  }
  if (
    draft.requirements.length === 0 &&
    grounding.requirements.length === 0 &&
    grounding.issueLines.join('').trim() !== ''
  ) {
    findings.push({ kind: 'no-requirements', message: 'the draft has no specific requirements' });
  }

  const carried = new Set(items.flatMap((i) => i.answers ?? []));
  const behavioural = grounding.answers.filter((a) => a.behaviourChanging);
  for (const answer of behavioural) {
    if (!carried.has(answer.number))
      findings.push({
        kind: 'answer-not-carried',
        message: `the answer to Q${answer.number} is not carried by any item of the draft`,
      });
  }

  const cited = [
    ...draft.requirements.flatMap((r) => r.files),
    ...draft.acceptance_criteria.flatMap((a) => a.files),
    ...draft.existing_code.map((e) => e.path),
  ].map(normalisePath);
  const unique = [...new Set(cited)];
  const missing = unique.filter((p) => !known.has(p));
  for (const path of missing)
    findings.push({ kind: 'unknown-path', message: `\`${path}\` does not exist in the repository` });

  const proposed = draft.requirements.flatMap((r, i) => (hasSource(r) ? [] : [i]));
  return {
    ok: findings.length === 0,
    findings,
    proposed,
    figures: {
      requirementsCovered: grounding.requirements.filter((r) => covered.has(r.number)).length,
      requirementsTotal: grounding.requirements.length,
      answersCarried: behavioural.filter((a) => carried.has(a.number)).length,
      answersTotal: behavioural.length,
      pathsCited: unique.length,
      pathsExisting: unique.length - missing.length,
      proposed: proposed.length,
    },
  };
}
