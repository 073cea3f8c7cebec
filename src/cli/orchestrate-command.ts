import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { taskRulesOf } from '../core/config/settings.js';
import { AgentOsError } from '../core/errors.js';
import { groupPromptPath, type SpecFileLinks } from '../core/orchestration/group-prompt.js';
import { planOrchestration } from '../core/orchestration/orchestration-file.js';
import { parseSpec } from '../core/spec/parse-spec.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import type { TaskFile } from '../core/tasks/types.js';
import { displayPath } from '../fs/find-task-files.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { describeFsError, readTextFileIfAny, refuseSymlinks, writeBase, writeTextFile } from '../fs/write-text-file.js';
import type { LifecycleSettings } from '../core/config/lifecycle-settings.js';
import type { ChatModel } from '../core/model/chat-model.js';
import { renderPromptsNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import { fsSpecWorkspace, inFolder, workspaceFolder } from '../fs/fs-spec-workspace.js';
import { MODEL_ENV } from '../model/model-endpoint.js';
import { chooseCliModel, QUIET_LOG } from './choose-cli-model.js';
import { planGroups } from '../phases/orchestrate-tasks.js';
import type { CommandResult } from './validate-command.js';

/** The names of the files in a folder, sorted; none when there is no such folder. */
async function filesIn(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new AgentOsError('user-input', `Cannot list ${folder}: ${describeFsError(error)}`, { cause: error });
  }
}

