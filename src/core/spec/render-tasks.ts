import { plainText } from '../markdown/plain-text.js';
import { classifyWork, WORK_ORDER, type WorkKind } from './classify-work.js';
import type { Bullet } from './parse-requirements.js';
import type { SpecDocument, SpecRequirement } from './parse-spec.js';

const WORK: Record<WorkKind, { heading: string; group: string; work: string }> = {
  data: { heading: 'Database Layer', group: 'Data Models and Persistence', work: 'data models and persistence' },
  core: { heading: 'Core Logic', group: 'Core Logic', work: 'core logic' },
  api: { heading: 'API Layer', group: 'API Endpoints', work: 'API endpoints' },
  job: { heading: 'Background Jobs', group: 'Background Jobs', work: 'background jobs' },
  cli: { heading: 'Command Line', group: 'Command-Line Interface', work: 'command-line interface' },
  ui: { heading: 'Frontend', group: 'User Interface', work: 'user interface' },
  docs: { heading: 'Documentation', group: 'Documentation', work: 'documentation' },
};

/** Why a spec cannot be turned into tasks, if it cannot: a task list of test boxes alone would gate nothing built. */
export function tasksRefusal(spec: SpecDocument): string | undefined {
  if (spec.requirements.length > 0) return undefined;
  return 'spec.md has no specific requirements (no `**1. …**` entries under `## Specific Requirements`), so there is nothing to break into tasks. Add the requirements to planning/requirements.md (or answer the clarifying questions) and run /write-spec, or write them into spec.md by hand, then run /create-tasks again.';
}

/** A requirement's name on one line, in full (never cut mid-sentence). */
function nameOf(requirement: SpecRequirement): string {
  return plainText(requirement.name).replace(/\s+/g, ' ').trim();
}

function bulletLines(bullets: readonly Bullet[], indent: string): string[] {
  return bullets.map((b) => `${indent}${'  '.repeat(b.depth)}- ${b.text}`);
}

/** What a task says under it: the requirement's acceptance criteria, else its own details. */
function taskBullets(requirement: SpecRequirement): Bullet[] {
  if (requirement.acceptance.length > 0) return requirement.acceptance;
  return requirement.bullets.filter((b) => b.depth > 0).map((b) => ({ ...b, depth: b.depth - 1 }));
}

/** More requirements than one task each can carry in a reviewable file: then tasks name them in batches. */
export const ONE_TASK_PER_REQUIREMENT_UP_TO = 60;
const BATCH = 5;

function implementationTasks(requirements: readonly SpecRequirement[], n: number, batched: boolean): string[] {
  if (!batched) {
    return requirements.flatMap((r, i) => [
      `  - [ ] ${n}.${i + 2} Implement Specific Requirement ${r.number}: ${nameOf(r)}`,
      ...bulletLines(taskBullets(r), '    '),
    ]);
  }
  const lines: string[] = [];
  for (let start = 0; start < requirements.length; start += BATCH) {
    const batch = requirements.slice(start, start + BATCH);
    lines.push(
      `  - [ ] ${n}.${start / BATCH + 2} Implement Specific Requirements ${batch.map((r) => r.number).join(', ')}`,
    );
    lines.push(...batch.map((r) => `    - ${r.number}: ${nameOf(r)}`));
  }
  return lines;
}

interface Group {
  number: number;
  heading: string;
  title: string;
  dependencies: string;
  lines: string[];
  acceptance: string[];
}

function which(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `Specific Requirement ${numbers[0] ?? ''}`
    : `Specific Requirements ${numbers.join(', ')}`;
}

/** The task group of one kind of work: its tests first, a task per requirement (or batch), its tests run last. */
function workGroup(
  kind: (typeof WORK_ORDER)[number],
  requirements: SpecDocument['requirements'],
  n: number,
  batched: boolean,
): Group {
  const { heading, group, work } = WORK[kind];
  const numbers = requirements.map((r) => r.number);
  const lines = [`- [ ] ${n}.0 Complete the ${work}`, `  - [ ] ${n}.1 Write 2-8 focused tests for ${which(numbers)}`];
  lines.push(...implementationTasks(requirements, n, batched));
  const last = (batched ? Math.ceil(requirements.length / BATCH) : requirements.length) + 2;
  lines.push(`  - [ ] ${n}.${last} Ensure the ${work} tests pass`, `    - Run only the 2-8 tests written in ${n}.1`);
  return {
    number: n,
    heading,
    title: group,
    dependencies: n === 1 ? 'None' : `Task Group ${n - 1}`,
    lines,
    acceptance: [
      `The 2-8 tests written in ${n}.1 pass`,
      batched ? `${which(numbers)} work as the spec describes` : '',
      ...(batched ? [] : requirements.map((r) => `Specific Requirement ${r.number} works as the spec describes`)),
    ].filter((a) => a !== ''),
  };
}

