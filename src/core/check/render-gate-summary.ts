import type { Heading, Html, PhrasingContent, RootContent } from 'mdast';
import type { Options } from 'mdast-util-to-markdown';
import {
  bulletList,
  code,
  emphasis,
  heading,
  link,
  paragraph,
  raw,
  root,
  strong,
  text,
} from '../markdown/build-mdast.js';
import { MARKDOWN_WRITER } from '../markdown/write-markdown.js';
import { DIALECT_NAMES } from '../tasks/dialect-names.js';
import {
  contextNoteOf,
  countTasks,
  INCOMPLETE_STATE_WORDS,
  incompleteStateOf,
  tasksOfGroup,
  type TaskCounts,
} from '../tasks/summarize-tasks.js';
import type { Task, TaskFile } from '../tasks/types.js';
import type { FileLinker, GateConclusion, TaskFileRead } from './gate-types.js';
import { progressBarNodes } from './render-progress-bar.js';
import { literal, pieces, writeOnePass } from './write-one-pass.js';

/** Incomplete tasks listed per file in the summary; the rest are in the annotations. */
const LISTED_PER_FILE = 30;

export interface GateSummaryInput {
  reads: readonly TaskFileRead[];
  conclusion: GateConclusion;
  counts: TaskCounts;
  omittedAnnotations: number;
  link?: FileLinker | undefined;
  /** The task groups the pull request declares it implements, if it does. */
  scope?: readonly string[] | undefined;
}

