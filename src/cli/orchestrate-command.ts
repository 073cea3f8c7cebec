import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { groupPromptPath, type SpecFileLinks } from '../core/orchestration/group-prompt.js';
import { renderPromptsNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import { parseSpec } from '../core/spec/parse-spec.js';
import { displayPath } from '../fs/find-task-files.js';
import { fsSpecWorkspace, inFolder, workspaceFolder } from '../fs/fs-spec-workspace.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { describeFsError, refuseSymlinks, writeBase } from '../fs/write-text-file.js';
import type { SpecWorkspace } from '../phases/ports/spec-workspace.js';
import {
  parseOrchestrationTasks,
  writeOrchestrationFiles,
  type OrchestrationFiles,
} from '../phases/write-orchestration-files.js';
import type { TaskFile } from '../core/tasks/types.js';
import { chooseCliModel, QUIET_LOG } from './choose-cli-model.js';
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

/** tasks.md of the spec folder; refused when it is absent or has no task groups. */
async function readTasksOrRefuse(workspace: SpecWorkspace, at: (path: string) => string, root: string, cwd: string) {
  const tasksSource = (await workspace.readFile(at('tasks.md')))?.text;
  if (tasksSource === undefined) {
    throw new AgentOsError(
      'user-input',
      `${at('tasks.md')} does not exist: SPEC_FOLDER must be a spec folder with tasks.md (write one with \`agent-os-github create-tasks SPEC_FOLDER\`).`,
    );
  }
  const settings = await readLocalSettings(cwd);
  const tasks = parseOrchestrationTasks(tasksSource, join(root, 'tasks.md'), settings.gate);
  if (tasks === undefined) {
    throw new AgentOsError(
      'user-input',
      `${at('tasks.md')} has no task groups: it has no task boxes (\`- [ ] 1.0 …\` under \`#### Task Group 1: …\`). Write its tasks first, e.g. with \`agent-os-github create-tasks SPEC_FOLDER --force\`.`,
    );
  }
  return { tasksSource, tasks, settings: settings.lifecycle };
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

/** What the command says: each file written or unchanged, the drafting note, warnings, and what to do next. */
async function orchestrateOutput(
  spec: { root: string; shownFolder: string; at: (path: string) => string; cwd: string; tasks: TaskFile },
  files: OrchestrationFiles,
  modelWarning: string | undefined,
): Promise<CommandResult> {
  const { root, at, tasks } = spec;
  const did = (path: string) => (files.written.includes(path) ? 'Wrote' : 'Unchanged');
  const count = tasks.groups.length;
  const out = [
    `${did(at('orchestration.yml'))} ${at('orchestration.yml')} (${count} task group${count === 1 ? '' : 's'})`,
  ];
  for (const planned of files.groups) out.push(`${did(planned.promptPath)} ${planned.promptPath}`);
  if (files.drafting !== undefined && files.drafting.length > 0) out.push('', promptsNoteText(files.drafting));
  const prompts = new Set(files.groups.map((g) => resolve(spec.cwd, g.promptPath)));
  const warnings = [
    ...files.plan.problems.map((p) => `warning: ${p}`),
    ...(modelWarning === undefined ? [] : [`warning: ${modelWarning}`]),
    ...(await stalePromptWarnings(root, at, prompts)),
  ];
  out.push(
    '',
    'Set claude_code_subagent, standards and assignees per task group in orchestration.yml, then run this again to update the prompts.',
  );
  const first = tasks.groups[0];
  if (first !== undefined)
    out.push(
      `Run a prompt with your coding agent, e.g. claude "$(cat ${groupPromptPath(spec.shownFolder, first, tasks)})"`,
    );
  return { exitCode: 0, stdout: `${out.join('\n')}\n`, stderr: warnings.map((w) => `${w}\n`).join('') };
}

/**
 * `agent-os-github orchestrate-tasks SPEC_FOLDER`: the orchestrate-tasks phase on the file system (orchestration.yml,
 * keeping what a person set in it, and one implementation prompt per task group under implementation/prompts, from
 * tasks.md), offline.
 */
export async function orchestrateCommand(
  folder: string,
  options: { cwd: string; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const root = resolve(options.cwd, folder);
  const shownFolder = root === resolve(options.cwd) ? '.' : displayPath(root, options.cwd);
  const at = (path: string): string => (shownFolder === '.' ? path : `${shownFolder}/${path}`);
  const base = writeBase(options.cwd, root);
  const workspace = fsSpecWorkspace({ cwd: options.cwd, base });
  const { tasksSource, tasks, settings } = await readTasksOrRefuse(workspace, at, root, options.cwd);
  // A symlinked implementation/ or prompts/ folder is refused before anything is written.
  await refuseSymlinks(join(root, 'implementation', 'prompts'), base, at('implementation/prompts'));
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  const wsFolder = workspaceFolder(options.cwd, folder);
  const files = await writeOrchestrationFiles(
    workspace,
    { settings, log: QUIET_LOG, ...(chosen.model === undefined ? {} : { model: chosen.model }) },
    {
      folder: wsFolder,
      specPath: inFolder(wsFolder, 'spec.md'),
      orchestrationPath: at('orchestration.yml'),
      tasks,
      tasksSource,
      existingPlan: (await workspace.readFile(at('orchestration.yml')))?.text,
      links: await specLinks(root, shownFolder, at),
      specTitle: titleOf(
        (await workspace.readFile(at('spec.md')))?.text,
        tasksSource,
        shownFolder === '.' ? root : shownFolder,
      ),
      message: () => '',
    },
  );
  return orchestrateOutput({ root, shownFolder, at, cwd: options.cwd, tasks }, files, chosen.warning);
}
