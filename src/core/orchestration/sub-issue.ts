import { embedVerbatim } from '../markdown/embed-verbatim.js';
import type { TaskFile, TaskGroup } from '../tasks/types.js';
import { codeFence } from './code-fence.js';
import { groupName } from './group-name.js';
import { groupSpecialisation } from './group-specialisation.js';
import type { OrchestrationGroup } from './orchestration-group.js';
import { sliceGroupTasks } from './slice-group-tasks.js';

const KIND = 'agent-os-github:task-group';
/** GitHub refuses issue titles longer than this. */
const TITLE_LIMIT = 256;

/** JSON safe inside an HTML comment: no `<`, `>` or `&` that could end or confuse it. */
function encode(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The hidden first line of a task group's sub-issue: the spec folder and the group's key. */
export function subIssueMarker(specFolder: string, group: string): string {
  return `<!-- ${KIND} ${encode({ spec: specFolder, group })} -->`;
}

/** The spec folder and group key of a sub-issue, from its marker line; `undefined` for any other issue. */
export function parseSubIssueMarker(
  body: string | null | undefined,
): { specFolder: string; group: string } | undefined {
  if (body === null || body === undefined) return undefined;
  const prefix = `<!-- ${KIND} `;
  const line = body
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith(prefix) && l.endsWith(' -->'));
  if (line === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(line.slice(prefix.length, -4));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { spec, group } = data as { spec?: unknown; group?: unknown };
  return typeof spec === 'string' && typeof group === 'string' && spec !== '' && group !== ''
    ? { specFolder: spec, group }
    : undefined;
}

export interface SubIssueInput {
  specTitle: string;
  /** The spec's issue, which the sub-issue belongs to. */
  specIssue: number;
  group: TaskGroup;
  groupKey: string;
  tasks: TaskFile;
  tasksSource: string;
  prompt: string;
  promptPath: string;
  specFolder: string;
  orchestration?: OrchestrationGroup;
}

export interface SubIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * The sub-issue of one task group: a title naming the group and the spec, a body with the hidden marker, the
 * group's tasks as a checklist, its implementation prompt (collapsed) and how the issue closes, the
 * specialisation as a label, and the assignees orchestration.yml names.
 */
export function renderSubIssue(input: SubIssueInput): SubIssue {
  const { group, groupKey: key, orchestration } = input;
  const name = groupName(group);
  const spec = input.specTitle.trim();
  const head = `Task Group ${key}: ${name}`;
  const title = cut(spec === '' ? head : `${head} — ${spec}`, TITLE_LIMIT);
  const tasksPath = `${input.specFolder.replace(/\/+$/, '')}/tasks.md`;
  const specialisation = groupSpecialisation(group, orchestration);
  const facts = [
    group.dependencies === undefined ? undefined : `**Dependencies:** ${group.dependencies}`,
    orchestration?.claude_code_subagent === undefined
      ? undefined
      : `**Subagent:** ${code(orchestration.claude_code_subagent)}`,
    orchestration?.standards === undefined || orchestration.standards.length === 0
      ? undefined
      : `**Standards:** ${orchestration.standards.map(code).join(', ')}`,
  ].filter((f) => f !== undefined);
  const body = [
    subIssueMarker(input.specFolder, key),
    `Task group ${key} of the spec for #${input.specIssue}${spec === '' ? '' : ` (${spec})`}, from ${code(tasksPath)}.`,
    ...(facts.length === 0 ? [] : ['', facts.join(' · ')]),
    '',
    '### Tasks',
    '',
    embedVerbatim(sliceGroupTasks(input.tasksSource, input.tasks, group, { openMarkers: true })),
    '',
    `<sub>Boxes ticked here are not written to ${code('tasks.md')}: tick them there, or in the checklist of the spec's pull request.</sub>`,
    '',
    '<details><summary>Implementation prompt</summary>',
    '',
    `Committed as ${code(input.promptPath)} on the spec branch: run it with the coding agent you use.`,
    '',
    codeFence(input.prompt, 'markdown'),
    '',
    '</details>',
    '',
    '### How this issue closes',
    '',
    `- When every required task of Task Group ${key} is ticked in ${code('tasks.md')}, this issue is closed as completed.`,
    `- Closing it as completed yourself ticks the group's remaining tasks in ${code('tasks.md')} on the spec branch (with permission to tick tasks).`,
    '- Closing it as not planned, or reopening it, changes no task.',
  ].join('\n');
  return { title, body, labels: [`task-group: ${specialisation}`], assignees: [...(orchestration?.assignees ?? [])] };
}