/** The closing test-review group: review the groups' tests, fill the gaps, check the spec's acceptance criteria. */
function reviewGroup(groups: readonly Group[], acceptance: SpecDocument['acceptance']): Group {
  const review = groups.length + 1;
  const earlier = groups.length === 1 ? 'Task Group 1' : `Task Groups 1-${groups.length}`;
  const criteria = acceptance.length > 0;
  return {
    number: review,
    heading: 'Testing',
    title: 'Test Review and Gap Analysis',
    dependencies: groups.length === 0 ? 'None' : earlier,
    lines: [
      `- [ ] ${review}.0 Review the feature's tests and fill critical gaps only`,
      `  - [ ] ${review}.1 Review the tests written in ${groups.map((g) => `${g.number}.1`).join(', ')}`,
      `  - [ ] ${review}.2 Find the gaps in test coverage for this feature only, against the acceptance criteria`,
      `  - [ ] ${review}.3 Write at most 10 more strategic tests for the gaps`,
      ...(criteria
        ? [`  - [ ] ${review}.4 Check the spec's acceptance criteria`, ...bulletLines(acceptance, '    ')]
        : []),
      `  - [ ] ${review}.${criteria ? 5 : 4} Run the feature's tests only`,
    ],
    acceptance: ["All of the feature's tests pass", 'No more than 10 tests added in this group'],
  };
}

/**
 * tasks.md in the Agent OS v2.1 layout from a spec: one task group per kind of work the spec contains (data,
 * core logic, API, background jobs, command line, UI, docs), in the order they build on each other; each group
 * opens with 2–8 focused tests, has one task per specific requirement (its number and name in full, its acceptance
 * criteria as the task's bullets) and closes by running only those tests; then one test-review group. Every
 * specific requirement is named by exactly one task, so the gate can trace it.
 */
export function renderTasks(spec: SpecDocument): string {
  const kinds = classifyWork(spec.requirements);
  const batched = spec.requirements.length > ONE_TASK_PER_REQUIREMENT_UP_TO;
  const groups: Group[] = [];
  for (const kind of WORK_ORDER) {
    const requirements = spec.requirements.filter((_, i) => kinds[i] === kind);
    if (requirements.length === 0) continue;
    groups.push(workGroup(kind, requirements, groups.length + 1, batched));
  }
  groups.push(reviewGroup(groups, spec.acceptance));

  const total = groups.reduce((sum, g) => sum + g.lines.filter((l) => /^\s*- \[ \]/.test(l)).length, 0);
  const out = [
    `# Task Breakdown: ${spec.title === '' ? 'Spec' : spec.title}`,
    '',
    '## Overview',
    '',
    `Total Tasks: ${total}`,
    '',
  ];
  if (spec.goal !== '') out.push(`Goal: ${spec.goal}`, '');
  if (batched) {
    out.push(
      `This spec has ${spec.requirements.length} specific requirements, more than one task each would leave reviewable: each implementation task names up to ${BATCH} of them. Consider splitting the spec.`,
      '',
    );
  }
  out.push('## Task List', '');
  let heading = '';
  for (const g of groups) {
    if (g.heading !== heading) {
      out.push(`### ${g.heading}`, '');
      heading = g.heading;
    }
    out.push(
      `#### Task Group ${g.number}: ${g.title}`,
      '',
      `**Dependencies:** ${g.dependencies}`,
      '',
      ...g.lines,
      '',
      '**Acceptance Criteria:**',
      '',
    );
    out.push(...g.acceptance.map((a) => `- ${a}`), '');
  }
  out.push(
    '## Execution Order',
    '',
    ...groups.map((g, i) => `${i + 1}. ${g.heading}: ${g.title} (Task Group ${g.number})`),
    '',
  );
  return out.join('\n');
}
