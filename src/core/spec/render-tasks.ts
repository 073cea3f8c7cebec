import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { heading, nestedList, paragraph, root, text } from '../markdown/build-mdast.js';
import { writeMarkdown } from '../markdown/write-markdown.js';
import { dependencies, label, lineItem, taskItem, tightList, whichRequirements } from './build-task-list.js';
import { classifyWork, WORK_ORDER, type WorkKind } from './classify-work.js';
import type { Bullet } from './parse-requirements.js';
import type { SpecDocument, SpecRequirement } from './parse-spec.js';
import { bulletItem } from './spec-items.js';

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

/**
 * A requirement's name on one line, in full (never cut mid-sentence): spec.md's text of it, whitespace collapsed.
 * It is plain text already (parseSpec reads it so): read as markdown again, `2. Step` would lose its `2.` and
 * `_x_` its underscores.
 */
function nameOf(requirement: SpecRequirement): string {
  return requirement.name.replace(/\s+/g, ' ').trim();
}

/** Bullets of spec.md as written (people's markdown, carried as it is), nested by their depth. */
function bulletList(bullets: readonly Bullet[]): List[] {
  return bullets.length === 0 ? [] : [nestedList(bullets.map((b) => bulletItem({ text: b.text, depth: b.depth })))];
}

/** What a task says under it: the requirement's acceptance criteria, else its own details. */
function taskBullets(requirement: SpecRequirement): Bullet[] {
  if (requirement.acceptance.length > 0) return requirement.acceptance;
  return requirement.bullets.filter((b) => b.depth > 0).map((b) => ({ ...b, depth: b.depth - 1 }));
}

/** More requirements than one task each can carry in a reviewable file: then tasks name them in batches. */
export const ONE_TASK_PER_REQUIREMENT_UP_TO = 60;
const BATCH = 5;

/** A task item of our own words, with the lists under it (its sub-tasks, its bullets). */
function task(line: PhrasingContent[] | string, under: List[] = []): ListItem {
  const item = taskItem(typeof line === 'string' ? [text(line)] : line);
  item.children.push(...under);
  return item;
}

function implementationTasks(requirements: readonly SpecRequirement[], n: number, batched: boolean): ListItem[] {
  if (!batched) {
    return requirements.map((r, i) =>
      task(
        [text(`${n}.${i + 2} Implement Specific Requirement ${r.number}: `), text(nameOf(r))],
        bulletList(taskBullets(r)),
      ),
    );
  }
  const tasks: ListItem[] = [];
  for (let start = 0; start < requirements.length; start += BATCH) {
    const batch = requirements.slice(start, start + BATCH);
    const names = batch.map((r) => lineItem([text(`${r.number}: `), text(nameOf(r))]));
    const numbers = batch.map((r) => r.number).join(', ');
    tasks.push(task(`${n}.${start / BATCH + 2} Implement Specific Requirements ${numbers}`, [tightList(names)]));
  }
  return tasks;
}

interface Group {
  number: number;
  heading: string;
  title: string;
  dependencies: string;
  /** The group's top task, its sub-tasks under it. */
  task: ListItem;
  /** How many task items it holds, its top task included. */
  tasks: number;
  acceptance: string[];
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
  const implementation = implementationTasks(requirements, n, batched);
  const run = tightList([lineItem([text(`Run only the 2-8 tests written in ${n}.1`)])]);
  const subTasks = [
    task(`${n}.1 Write 2-8 focused tests for ${whichRequirements(numbers)}`),
    ...implementation,
    task(`${n}.${implementation.length + 2} Ensure the ${work} tests pass`, [run]),
  ];
  return {
    number: n,
    heading,
    title: group,
    dependencies: n === 1 ? 'None' : `Task Group ${n - 1}`,
    task: task(`${n}.0 Complete the ${work}`, [tightList(subTasks)]),
    tasks: subTasks.length + 1,
    acceptance: [
      `The 2-8 tests written in ${n}.1 pass`,
      ...(batched
        ? [`${whichRequirements(numbers)} work as the spec describes`]
        : requirements.map((r) => `Specific Requirement ${r.number} works as the spec describes`)),
    ],
  };
}

