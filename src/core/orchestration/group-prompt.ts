import { embedVerbatim } from '../markdown/embed-verbatim.js';
import { makeSlug } from '../spec/make-slug.js';
import type { TaskFile, TaskGroup } from '../tasks/types.js';
import { completeGroups, findGroupByKey, groupKey } from './group-progress.js';
import { groupName } from './group-name.js';
import type { OrchestrationGroup } from './orchestration-group.js';
import { parseGroupDependencies } from './parse-group-dependencies.js';
import { sliceGroupTasks } from './slice-group-tasks.js';

export { groupSpecialisation, type Specialisation } from './group-specialisation.js';

/** Where the spec's files are, as a prompt names them: repository paths (a coding agent reads its checkout) or URLs. */
export interface SpecFileLinks {
  specFolder: string;
  spec: string;
  requirements: string;
  tasks: string;
  /** Images in `planning/visuals`. */
  visuals: string[];
}

export interface GroupPromptInput {
  tasks: TaskFile;
  /** The text `tasks` was parsed from. */
  tasksSource: string;
  group: TaskGroup;
  orchestration?: OrchestrationGroup | undefined;
  links: SpecFileLinks;
  specTitle: string;
  /** The folder of the standards (default: `<spec root>/standards`, the spec root being what holds `specs/`, else `agent-os`). */
  standardsFolder?: string;
}

/** `a/b` + `c` → `a/b/c`; an empty or `.` folder adds nothing. */
function joinPath(folder: string, path: string): string {
  const base = folder.replace(/\/+$/, '');
  return base === '' || base === '.' ? path : `${base}/${path}`;
}

/** Where a group's prompt is written: `<spec folder>/implementation/prompts/<key>-<group slug>.md`. */
export function groupPromptPath(specFolder: string, group: TaskGroup, tasks: TaskFile): string {
  const key = groupKey(group, tasks);
  return joinPath(specFolder, `implementation/prompts/${key}-${makeSlug(groupName(group), 'task-group')}.md`);
}

