import type { FileLinker, GateReport, TaskFileRead } from '../check/gate-types.js';
import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { progressBarNodes } from '../check/render-progress-bar.js';
import { code, emphasis, heading, paragraph, root, strong, text } from '../markdown/build-mdast.js';
import { MARKDOWN_WRITER } from '../markdown/write-markdown.js';
import { literal, writeOnePass } from '../check/write-one-pass.js';
import { DIALECT_NAMES } from '../tasks/dialect-names.js';
import {
  contextNoteOf,
  countTasks,
  INCOMPLETE_STATE_WORDS,
  incompleteStateOf,
  tasksOfGroup,
} from '../tasks/summarize-tasks.js';
import type { Task, TaskFile } from '../tasks/types.js';

/** First line of the checklist comment: finds it again, and names the files its boxes belong to. */
export const CHECKLIST_KIND = 'agent-os-github:checklist';
/** GitHub refuses comments longer than this. */
const COMMENT_LIMIT = 65_536;

export interface ChecklistInput {
  reads: readonly TaskFileRead[];
  report: Pick<GateReport, 'counts'>;
  link: FileLinker;
  scope?: readonly string[] | undefined;
}

/** The hidden reference after each box: which file and which task it mirrors. */
export function taskRef(fileIndex: number, taskIndex: number): string {
  return `<!-- aos:${fileIndex}:${taskIndex} -->`;
}

function depthOf(file: TaskFile, task: Task): number {
  let depth = 0;
  for (let parent = task.parent; parent !== undefined; parent = file.tasks[parent]?.parent) depth += 1;
  return depth;
}

/** One box as GitHub renders it: markers it does not know (`[-]`, `[~]`, `[ ]*`) said in words. */
function taskItem(task: Task, fileIndex: number): ListItem {
  const id: PhrasingContent[] = task.id === undefined ? [] : [literal(task.id), text(' ')];
  const struck = task.skipped && !task.optional;
  const notes = [
    task.boxState === 'in-progress' || task.boxState === 'blocked'
      ? INCOMPLETE_STATE_WORDS[incompleteStateOf(task)]
      : undefined,
    task.optional ? 'optional' : undefined,
    struck ? 'skipped' : undefined,
    task.boxState === 'done' && task.required && !task.complete ? 'ticked, but a sub-task is open' : undefined,
  ].filter((n) => n !== undefined);
  const line: PhrasingContent[] = [
    ...id,
    struck ? { type: 'delete', children: [literal(task.text)] } : literal(task.text),
    ...(notes.length === 0 ? [] : [text(' '), emphasis([text(`(${notes.join(', ')})`)])]),
    text(' '),
    { type: 'html', value: taskRef(fileIndex, task.index) },
  ];
  return { type: 'listItem', spread: false, checked: task.boxState === 'done', children: [paragraph(line)] };
}

/** The tasks as nested task lists: each task under the nearest task before it that is one level up. */
function taskList(file: TaskFile, tasks: readonly Task[], fileIndex: number): List {
  const top = tightList();
  const open: ListItem[] = [];
  for (const task of tasks) {
    const item = taskItem(task, fileIndex);
    const depth = Math.min(depthOf(file, task), open.length);
    const parent = depth === 0 ? undefined : open[depth - 1];
    if (parent === undefined) top.children.push(item);
    else {
      const last = parent.children.at(-1);
      const list = last?.type === 'list' ? last : tightList();
      if (list !== last) parent.children.push(list);
      list.children.push(item);
    }
    open.length = depth;
    open.push(item);
  }
  return top;
}

function linkTo(url: string, children: PhrasingContent[]): PhrasingContent {
  return { type: 'link', url, children };
}

function tightList(): List {
  return { type: 'list', ordered: false, spread: false, children: [] };
}

function progress(complete: number, required: number): PhrasingContent[] {
  return [text(' '), ...progressBarNodes(complete, required), text(` ${complete}/${required}`)];
}

