import { markFile } from '../spec/file-marker.js';
import type { TasksCheck, TasksGrounding } from './check-tasks-draft.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { pathSpans, proposedHeading, safeLine } from './render-sources.js';
import type { TasksDraft } from './tasks-draft-schema.js';

function which(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `Specific Requirement ${numbers[0] ?? ''}`
    : `Specific Requirements ${numbers.join(', ')}`;
}

function trace(requirements: readonly number[], files: readonly string[]): string {
  const parts = [
    ...(requirements.length > 0 ? [which([...new Set(requirements)].sort((a, b) => a - b))] : []),
    ...pathSpans(files),
  ];
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

type DraftGroup = TasksDraft['groups'][number];

/**
 * One task group as the v2.1 layout has it: its focused tests first, its kept tasks with what they trace to, the
 * run of those tests last, then its acceptance criteria. `renumber` maps the draft's group numbers to the written ones.
 */
function renderGroup(g: DraftGroup & { kept: DraftGroup['tasks'] }, n: number, renumber: Map<number, number>) {
  const covers = [...new Set(g.kept.flatMap((t) => t.requirements))].sort((a, b) => a - b);
  const deps = g.depends_on.map((d) => renumber.get(d)).filter((d): d is number => d !== undefined && d < n);
  const lines = [
    `- [ ] ${n}.0 Complete ${safeLine(g.title)}`,
    `  - [ ] ${n}.1 Write 2-8 focused tests for ${which(covers)}`,
  ];
  g.kept.forEach((t, ti) => lines.push(`  - [ ] ${n}.${ti + 2} ${safeLine(t.text)}${trace(t.requirements, t.files)}`));
  lines.push(
    `  - [ ] ${n}.${g.kept.length + 2} Ensure the tests written in ${n}.1 pass`,
    `    - Run only the 2-8 tests written in ${n}.1`,
  );
  return {
    tasks: g.kept.length + 3,
    lines: [
      `#### Task Group ${n}: ${safeLine(g.title)}`,
      '',
      `**Dependencies:** ${deps.length === 0 ? 'None' : deps.map((d) => `Task Group ${d}`).join(', ')}`,
      '',
      ...lines,
      '',
      '**Acceptance Criteria:**',
      '',
      `- The 2-8 tests written in ${n}.1 pass`,
      ...g.acceptance.map((a) => `- ${safeLine(a)}`),
      '',
    ],
  };
}

/** The closing test-review group (five tasks), after `groups` groups. */
function reviewGroup(groups: number): string[] {
  const review = groups + 1;
  const tests = Array.from({ length: groups }, (_g, i) => `${i + 1}.1`).join(', ') || 'this spec';
  return [
    `#### Task Group ${review}: Test Review and Gap Analysis`,
    '',
    `**Dependencies:** ${groups === 0 ? 'None' : groups === 1 ? 'Task Group 1' : `Task Groups 1-${groups}`}`,
    '',
    `- [ ] ${review}.0 Review the feature's tests and fill critical gaps only`,
    `  - [ ] ${review}.1 Review the tests written in ${tests}`,
    `  - [ ] ${review}.2 Find the gaps in test coverage for this feature only, against the acceptance criteria`,
    `  - [ ] ${review}.3 Write at most 10 more strategic tests for the gaps`,
    `  - [ ] ${review}.4 Run the feature's tests only`,
    '',
    '**Acceptance Criteria:**',
    '',
    "- All of the feature's tests pass",
    '- No more than 10 tests added in this group',
    '',
  ];
}

/** The tasks tracing to no requirement, as optional tasks under "Proposed" (nothing when there are none). */
function proposedTasks(draft: TasksDraft, check: TasksCheck): string[] {
  if (check.proposed.length === 0) return [];
  const lines = proposedHeading(
    'Suggested by the model without a requirement of spec.md behind them: optional, never required by the gate.',
  );
  check.proposed.forEach(([g, t], i) => {
    const task = draft.groups[g]?.tasks[t];
    if (task !== undefined) lines.push(`- [ ]* P.${i + 1} ${safeLine(task.text)}${trace([], task.files)}`);
  });
  return [...lines, ''];
}

/**
 * tasks.md from a model's draft that passed the check, in the Agent OS v2.1 layout: each group opens with its
 * focused tests and closes by running them, every task names the specific requirements it implements, a final
 * test-review group follows; tasks tracing to no requirement go under "Proposed" as optional tasks (`- [ ]*`),
 * which never hold the gate.
 */
export function renderModelTasks(input: {
  draft: TasksDraft;
  check: TasksCheck;
  grounding: TasksGrounding;
  marker: ModelSpecMarker;
}): string {
  const { draft, check, grounding } = input;
  const proposed = new Set(check.proposed.map(([g, t]) => `${g}.${t}`));
  const groups = draft.groups
    .map((g, gi) => ({ ...g, index: gi, kept: g.tasks.filter((_t, ti) => !proposed.has(`${gi}.${ti}`)) }))
    .filter((g) => g.kept.length > 0);
  const renumber = new Map(groups.map((g, i) => [g.index + 1, i + 1]));
  const rendered = groups.map((g, i) => renderGroup(g, i + 1, renumber));
  const total = rendered.reduce((sum, r) => sum + r.tasks, 0) + 5;
  const lines = [
    `# Task Breakdown: ${safeLine(grounding.title) || 'Spec'}`,
    '',
    '## Overview',
    '',
    `Total Tasks: ${total}`,
    '',
    ...(grounding.goal !== '' ? [`Goal: ${grounding.goal}`, ''] : []),
    '## Task List',
    '',
    ...rendered.flatMap((r) => r.lines),
    ...reviewGroup(groups.length),
    ...proposedTasks(draft, check),
  ];
  return markFile('tasks', lines.join('\n'), input.marker);
}
