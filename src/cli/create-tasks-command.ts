import { resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { fsSpecWorkspace, inFolder, workspaceFolder } from '../fs/fs-spec-workspace.js';
import { writeBase } from '../fs/write-text-file.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { createTasksFile } from '../phases/create-tasks-file.js';
import { chooseCliModel, draftingLine, QUIET_LOG } from './choose-cli-model.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github create-tasks SPEC_FOLDER`: the create-tasks phase on the file system; an existing tasks.md is kept unless --force. */
export async function createTasksCommand(
  folder: string,
  options: { cwd: string; force: boolean; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const root = resolve(options.cwd, folder);
  const shownFolder = workspaceFolder(options.cwd, folder);
  const specPath = inFolder(shownFolder, 'spec.md');
  const tasksPath = inFolder(shownFolder, 'tasks.md');
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  const made = await createTasksFile(
    fsSpecWorkspace({ cwd: options.cwd, base: writeBase(options.cwd, root) }),
    { settings, log: QUIET_LOG, ...(chosen.model === undefined ? {} : { model: chosen.model }) },
    { folder: shownFolder, specPath, tasksPath, force: options.force, message: () => '' },
  );
  if (made.status === 'missing-spec') {
    throw new AgentOsError(
      'user-input',
      `${specPath} does not exist: SPEC_FOLDER must be a spec folder with spec.md (write one with \`agent-os-github write-spec SPEC_FOLDER\`).`,
    );
  }
  if (made.status === 'exists') {
    throw new AgentOsError(
      'user-input',
      `${tasksPath} already exists; pass --force to write it again from spec.md (its ticks and edits are lost).`,
    );
  }
  const note = made.drafting === undefined ? '' : `${draftingLine('tasks.md', made.drafting)}\n`;
  return {
    exitCode: 0,
    stdout: `${made.status === 'written' ? 'Wrote' : 'Rewrote'} ${tasksPath}: ${made.tasks} tasks in ${made.groups} task groups, covering ${made.doc.requirements.length} specific requirements.\n${note}`,
    stderr: chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n`,
  };
}