function renderFile(
  path: string,
  file: TaskFile,
  fileIndex: number,
  link: FileLinker,
  withBoxes: boolean,
): RootContent[] {
  const counts = countTasks(file.tasks);
  const blocks: RootContent[] = [
    heading(4, [
      linkTo(link(path), [code(path.replace(/`/g, "'"))]),
      text(` · ${DIALECT_NAMES[file.dialect]} · ${counts.complete}/${counts.required}`),
    ]),
  ];
  const grouped = new Set<number>();
  for (const group of file.groups) {
    const tasks = tasksOfGroup(file, group);
    if (tasks.length === 0) continue;
    for (const t of tasks) grouped.add(t.index);
    const c = countTasks(tasks);
    const title: PhrasingContent[] =
      group.context === true
        ? [literal(group.title), text(' '), emphasis([text(`(${contextNoteOf(group)})`)])]
        : [literal(group.title)];
    blocks.push(paragraph([strong(title), ...(group.context === true ? [] : progress(c.complete, c.required))]));
    if (withBoxes) blocks.push(taskList(file, tasks, fileIndex));
  }
  const loose = file.tasks.filter((t) => !grouped.has(t.index));
  if (loose.length > 0 && withBoxes) blocks.push(taskList(file, loose, fileIndex));
  return blocks;
}

function render(input: ChecklistInput, withBoxes: boolean): string {
  const files = input.reads.flatMap((r) =>
    r.status === 'read' && r.file.tasks.length > 0 ? [{ path: r.path, file: r.file }] : [],
  );
  const { counts } = input.report;
  const marker = `<!-- ${CHECKLIST_KIND} ${JSON.stringify({ files: files.map((f) => f.path) }).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)} -->`;
  const blocks: RootContent[] = [
    heading(3, [text(`Agent OS tasks: ${counts.complete} of ${counts.required} required tasks complete`)]),
    paragraph(progressBarNodes(counts.complete, counts.required)),
  ];
  if (input.scope !== undefined) {
    blocks.push(
      paragraph([
        text(
          `This pull request implements Task Group${input.scope.length === 1 ? '' : 's'} ${input.scope.join(', ')}; the other groups are context.`,
        ),
      ]),
    );
  }
  files.forEach(({ path, file }, i) => {
    blocks.push(...renderFile(path, file, i, input.link, withBoxes));
  });
  blocks.push({
    type: 'html',
    value: withBoxes
      ? '<sub>Tick a box here to tick it in the task file (needs write access to the repository); changes to the task file show here.</sub>'
      : '<sub>Too many tasks to list here: tick them in the task file itself.</sub>',
  });
  // The marker is the comment's first line, directly above the heading (checklistFiles reads it there).
  return `${marker}\n${writeOnePass(root(blocks), MARKDOWN_WRITER).replace(/\n$/, '')}`;
}

/**
 * The pull request's checklist comment: per task file and group, a progress bar and the tasks as GitHub
 * checkboxes, each followed by a hidden reference so a tick made here can be written back to the file. The
 * totals are the check run's. Too long for a comment, it keeps the progress and drops the boxes.
 */
export function renderChecklist(input: ChecklistInput): string {
  const full = render(input, true);
  return full.length <= COMMENT_LIMIT ? full : render(input, false);
}

/** The task files a checklist comment mirrors, from its first line; `undefined` if it is not one. */
export function checklistFiles(body: string): string[] | undefined {
  const first = body.split('\n', 1)[0] ?? '';
  const prefix = `<!-- ${CHECKLIST_KIND} `;
  if (!first.startsWith(prefix) || !first.endsWith(' -->')) return undefined;
  try {
    const data = JSON.parse(first.slice(prefix.length, -4)) as { files?: unknown };
    return Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a comment is a checklist comment (ours if a bot wrote it). */
export function isChecklist(body: string): boolean {
  return body.startsWith(`<!-- ${CHECKLIST_KIND} `);
}
