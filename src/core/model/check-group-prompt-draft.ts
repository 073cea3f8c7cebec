import { checkCarried, checkCitedPaths } from './check-citations.js';
import type { DraftFigures, GuardFinding } from './check-spec-draft.js';
import type { GroupPromptDraft } from './group-prompt-draft-schema.js';
import type { GroupPromptGrounding } from './group-prompt-grounding.js';

export interface GroupPromptCheck {
  ok: boolean;
  findings: GuardFinding[];
  /** Indexes of approach steps citing no task, requirement or file: written under "Proposed" (optional). */
  proposed: number[];
  /** `requirements*` count the group's tasks addressed by a step. */
  figures: DraftFigures;
}

/** `1.2`, `Task 1.2`, `t3` → the reference as listed. */
export function normaliseTaskRef(ref: string): string {
  return ref
    .trim()
    .replace(/^task\s*/i, '')
    .replace(/^t(\d+)$/i, 'T$1')
    .replace(/[.:]$/, '');
}

/**
 * The deterministic check on a group's guidance: every task of the group is addressed by a step, every task and
 * requirement cited exists, every cited path exists. Steps citing nothing become proposals.
 */
export function checkGroupPromptDraft(draft: GroupPromptDraft, grounding: GroupPromptGrounding): GroupPromptCheck {
  const findings: GuardFinding[] = [];
  const refs = new Set(grounding.tasks.map((t) => t.ref));
  const requirementNumbers = new Set(grounding.requirements.map((r) => r.number));
  const items = [...draft.approach, ...draft.reuse, ...draft.watch_out];
  const bad = new Set<string>();
  for (const item of items)
    for (const ref of item.tasks.map(normaliseTaskRef)) if (!refs.has(ref)) bad.add(`task ${ref}`);
  for (const step of draft.approach)
    for (const n of step.requirements) if (!requirementNumbers.has(n)) bad.add(`R${n}`);
  if (bad.size > 0)
    findings.push({
      kind: 'bad-reference',
      message: `cites ${[...bad].join(', ')}, which ${bad.size === 1 ? 'is' : 'are'} not in Task Group ${grounding.groupKey} or spec.md`,
    });

  const addressed = new Set(draft.approach.flatMap((s) => s.tasks.map(normaliseTaskRef)));
  const carried = checkCarried(
    grounding.tasks,
    (t) => addressed.has(t.ref),
    (task) =>
      `task ${task.ref} (“${task.text.length > 50 ? `${task.text.slice(0, 50)}…` : task.text}”) is addressed by no step`,
  );
  const paths = checkCitedPaths(
    [
      ...draft.approach.flatMap((s) => s.files),
      ...draft.reuse.map((r) => r.path),
      ...draft.watch_out.flatMap((w) => w.files),
    ],
    grounding.paths,
  );
  findings.push(...carried.findings, ...paths.findings);

  const proposed = draft.approach.flatMap((s, i) =>
    s.tasks.length === 0 && s.requirements.length === 0 && s.files.length === 0 ? [i] : [],
  );
  return {
    ok: findings.length === 0,
    findings,
    proposed,
    figures: { ...carried.figures, answersCarried: 0, answersTotal: 0, ...paths.figures, proposed: proposed.length },
  };
}
