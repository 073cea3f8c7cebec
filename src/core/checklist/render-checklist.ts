import type { FileLinker, GateReport, TaskFileRead } from '../check/gate-types.js';
import { renderProgressBar } from '../check/render-progress-bar.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { DIALECT_NAMES } from '../tasks/dialect-names.js';
import { contextNoteOf, countTasks, INCOMPLETE_STATE_WORDS, incompleteStateOf, tasksOfGroup } from '../tasks/summarize-tasks.js';
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
function taskLine(file: TaskFile, task: Task, fileIndex: number): string {
  const box = task.boxState === 'done' ? '[x]' : '[ ]';
  const id = task.id === undefined ? '' : `${escapeMarkdown(task.id)} `;
  const text = task.skipped && !task.optional ? `~~${escapeMarkdown(task.text)}~~` : escapeMarkdown(task.text);
  const notes = [
    task.boxState === 'in-progress' || task.boxState === 'blocked' ? INCOMPLETE_STATE_WORDS[incompleteStateOf(task)] : undefined,
    task.optional ? 'optional' : undefined,
    task.skipped && !task.optional ? 'skipped' : undefined,
    task.boxState === 'done' && task.required && !task.complete ? 'ticked, but a sub-task is open' : undefined,
  ].filter((n) => n !== undefined);
  const note = notes.length === 0 ? '' : ` _(${notes.join(', ')})_`;
  return `${'  '.repeat(depthOf(file, task))}- ${box} ${id}${text}${note} ${taskRef(fileIndex, task.index)}`;
}

function renderFile(path: string, file: TaskFile, fileIndex: number, link: FileLinker, withBoxes: boolean): string[] {
  const counts = countTasks(file.tasks);
  const lines = [`#### [\`${path.replace(/`/g, "'")}\`](${link(path)}) · ${DIALECT_NAMES[file.dialect]} · ${counts.complete}/${counts.required}`];
  const grouped = new Set<number>();
  for (const group of file.groups) {
    const tasks = tasksOfGroup(file, group);
    if (tasks.length === 0) continue;
    for (const t of tasks) grouped.add(t.index);
    const c = countTasks(tasks);
    const title = group.context === true ? `${escapeMarkdown(group.title)} _(${contextNoteOf(group)})_` : escapeMarkdown(group.title);
    const progress = group.context === true ? '' : ` ${renderProgressBar(c.complete, c.required)} ${c.complete}/${c.required}`;
    lines.push('', `**${title}**${progress}`);
    if (withBoxes) lines.push('', ...tasks.map((t) => taskLine(file, t, fileIndex)));
  }
  const loose = file.tasks.filter((t) => !grouped.has(t.index));
  if (loose.length > 0 && withBoxes) lines.push('', ...loose.map((t) => taskLine(file, t, fileIndex)));
  return lines;
}

function render(input: ChecklistInput, withBoxes: boolean): string {
  const files = input.reads.flatMap((r) => (r.status === 'read' && r.file.tasks.length > 0 ? [{ path: r.path, file: r.file }] : []));
  const { counts } = input.report;
  const lines = [
    `<!-- ${CHECKLIST_KIND} ${JSON.stringify({ files: files.map((f) => f.path) }).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)} -->`,
    `### Agent OS tasks: ${counts.complete} of ${counts.required} required tasks complete`,
    '',
    renderProgressBar(counts.complete, counts.required),
  ];
  if (input.scope !== undefined) {
    lines.push('', `This pull request implements Task Group${input.scope.length === 1 ? '' : 's'} ${input.scope.join(', ')}; the other groups are context.`);
  }
  files.forEach(({ path, file }, i) => {
    lines.push('', ...renderFile(path, file, i, input.link, withBoxes));
  });
  lines.push(
    '',
    withBoxes
      ? '<sub>Tick a box here to tick it in the task file (needs write access to the repository); changes to the task file show here.</sub>'
      : '<sub>Too many tasks to list here: tick them in the task file itself.</sub>',
  );
  return lines.join('\n');
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
