import { AgentOsError } from '../core/errors.js';
import { createTasksFile } from '../phases/create-tasks-file.js';
import { draftingLine } from './choose-cli-model.js';
import { specFolderAdapters } from './spec-folder-adapters.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github create-tasks SPEC_FOLDER`: the create-tasks phase on the file system; an existing tasks.md is kept unless --force. */
export async function createTasksCommand(
  folder: string,
  options: { cwd: string; force: boolean; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const run = await specFolderAdapters(folder, options);
  const specPath = run.at('spec.md');
  const tasksPath = run.at('tasks.md');
  const made = await createTasksFile(run.workspace, run.deps, {
    folder: run.folder,
    specPath,
    tasksPath,
    force: options.force,
    message: () => '',
  });
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
    stderr: run.warning,
  };
}
