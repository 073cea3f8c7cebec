import type { StackEntry } from '../product/stack-entry.js';
import { checkCarried, checkCitedPaths } from './check-citations.js';
import type { GuardFinding } from './check-spec-draft.js';
import type { TasksDraft } from './tasks-draft-schema.js';

export interface TasksGrounding {
  title: string;
  goal: string;
  requirements: Array<{ number: number; name: string; details: string[] }>;
  paths: string[];
  /** The tech stack detected from the repository's manifests; empty when none. */
  stack?: StackEntry[];
}

export interface TasksCheck {
  ok: boolean;
  findings: GuardFinding[];
  /** `[group index, task index]` of tasks that trace to no requirement: optional, under "Proposed". */
  proposed: Array<[number, number]>;
  figures: {
    requirementsCovered: number;
    requirementsTotal: number;
    pathsCited: number;
    pathsExisting: number;
    proposed: number;
  };
}

/**
 * The deterministic check on a model's tasks draft: every specific requirement of spec.md has a task, every
 * reference and cited path exists. Tasks tracing to no requirement are not a failure: they become optional.
 */
export function checkTasksDraft(draft: TasksDraft, grounding: TasksGrounding): TasksCheck {
  const findings: GuardFinding[] = [];
  const numbers = new Set(grounding.requirements.map((r) => r.number));
  const tasks = draft.groups.flatMap((g) => g.tasks);
  const bad = [...new Set(tasks.flatMap((t) => t.requirements).filter((n) => !numbers.has(n)))];
  if (bad.length > 0)
    findings.push({
      kind: 'bad-reference',
      message: `cites requirement ${bad.join(', ')}, which spec.md does not have`,
    });
  const badGroups = draft.groups.flatMap((g, i) =>
    g.depends_on.filter((d) => d < 1 || d > i).map((d) => `${i + 1} → ${d}`),
  );
  if (badGroups.length > 0)
    findings.push({
      kind: 'bad-reference',
      message: `groups depend on groups that do not come before them (${badGroups.join(', ')})`,
    });
  const covered = new Set(tasks.flatMap((t) => t.requirements));
  const carried = checkCarried(
    grounding.requirements,
    (r) => covered.has(r.number),
    (r) => `specific requirement ${r.number} (“${r.name}”) has no task`,
  );
  const paths = checkCitedPaths(
    tasks.flatMap((t) => t.files),
    grounding.paths,
  );
  findings.push(...carried.findings, ...paths.findings);
  const proposed = draft.groups.flatMap((g, gi) =>
    g.tasks.flatMap((t, ti): Array<[number, number]> => (t.requirements.length === 0 ? [[gi, ti]] : [])),
  );
  return {
    ok: findings.length === 0,
    findings,
    proposed,
    figures: { ...carried.figures, ...paths.figures, proposed: proposed.length },
  };
}
