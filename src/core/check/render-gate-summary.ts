import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { DIALECT_NAMES } from '../tasks/dialect-names.js';
import { contextNoteOf, countTasks, INCOMPLETE_STATE_WORDS, incompleteStateOf, tasksOfGroup, type TaskCounts } from '../tasks/summarize-tasks.js';
import type { Task, TaskFile } from '../tasks/types.js';
import type { FileLinker, GateConclusion, TaskFileRead } from './gate-types.js';
import { renderProgressBar } from './render-progress-bar.js';

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

function fileHeading(path: string, link?: FileLinker): string {
  const code = `\`${path.replace(/`/g, "'")}\``;
  return link ? `[${code}](${link(path)})` : code;
}

function lineRef(path: string, line: number, link?: FileLinker): string {
  return link ? `[line ${line}](${link(path, line)})` : `line ${line}`;
}

function renderIncomplete(path: string, file: TaskFile, link?: FileLinker): string[] {
  const open = file.tasks.filter((t) => t.required && !t.complete);
  if (open.length === 0) return [];
  const lines = ['', '**Incomplete:**'];
  for (const task of open.slice(0, LISTED_PER_FILE)) lines.push(renderTaskLine(path, task, link));
  if (open.length > LISTED_PER_FILE) lines.push(`- …and ${open.length - LISTED_PER_FILE} more (see the annotations)`);
  return lines;
}

function renderTaskLine(path: string, task: Task, link?: FileLinker): string {
  const id = task.id === undefined ? '' : `\`${task.id}\` `;
  const state = incompleteStateOf(task);
  const note = state === 'open' ? '' : ` _(${INCOMPLETE_STATE_WORDS[state]})_`;
  return `- ${lineRef(path, task.line, link)} · ${id}${escapeMarkdown(task.text)}${note}`;
}

function renderFile(path: string, file: TaskFile, link?: FileLinker): string[] {
  const counts = countTasks(file.tasks);
  const lines = [
    `### ${fileHeading(path, link)}`,
    `${DIALECT_NAMES[file.dialect]} · ${counts.complete} of ${counts.required} required tasks complete${counts.tasks > counts.required ? ` · ${counts.tasks - counts.required} optional or skipped` : ''}`,
  ];
  if (file.groups.length > 0) {
    lines.push('', '| Group | Progress | Done |', '|---|---|---|');
    for (const group of file.groups) {
      const c = countTasks(tasksOfGroup(file, group));
      if (group.context === true) {
        const all = tasksOfGroup(file, group);
        const ticked = all.filter((t) => t.boxState === 'done').length;
        lines.push(`| ${escapeMarkdown(group.title)} _(${contextNoteOf(group)})_ | ${renderProgressBar(ticked, all.length)} | ${ticked}/${all.length} |`);
        continue;
      }
      const done = c.required > 0 && c.complete === c.required ? ' ✅' : '';
      lines.push(`| ${escapeMarkdown(group.title)} | ${renderProgressBar(c.complete, c.required)} | ${c.complete}/${c.required}${done} |`);
    }
  }
  lines.push(...renderIncomplete(path, file, link));
  const warnings = file.diagnostics.filter((d) => d.code !== 'no-tasks');
  if (warnings.length > 0) {
    lines.push('', '**Problems in this file:**');
    for (const d of warnings) lines.push(`- ${lineRef(path, d.line, link)}: ${escapeMarkdown(d.message)}`);
  }
  return lines;
}

const NOTHING_TO_GATE = [
  'This check follows the task files of spec-driven development tools (Agent OS, Spec Kit, Kiro, OpenSpec, BMAD, spec-workflow).',
  'It found none in this pull request: it gates a pull request that changes a task file (such as `agent-os/specs/…/tasks.md`),',
  'or whose description names its spec folder on a line of its own, like `Spec: agent-os/specs/2026-01-15-team-invites`.',
].join(' ');

/** The check's markdown summary, also used as the Action's job summary. */
export function renderGateSummary({ reads, conclusion, counts, omittedAnnotations, link, scope }: GateSummaryInput): string {
  const lines: string[] = [];
  const icon = conclusion === 'success' ? '✅' : conclusion === 'failure' ? '❌' : 'ℹ️';
  if (counts.tasks > 0) {
    lines.push(`## ${icon} ${counts.complete} of ${counts.required} required tasks complete`, '', renderProgressBar(counts.complete, counts.required));
    if (scope !== undefined) {
      lines.push('', `This pull request implements **Task Group${scope.length === 1 ? '' : 's'} ${scope.join(', ')}** (its \`Implements:\` line): only their tasks are required; the other groups are shown as context.`);
    }
  } else {
    lines.push(`## ${icon} Nothing to check yet`, '', NOTHING_TO_GATE);
  }
  for (const read of reads) {
    lines.push('');
    if (read.status === 'read') {
      lines.push(...renderFile(read.path, read.file, link));
    } else if (read.status === 'missing') {
      lines.push(`### ${fileHeading(read.path)}`, read.reason);
    } else {
      lines.push(`### ${fileHeading(read.path)}`, `⚠️ Could not read this task file: ${escapeMarkdown(read.reason)}`, '', 'Re-run this check once the problem is fixed.');
    }
  }
  if (omittedAnnotations > 0) {
    lines.push('', `_${omittedAnnotations} further annotations were left out to spare the rate limit. Run \`npx agent-os-github validate\` on the branch for every incomplete task._`);
  }
  if (conclusion === 'failure' && counts.required > counts.complete) {
    lines.push('', 'Tick each task in its task file once it is done (`- [x]`); this check turns green when every required task is complete. Optional (`[ ]*`) and skipped (`~~struck~~`, `N/A`, `POST-MERGE`) tasks do not count.');
  }
  return lines.join('\n');
}
