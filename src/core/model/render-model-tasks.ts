import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { bulletList, heading, paragraph, raw, root, text } from '../markdown/build-mdast.js';
import { dependencies, label, lineItem, taskItem, tightList, whichRequirements } from '../spec/build-task-list.js';
import { markFile } from '../spec/file-marker.js';
import type { TasksCheck, TasksGrounding } from './check-tasks-draft.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { modelLine, proposedHeading, writeModelMarkdown } from './model-markdown.js';
import { joined, pathSpans } from './render-sources.js';
import type { TasksDraft } from './tasks-draft-schema.js';

function trace(requirements: readonly number[], files: readonly string[]): PhrasingContent[] {
  const parts = [
    ...(requirements.length > 0 ? [[text(whichRequirements([...new Set(requirements)].sort((a, b) => a - b)))]] : []),
    ...pathSpans(files).map((span) => [span]),
  ];
  return parts.length === 0 ? [] : [text(' ('), ...joined(parts), text(')')];
}

type DraftGroup = TasksDraft['groups'][number];

/**
 * One task group as the v2.1 layout has it: its focused tests first, its kept tasks with what they trace to, the
 * run of those tests last, then its acceptance criteria. `renumber` maps the draft's group numbers to the written ones.
 */
function renderGroup(g: DraftGroup & { kept: DraftGroup['tasks'] }, n: number, renumber: Map<number, number>) {
  const covers = [...new Set(g.kept.flatMap((t) => t.requirements))].sort((a, b) => a - b);
  const deps = g.depends_on.map((d) => renumber.get(d)).filter((d): d is number => d !== undefined && d < n);
  const subTasks = [
    taskItem([text(`${n}.1 Write 2-8 focused tests for ${whichRequirements(covers)}`)]),
    ...g.kept.map((t, ti) => taskItem([text(`${n}.${ti + 2} `), modelLine(t.text), ...trace(t.requirements, t.files)])),
    taskItem(
      [text(`${n}.${g.kept.length + 2} Ensure the tests written in ${n}.1 pass`)],
      [lineItem([text(`Run only the 2-8 tests written in ${n}.1`)])],
    ),
  ];
  const blocks: RootContent[] = [
    heading(4, [text(`Task Group ${n}: `), modelLine(g.title)]),
    dependencies(deps.length === 0 ? 'None' : deps.map((d) => `Task Group ${d}`).join(', ')),
    tightList([taskItem([text(`${n}.0 Complete `), modelLine(g.title)], subTasks)]),
    label('Acceptance Criteria:'),
    bulletList([[text(`The 2-8 tests written in ${n}.1 pass`)], ...g.acceptance.map((a) => [modelLine(a)])]),
  ];
  return { tasks: g.kept.length + 3, blocks };
}

/** The closing test-review group (five tasks), after `groups` groups. */
function reviewGroup(groups: number): RootContent[] {
  const review = groups + 1;
  const tests = Array.from({ length: groups }, (_g, i) => `${i + 1}.1`).join(', ') || 'this spec';
  const steps = [
    `Review the tests written in ${tests}`,
    'Find the gaps in test coverage for this feature only, against the acceptance criteria',
    'Write at most 10 more strategic tests for the gaps',
    "Run the feature's tests only",
  ];
  return [
    heading(4, [text(`Task Group ${review}: Test Review and Gap Analysis`)]),
    dependencies(groups === 0 ? 'None' : groups === 1 ? 'Task Group 1' : `Task Groups 1-${groups}`),
    tightList([
      taskItem(
        [text(`${review}.0 Review the feature's tests and fill critical gaps only`)],
        steps.map((step, i) => taskItem([text(`${review}.${i + 1} ${step}`)])),
      ),
    ]),
    label('Acceptance Criteria:'),
    bulletList([[text("All of the feature's tests pass")], [text('No more than 10 tests added in this group')]]),
  ];
}

/**
 * An optional task, `- [ ]* P.1 …` (Agent OS's optional sub-task): GFM has no such item, so the box and its star are
 * written as they are (an html node) at the start of a plain list item, which the writer indents and escapes around.
 */
function optionalTask(children: PhrasingContent[]): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph([raw('[ ]*'), text(' '), ...children])] };
}

/** The tasks tracing to no requirement, as optional tasks under "Proposed" (nothing when there are none). */
function proposedTasks(draft: TasksDraft, check: TasksCheck): RootContent[] {
  if (check.proposed.length === 0) return [];
  const items = check.proposed.flatMap(([g, t], i) => {
    const found = draft.groups[g]?.tasks[t];
    return found === undefined
      ? []
      : [optionalTask([text(`P.${i + 1} `), modelLine(found.text), ...trace([], found.files)])];
  });
  return [
    ...proposedHeading(
      'Suggested by the model without a requirement of spec.md behind them: optional, never required by the gate.',
    ),
    ...(items.length > 0 ? [tightList(items)] : []),
  ];
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
  // spec.md's title and goal as parseSpec reads them: plain text, written as text (escaped), read back as themselves.
  const title = grounding.title.replace(/\s+/g, ' ').trim();
  const tree = root([
    heading(1, [text(`Task Breakdown: ${title === '' ? 'Spec' : title}`)]),
    heading(2, [text('Overview')]),
    paragraph([text(`Total Tasks: ${total}`)]),
    ...(grounding.goal !== '' ? [paragraph([text(`Goal: ${grounding.goal}`)])] : []),
    heading(2, [text('Task List')]),
    ...rendered.flatMap((r) => r.blocks),
    ...reviewGroup(groups.length),
    ...proposedTasks(draft, check),
  ]);
  return markFile('tasks', writeModelMarkdown(tree), input.marker);
}