/** The spec's title: spec.md's, else tasks.md's (`# Task Breakdown: …`), else the folder's name without its date. */
function titleOf(spec: string | undefined, tasks: string, folder: string): string {
  const fromSpec = spec === undefined ? '' : parseSpec(spec).title;
  if (fromSpec !== '') return fromSpec;
  const fromTasks = parseSpec(tasks).title.replace(/^Task Breakdown:\s*/i, '');
  if (fromTasks !== '') return fromTasks;
  return folder.slice(folder.lastIndexOf('/') + 1).replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

/** The model to draft the prompts with: `--model`, or the environment's when the repository's `drafter` is `model`. */
async function promptModel(options: {
  cwd: string;
  model?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<{ model?: ChatModel; settings?: LifecycleSettings; warning?: string }> {
  const env = options.env ?? process.env;
  // No model asked for or configured: the settings are not even read.
  if (
    options.model === false ||
    (options.model === undefined && (env[MODEL_ENV.model] ?? '') === '' && (env[MODEL_ENV.url] ?? '') === '')
  )
    return {};
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, env);
  return {
    ...(chosen.model === undefined ? {} : { model: chosen.model, settings }),
    ...(chosen.warning === undefined ? {} : { warning: chosen.warning }),
  };
}

/** Write a file unless it already holds `content`; say which. */
async function writeIfChanged(
  absolute: string,
  shown: string,
  content: string,
  base: string,
  existing?: string,
): Promise<'Wrote' | 'Unchanged'> {
  const before = existing ?? (await readTextFileIfAny(absolute, shown));
  if (before === content) return 'Unchanged';
  await writeTextFile(absolute, shown, content, base);
  return 'Wrote';
}

/** tasks.md of the spec folder, parsed with the repository's rules; refused when it is absent or has no task groups. */
async function readTasksOrRefuse(
  root: string,
  at: (path: string) => string,
  cwd: string,
): Promise<{ tasksSource: string; tasks: TaskFile }> {
  const tasksSource = await readTextFileIfAny(join(root, 'tasks.md'), at('tasks.md'));
  if (tasksSource === undefined) {
    throw new AgentOsError(
      'user-input',
      `${at('tasks.md')} does not exist: SPEC_FOLDER must be a spec folder with tasks.md (write one with \`agent-os-github create-tasks SPEC_FOLDER\`).`,
    );
  }
  // The repository's rules for reading tasks.md (skip words, cancelled markers), as the App's orchestrate-tasks uses them.
  const tasks = parseTaskFile(tasksSource, {
    path: join(root, 'tasks.md'),
    ...taskRulesOf((await readLocalSettings(cwd)).gate),
  });
  if (tasks.tasks.length === 0) {
    throw new AgentOsError(
      'user-input',
      `${at('tasks.md')} has no task groups: it has no task boxes (\`- [ ] 1.0 …\` under \`#### Task Group 1: …\`). Write its tasks first, e.g. with \`agent-os-github create-tasks SPEC_FOLDER --force\`.`,
    );
  }
  return { tasksSource, tasks };
}

/** Warnings for prompts under implementation/prompts that no task group wrote any more. */
async function stalePromptWarnings(
  root: string,
  at: (path: string) => string,
  written: ReadonlySet<string>,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const name of await filesIn(join(root, 'implementation', 'prompts'))) {
    if (name.endsWith('.md') && !written.has(join(root, 'implementation', 'prompts', name))) {
      warnings.push(
        `warning: ${at(`implementation/prompts/${name}`)} is the prompt of no task group in tasks.md any more; delete it if it is stale.`,
      );
    }
  }
  return warnings;
}

/** With a model, the App's drafting of each group's guidance, on the file system. */
async function draftWithModel(
  cwd: string,
  folder: string,
  base: string,
  chosen: {
    model: NonNullable<Awaited<ReturnType<typeof promptModel>>['model']>;
    settings: NonNullable<Awaited<ReturnType<typeof promptModel>>['settings']>;
  },
  input: { tasks: TaskFile; groups: ReturnType<typeof planGroups>; specTitle: string },
) {
  const { tasks, groups, specTitle } = input;
  const { draftGroupPrompts } = await import('../phases/draft-group-prompts.js');
  const wsFolder = workspaceFolder(cwd, folder);
  return draftGroupPrompts(
    fsSpecWorkspace({ cwd, base }),
    { model: chosen.model, settings: chosen.settings, log: QUIET_LOG },
    {
      folder: wsFolder,
      specPath: inFolder(wsFolder, 'spec.md'),
      tasks,
      groups,
      specTitle,
      existingPrompts: new Set(groups.map((g) => g.promptPath)),
    },
  );
}

/** The links a prompt gives to the spec's files, as paths shown from the current folder. */
async function specLinks(root: string, shownFolder: string, at: (path: string) => string): Promise<SpecFileLinks> {
  return {
    specFolder: shownFolder,
    spec: at('spec.md'),
    requirements: at('planning/requirements.md'),
    tasks: at('tasks.md'),
    visuals: (await filesIn(join(root, 'planning', 'visuals'))).map((name) => at(`planning/visuals/${name}`)),
  };
}

/** The drafting note as plain text for a terminal. */
function promptsNoteText(notes: Array<{ key: string; note: DraftingNote }>): string {
  return renderPromptsNote(notes)
    .replace(/<\/?sub>/g, '')
    .replace(/\n\n/g, '\n');
}

/**
 * `agent-os-github orchestrate-tasks SPEC_FOLDER`: orchestration.yml (one entry per task group, keeping what a person set
 * in it) and one implementation prompt per task group under implementation/prompts, from tasks.md, offline.
 */
export async function orchestrateCommand(
  folder: string,
  options: { cwd: string; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const root = resolve(options.cwd, folder);
  const shownFolder = root === resolve(options.cwd) ? '.' : displayPath(root, options.cwd);
  const at = (path: string): string => (shownFolder === '.' ? path : `${shownFolder}/${path}`);

  const { tasksSource, tasks } = await readTasksOrRefuse(root, at, options.cwd);

  const out: string[] = [];
  const orchestrationPath = join(root, 'orchestration.yml');
  const existing = await readTextFileIfAny(orchestrationPath, at('orchestration.yml'));
  const plan = planOrchestration(tasks, existing);
  const base = writeBase(options.cwd, root);
  // A symlinked implementation/ or prompts/ folder is refused before anything is written.
  await refuseSymlinks(join(root, 'implementation', 'prompts'), base, at('implementation/prompts'));
  const did = await writeIfChanged(orchestrationPath, at('orchestration.yml'), plan.text, base, existing);
  out.push(
    `${did} ${at('orchestration.yml')} (${tasks.groups.length} task group${tasks.groups.length === 1 ? '' : 's'})`,
  );

  const links = await specLinks(root, shownFolder, at);
  const specTitle = titleOf(
    await readTextFileIfAny(join(root, 'spec.md'), at('spec.md')),
    tasksSource,
    shownFolder === '.' ? root : shownFolder,
  );
  const written = new Set<string>();
  // The App's planning: one prompt per task group with tasks, each with its entry of orchestration.yml; with a
  // model, the App's drafting of each group's guidance, on the file system.
  let groups = planGroups({ tasks, tasksSource, orchestration: plan.groups, links, specTitle });
  const chosen = await promptModel(options);
  let notes: Array<{ key: string; note: DraftingNote }> = [];
  if (chosen.model !== undefined && chosen.settings !== undefined) {
    ({ groups, notes } = await draftWithModel(
      options.cwd,
      folder,
      base,
      { model: chosen.model, settings: chosen.settings },
      { tasks, groups, specTitle },
    ));
  }
  for (const planned of groups) {
    const absolute = resolve(options.cwd, planned.promptPath);
    written.add(absolute);
    out.push(`${await writeIfChanged(absolute, planned.promptPath, planned.prompt, base)} ${planned.promptPath}`);
  }
  if (notes.length > 0) out.push('', promptsNoteText(notes));

  const warnings = [
    ...plan.problems.map((p) => `warning: ${p}`),
    ...(chosen.warning === undefined ? [] : [`warning: ${chosen.warning}`]),
  ];
  warnings.push(...(await stalePromptWarnings(root, at, written)));
  const first = tasks.groups[0];
  out.push(
    '',
    'Set claude_code_subagent, standards and assignees per task group in orchestration.yml, then run this again to update the prompts.',
  );
  if (first !== undefined)
    out.push(`Run a prompt with your coding agent, e.g. claude "$(cat ${groupPromptPath(shownFolder, first, tasks)})"`);
  return { exitCode: 0, stdout: `${out.join('\n')}\n`, stderr: warnings.map((w) => `${w}\n`).join('') };
}
