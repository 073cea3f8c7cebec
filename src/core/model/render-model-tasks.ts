import { markFile } from '../spec/file-marker.js';
import { normalisePath } from './check-citations.js';
import type { TasksCheck, TasksGrounding } from './check-tasks-draft.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { safeLine } from './render-model-spec.js';
import type { TasksDraft } from './tasks-draft-schema.js';

function which(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `Specific Requirement ${numbers[0] ?? ''}`
    : `Specific Requirements ${numbers.join(', ')}`;
}

function trace(requirements: readonly number[], files: readonly string[]): string {
  const parts = [
    ...(requirements.length > 0 ? [which([...new Set(requirements)].sort((a, b) => a - b))] : []),
    ...[...new Set(files.map(normalisePath))].map((f) => `\`${f.replace(/`/g, '')}\``),
  ];
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
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
  const out: string[] = [];
  let total = 0;
  const groups = draft.groups
    .map((g, gi) => ({ ...g, index: gi, kept: g.tasks.filter((_t, ti) => !proposed.has(`${gi}.${ti}`)) }))
    .filter((g) => g.kept.length > 0);
  const renumber = new Map(groups.map((g, i) => [g.index + 1, i + 1]));
  for (const [i, g] of groups.entries()) {
    const n = i + 1;
    const covers = [...new Set(g.kept.flatMap((t) => t.requirements))].sort((a, b) => a - b);
    const deps = g.depends_on.map((d) => renumber.get(d)).filter((d): d is number => d !== undefined && d < n);
    const lines = [
      `- [ ] ${n}.0 Complete ${safeLine(g.title)}`,
      `  - [ ] ${n}.1 Write 2-8 focused tests for ${which(covers)}`,
    ];
    g.kept.forEach((t, ti) =>
      lines.push(`  - [ ] ${n}.${ti + 2} ${safeLine(t.text)}${trace(t.requirements, t.files)}`),
    );
    lines.push(
      `  - [ ] ${n}.${g.kept.length + 2} Ensure the tests written in ${n}.1 pass`,
      `    - Run only the 2-8 tests written in ${n}.1`,
    );
    total += g.kept.length + 3;
    out.push(
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
    );
  }
  const review = groups.length + 1;
  total += 5;
  out.push(
    `#### Task Group ${review}: Test Review and Gap Analysis`,
    '',
    `**Dependencies:** ${groups.length === 0 ? 'None' : groups.length === 1 ? 'Task Group 1' : `Task Groups 1-${groups.length}`}`,
    '',
    `- [ ] ${review}.0 Review the feature's tests and fill critical gaps only`,
    `  - [ ] ${review}.1 Review the tests written in ${groups.map((_g, i) => `${i + 1}.1`).join(', ') || 'this spec'}`,
    `  - [ ] ${review}.2 Find the gaps in test coverage for this feature only, against the acceptance criteria`,
    `  - [ ] ${review}.3 Write at most 10 more strategic tests for the gaps`,
    `  - [ ] ${review}.4 Run the feature's tests only`,
    '',
    '**Acceptance Criteria:**',
    '',
    "- All of the feature's tests pass",
    '- No more than 10 tests added in this group',
    '',
  );
  const lines = [
    `# Task Breakdown: ${safeLine(grounding.title) || 'Spec'}`,
    '',
    '## Overview',
    '',
    `Total Tasks: ${total}`,
    '',
  ];
  if (grounding.goal !== '') lines.push(`Goal: ${grounding.goal}`, '');
  lines.push('## Task List', '', ...out);
  if (check.proposed.length > 0) {
    lines.push(
      '## Proposed',
      '',
      '_Suggested by the model without a requirement of spec.md behind them: optional, never required by the gate._',
      '',
    );
    check.proposed.forEach(([g, t], i) => {
      const task = draft.groups[g]?.tasks[t];
      if (task !== undefined) lines.push(`- [ ]* P.${i + 1} ${safeLine(task.text)}${trace([], task.files)}`);
    });
    lines.push('');
  }
  return markFile('tasks', lines.join('\n'), input.marker);
}
