import { checkCarried, checkCitedPaths, unknownReferences } from './check-citations.js';
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

/** Every item of the draft, whatever its section: each may cite requirements, answers, issue lines and files. */
function sourcedItems(draft: SpecDraft): Sourced[] {
  return [
    ...draft.requirements,
    ...draft.acceptance_criteria,
    ...draft.visual_design,
    ...draft.existing_code,
    ...draft.out_of_scope,
  ];
}

/** References to requirements, answers or issue lines the model was not given. */
function badReferences(items: readonly Sourced[], grounding: SpecGrounding): GuardFinding[] {
  const requirementNumbers = new Set(grounding.requirements.map((r) => r.number));
  const answerNumbers = new Set(grounding.answers.map((a) => a.number));
  const bad = new Set<string>();
  for (const item of items) {
    for (const n of item.requirements ?? []) if (!requirementNumbers.has(n)) bad.add(`R${n}`);
    for (const n of item.answers ?? []) if (!answerNumbers.has(n)) bad.add(`Q${n}`);
    for (const n of item.issue_lines ?? []) if (n < 1 || n > grounding.issueLines.length) bad.add(`L${n}`);
  }
  return unknownReferences(bad);
}

/** Every requirement of the deterministic draft carried by a requirement of the model's; none at all is a finding too. */
function checkRequirements(draft: SpecDraft, grounding: SpecGrounding) {
  const covered = new Set(draft.requirements.flatMap((r) => r.requirements));
  const carried = checkCarried(
    grounding.requirements,
    (r) => covered.has(r.number),
    (r) => `requirement R${r.number} (“${r.name}”) is not carried by any requirement of the draft`,
  );
  const none =
    draft.requirements.length === 0 &&
    grounding.requirements.length === 0 &&
    grounding.issueLines.join('').trim() !== '';
  const findings: GuardFinding[] = none
    ? [{ kind: 'no-requirements', message: 'the draft has no specific requirements' }]
    : [];
  return { findings: [...carried.findings, ...findings], figures: carried.figures };
}

/** Every behaviour-changing answer carried by some item of the draft. */
function checkAnswers(items: readonly Sourced[], grounding: SpecGrounding) {
  const carried = new Set(items.flatMap((i) => i.answers ?? []));
  const behavioural = grounding.answers.filter((a) => a.behaviourChanging);
  return {
    findings: behavioural
      .filter((answer) => !carried.has(answer.number))
      .map((answer): GuardFinding => ({
        kind: 'answer-not-carried',
        message: `the answer to Q${answer.number} is not carried by any item of the draft`,
      })),
    figures: {
      answersCarried: behavioural.filter((a) => carried.has(a.number)).length,
      answersTotal: behavioural.length,
    },
  };
}

/**
 * The deterministic check on a model's spec draft: every requirement of the deterministic draft and every
 * behaviour-changing answer is carried, every cited path exists in the repository's tree, every reference points
 * at something that exists. Requirements citing nothing are not a failure: they become proposals.
 */
export function checkSpecDraft(draft: SpecDraft, grounding: SpecGrounding): SpecCheck {
  const items = sourcedItems(draft);
  const requirements = checkRequirements(draft, grounding);
  const answers = checkAnswers(items, grounding);
  const paths = checkCitedPaths(
    [
      ...draft.requirements.flatMap((r) => r.files),
      ...draft.acceptance_criteria.flatMap((a) => a.files),
      ...draft.existing_code.map((e) => e.path),
    ],
    grounding.paths,
  );
  const findings = [
    ...badReferences(items, grounding),
    ...requirements.findings,
    ...answers.findings,
    ...paths.findings,
  ];
  const proposed = draft.requirements.flatMap((r, i) => (hasSource(r) ? [] : [i]));
  return {
    ok: findings.length === 0,
    findings,
    proposed,
    figures: { ...requirements.figures, ...answers.figures, ...paths.figures, proposed: proposed.length },
  };
}