/** The closing test-review group: review the groups' tests, fill the gaps, check the spec's acceptance criteria. */
function reviewGroup(groups: readonly Group[], acceptance: SpecDocument['acceptance']): Group {
  const review = groups.length + 1;
  const earlier = groups.length === 1 ? 'Task Group 1' : `Task Groups 1-${groups.length}`;
  const criteria = acceptance.length > 0;
  const subTasks = [
    task(`${review}.1 Review the tests written in ${groups.map((g) => `${g.number}.1`).join(', ') || 'this spec'}`),
    task(`${review}.2 Find the gaps in test coverage for this feature only, against the acceptance criteria`),
    task(`${review}.3 Write at most 10 more strategic tests for the gaps`),
    ...(criteria ? [task(`${review}.4 Check the spec's acceptance criteria`, bulletList(acceptance))] : []),
    task(`${review}.${criteria ? 5 : 4} Run the feature's tests only`),
  ];
  return {
    number: review,
    heading: 'Testing',
    title: 'Test Review and Gap Analysis',
    dependencies: groups.length === 0 ? 'None' : earlier,
    task: task(`${review}.0 Review the feature's tests and fill critical gaps only`, [tightList(subTasks)]),
    tasks: subTasks.length + 1,
    acceptance: ["All of the feature's tests pass", 'No more than 10 tests added in this group'],
  };
}

/** Each group's blocks, under a `### Kind` heading per run of groups of one kind. */
function groupBlocks(groups: readonly Group[]): RootContent[] {
  const blocks: RootContent[] = [];
  let kind = '';
  for (const g of groups) {
    if (g.heading !== kind) blocks.push(heading(3, [text(g.heading)]));
    kind = g.heading;
    blocks.push(
      heading(4, [text(`Task Group ${g.number}: ${g.title}`)]),
      dependencies(g.dependencies),
      tightList([g.task]),
      label('Acceptance Criteria:'),
      tightList(g.acceptance.map((a) => lineItem([text(a)]))),
    );
  }
  return blocks;
}

/** The overview: how many tasks, spec.md's goal (plain text, so written as text: it reads back as itself), batches. */
function overview(spec: SpecDocument, total: number): RootContent[] {
  const count = spec.requirements.length;
  const batches = `This spec has ${count} specific requirements, more than one task each would leave reviewable: each implementation task names up to ${BATCH} of them. Consider splitting the spec.`;
  return [
    heading(2, [text('Overview')]),
    paragraph([text(`Total Tasks: ${total}`)]),
    ...(spec.goal === '' ? [] : [paragraph([text(`Goal: ${spec.goal}`)])]),
    ...(count > ONE_TASK_PER_REQUIREMENT_UP_TO ? [paragraph([text(batches)])] : []),
  ];
}

/**
 * tasks.md in the Agent OS v2.1 layout from a spec: one task group per kind of work the spec contains (data,
 * core logic, API, background jobs, command line, UI, docs), in the order they build on each other; each group
 * opens with 2–8 focused tests, has one task per specific requirement (its number and name in full, its acceptance
 * criteria as the task's bullets) and closes by running only those tests; then one test-review group. Every
 * specific requirement is named by exactly one task, so the gate can trace it. Built as a syntax tree and written
 * by the one writer: the spec's title, goal and names are plain text, written as text; its bullets are its
 * authors' markdown, carried as written.
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
  const order: List = {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    children: groups.map((g) => lineItem([text(`${g.heading}: ${g.title} (Task Group ${g.number})`)])),
  };
  return writeMarkdown(
    root([
      heading(1, [text(`Task Breakdown: ${spec.title === '' ? 'Spec' : spec.title}`)]),
      ...overview(
        spec,
        groups.reduce((sum, g) => sum + g.tasks, 0),
      ),
      heading(2, [text('Task List')]),
      ...groupBlocks(groups),
      heading(2, [text('Execution Order')]),
      order,
    ]),
  );
}