/** A file as a coding agent is pointed at it: `@path` (Claude Code reads the file), or a link for a URL. */
function reference(pathOrUrl: string, label: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? `[${label}](${pathOrUrl})` : `@${pathOrUrl}`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function standardsFolderOf(specFolder: string): string {
  const normalised = `/${specFolder.replace(/^\.\/|\/+$/g, '')}`;
  const at = normalised.lastIndexOf('/specs/');
  const root = at < 0 ? 'agent-os' : normalised.slice(1, Math.max(at, 1));
  return joinPath(root, 'standards');
}

/**
 * The files a group's standards point at, Agent OS style: `all` is the whole standards folder, `global/*` a folder
 * of it, `backend/api.md` one file; `none` is none. `undefined` when orchestration.yml sets no standards.
 */
function standardsOf(orchestration: OrchestrationGroup | undefined, folder: string): string[] | undefined {
  const standards = orchestration?.standards;
  if (standards === undefined || standards.length === 0) return undefined;
  const files: string[] = [];
  for (const raw of standards) {
    const value = raw.trim().replace(/^\.\//, '');
    if (value.toLowerCase() === 'none') continue;
    const inside = value.startsWith(`${folder}/`) ? value.slice(folder.length + 1) : value.replace(/^standards\//, '');
    const path =
      inside.toLowerCase() === 'all' || inside === '*' || inside === '**'
        ? `${folder}/`
        : inside.endsWith('*')
          ? joinPath(folder, inside.replace(/\*+$/, ''))
          : joinPath(folder, inside);
    if (!files.includes(path)) files.push(path);
  }
  return files;
}

function standardsSection(input: GroupPromptInput, folder: string): string[] {
  const files = standardsOf(input.orchestration, folder);
  const heading = '## User Standards & Preferences Compliance';
  if (files === undefined) {
    return [
      heading,
      '',
      `orchestration.yml sets no standards for this task group. Follow the standards in ${reference(`${folder}/`, folder)} that apply to this work, ` +
        'and the conventions of the code around it. (Set `standards:` for this group in orchestration.yml to choose them.)',
    ];
  }
  if (files.length === 0)
    return [
      heading,
      '',
      'orchestration.yml sets no standards for this task group (`none`): follow the conventions of the code around it.',
    ];
  return [
    heading,
    '',
    "IMPORTANT: Ensure that your implementation work is ALIGNED with and DOES NOT CONFLICT with the user's preferences and standards as detailed in the following files " +
      '(a path ending in `/` means every file in that folder):',
    '',
    ...files.map((f) => reference(f, f)),
  ];
}

function dependencySection(input: GroupPromptInput): string[] {
  const text = input.group.dependencies;
  if (text === undefined) return [];
  const keys = parseGroupDependencies(text);
  if (keys.length === 0) return [`**Dependencies:** ${text}`];
  const complete = completeGroups(input.tasks);
  const lines = keys.map((key) => {
    const group = findGroupByKey(input.tasks, key);
    if (group === undefined) return `- Task Group ${key} (not in tasks.md)`;
    const state = complete.has(key)
      ? 'complete'
      : 'not complete yet: build on what is there, and do not implement its tasks here';
    return `- Task Group ${key}: ${groupName(group)} (${state})`;
  });
  return [`**Dependencies:** ${text}. This group builds on:`, '', ...lines];
}

/**
 * The Agent OS implementation prompt for one task group: what to implement (the group's tasks as written in
 * tasks.md), what to read first, how to work (tests first where the tasks say so, tick the boxes when done), and
 * the standards to follow. A coding agent runs it; nothing here does.
 */
export function renderGroupPrompt(input: GroupPromptInput): string {
  const { group, links, orchestration } = input;
  const key = groupKey(group, input.tasks);
  const name = groupName(group);
  const folder = input.standardsFolder ?? standardsFolderOf(links.specFolder);
  const checklist = embedVerbatim(sliceGroupTasks(input.tasksSource, input.tasks, group));
  const subagent = orchestration?.claude_code_subagent;
  const spec = input.specTitle.trim() === '' ? 'this spec' : input.specTitle.trim();
  const dependencies = dependencySection(input);
  const lines = [
    `# Implement Task Group ${key}: ${name}`,
    '',
    `We're continuing our implementation of ${spec} by implementing task group number ${key}: ${name}.`,
    ...(subagent === undefined
      ? []
      : [
          '',
          `Delegate this work to the \`${subagent}\` subagent if you have it (Claude Code: \`.claude/agents/${subagent}.md\`).`,
        ]),
    '',
    '## Implement this task and its sub-tasks',
    '',
    checklist,
    ...(dependencies.length === 0 ? [] : ['', ...dependencies]),
    '',
    '## Understand the context',
    '',
    `Read ${reference(links.spec, 'spec.md')} to understand the context for this spec and where this task group fits into it.`,
    '',
    'Also read these for further context and reference:',
    '',
    `- ${reference(links.requirements, 'requirements.md')}`,
    ...links.visuals.map((v) => `- ${reference(v, baseName(v))}`),
    `- ${reference(links.tasks, 'tasks.md')} (the whole task list: the other groups are not part of this work)`,
    '',
    '## Perform the implementation',
    '',
    '1. Analyse the spec, the requirements and any visuals above, and look at how the codebase already does similar things: reuse what is there.',
    '2. Implement the tasks above in order. Where a task says to write tests first, write those tests before the code, and run only the tests the tasks name.',
    `3. As you finish each task, tick its box in ${reference(links.tasks, 'tasks.md')}: \`- [ ]\` becomes \`- [x]\`, for each sub-task and, once all of them are done, for the parent task. Change nothing else in tasks.md.`,
    `4. Stay within Task Group ${key}: leave the other groups' tasks to their own prompts.`,
    '',
    ...standardsSection(input, folder),
  ];
  return `${lines.join('\n')}\n`;
}