function fileHeading(path: string, link_?: FileLinker): Heading {
  const name = code(path.replace(/`/g, "'"));
  return heading(3, [link_ ? link(link_(path), [name]) : name]);
}

function lineRef(path: string, line: number, linker?: FileLinker): PhrasingContent {
  return linker ? link(linker(path, line), [text(`line ${line}`)]) : text(`line ${line}`);
}

function renderIncomplete(path: string, file: TaskFile, link_?: FileLinker): RootContent[] {
  const open = file.tasks.filter((t) => t.required && !t.complete);
  if (open.length === 0) return [];
  const items = open.slice(0, LISTED_PER_FILE).map((task) => taskItem(path, task, link_));
  if (open.length > LISTED_PER_FILE)
    items.push([text(`…and ${open.length - LISTED_PER_FILE} more (see the annotations)`)]);
  return [paragraph([strong([text('Incomplete:')])]), bulletList(items)];
}

function taskItem(path: string, task: Task, link_?: FileLinker): PhrasingContent[] {
  const state = incompleteStateOf(task);
  return [
    lineRef(path, task.line, link_),
    text(' · '),
    ...(task.id === undefined ? [] : [code(task.id), text(' ')]),
    literal(task.text),
    ...(state === 'open' ? [] : [text(' '), emphasis([text(`(${INCOMPLETE_STATE_WORDS[state]})`)])]),
  ];
}

/**
 * The groups table, in the App's compact `|---|` form: each cell written as the writer writes it alone, the rows
 * assembled around the cells (the writer's table output pads and spaces the delimiter row differently).
 */
function groupsTable(file: TaskFile): Html {
  const parts: Array<string | PhrasingContent[]> = ['| Group | Progress | Done |\n|---|---|---|'];
  const row = (cells: PhrasingContent[][]) => {
    cells.forEach((cell, i) => parts.push(i === 0 ? '\n| ' : ' | ', cell));
    parts.push(' |');
  };
  for (const group of file.groups) {
    const all = tasksOfGroup(file, group);
    if (group.context === true) {
      const ticked = all.filter((t) => t.boxState === 'done').length;
      row([
        [literal(group.title), text(' '), emphasis([text(`(${contextNoteOf(group)})`)])],
        progressBarNodes(ticked, all.length),
        [text(`${ticked}/${all.length}`)],
      ]);
      continue;
    }
    const c = countTasks(all);
    const done = c.required > 0 && c.complete === c.required ? ' ✅' : '';
    row([
      [literal(group.title)],
      progressBarNodes(c.complete, c.required),
      [text(`${c.complete}/${c.required}${done}`)],
    ]);
  }
  return pieces(parts);
}

function renderFile(path: string, file: TaskFile, link_?: FileLinker): RootContent[] {
  const counts = countTasks(file.tasks);
  const blocks: RootContent[] = [
    fileHeading(path, link_),
    paragraph([
      text(
        `${DIALECT_NAMES[file.dialect]} · ${counts.complete} of ${counts.required} required tasks complete${counts.tasks > counts.required ? ` · ${counts.tasks - counts.required} optional or skipped` : ''}`,
      ),
    ]),
  ];
  if (file.groups.length > 0) blocks.push(groupsTable(file));
  blocks.push(...renderIncomplete(path, file, link_));
  const warnings = file.diagnostics.filter((d) => d.code !== 'no-tasks');
  if (warnings.length > 0) {
    blocks.push(
      paragraph([strong([text('Problems in this file:')])]),
      bulletList(warnings.map((d) => [lineRef(path, d.line, link_), text(': '), literal(d.message)])),
    );
  }
  return blocks;
}

const NOTHING_TO_GATE: PhrasingContent[] = [
  text(
    'This check follows the task files of spec-driven development tools (Agent OS, Spec Kit, Kiro, OpenSpec, BMAD, spec-workflow). ' +
      'It found none in this pull request: it gates a pull request that changes a task file (such as ',
  ),
  code('agent-os/specs/…/tasks.md'),
  text('), or whose description names its spec folder on a line of its own, like '),
  code('Spec: agent-os/specs/2026-01-15-team-invites'),
  text('.'),
];

/**
 * The summary's layout: a file's heading sits directly above its counts (or the reason it was not read), and a bold
 * label directly above its list.
 */
const SUMMARY_WRITER: Options = {
  ...MARKDOWN_WRITER,
  join: [
    (left, right) =>
      (left.type === 'heading' && left.depth === 3 && right.type === 'paragraph') ||
      (left.type === 'paragraph' && right.type === 'list')
        ? 0
        : undefined,
  ],
};

/** The headline: the icon and the count of required tasks done (with the progress bar and the scope), or why there is nothing to check. */
function headlineBlocks(
  conclusion: GateSummaryInput['conclusion'],
  counts: GateSummaryInput['counts'],
  scope: GateSummaryInput['scope'],
): RootContent[] {
  const icon = conclusion === 'success' ? '✅' : conclusion === 'failure' ? '❌' : 'ℹ️';
  if (counts.tasks === 0) return [heading(2, [text(`${icon} Nothing to check yet`)]), paragraph(NOTHING_TO_GATE)];
  const blocks: RootContent[] = [
    heading(2, [text(`${icon} ${counts.complete} of ${counts.required} required tasks complete`)]),
    paragraph(progressBarNodes(counts.complete, counts.required)),
  ];
  if (scope !== undefined) {
    blocks.push(
      paragraph([
        text('This pull request implements '),
        strong([text(`Task Group${scope.length === 1 ? '' : 's'} ${scope.join(', ')}`)]),
        text(' (its '),
        code('Implements:'),
        text(' line): only their tasks are required; the other groups are shown as context.'),
      ]),
    );
  }
  return blocks;
}

/** One task file's section: its groups and tasks, why it is missing, or why it could not be read. */
function readBlocks(read: GateSummaryInput['reads'][number], link_: GateSummaryInput['link']): RootContent[] {
  if (read.status === 'read') return renderFile(read.path, read.file, link_);
  if (read.status === 'missing') return [fileHeading(read.path), paragraph([raw(read.reason)])];
  return [
    fileHeading(read.path),
    paragraph([text('⚠️ Could not read this task file: '), literal(read.reason)]),
    paragraph([text('Re-run this check once the problem is fixed.')]),
  ];
}

/** The check's markdown summary, also used as the Action's job summary. */
export function renderGateSummary({
  reads,
  conclusion,
  counts,
  omittedAnnotations,
  link: link_,
  scope,
}: GateSummaryInput): string {
  const blocks: RootContent[] = headlineBlocks(conclusion, counts, scope);
  for (const read of reads) blocks.push(...readBlocks(read, link_));
  if (omittedAnnotations > 0) {
    blocks.push(
      paragraph([
        emphasis([
          text(`${omittedAnnotations} further annotations were left out to spare the rate limit. Run `),
          code('npx agent-os-github validate'),
          text(' on the branch for every incomplete task.'),
        ]),
      ]),
    );
  }
  if (conclusion === 'failure' && counts.required > counts.complete) {
    blocks.push(
      paragraph([
        text('Tick each task in its task file once it is done ('),
        code('- [x]'),
        text('); this check turns green when every required task is complete. Optional ('),
        code('[ ]*'),
        text(') and skipped ('),
        code('~~struck~~'),
        text(', '),
        code('N/A'),
        text(', '),
        code('POST-MERGE'),
        text(') tasks do not count.'),
      ]),
    );
  }
  return writeOnePass(root(blocks), SUMMARY_WRITER).replace(/\n$/, '');
}
