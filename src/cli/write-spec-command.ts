import { AgentOsError } from '../core/errors.js';
import { writeSpecFile } from '../phases/write-spec-file.js';
import { draftingLine } from './choose-cli-model.js';
import { specFolderAdapters } from './spec-folder-adapters.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github write-spec SPEC_FOLDER`: the write-spec phase on the file system (spec.md from planning/requirements.md). */
export async function writeSpecCommand(
  folder: string,
  options: { cwd: string; force: boolean; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const run = await specFolderAdapters(folder, options);
  const requirementsPath = run.at('planning/requirements.md');
  const specPath = run.at('spec.md');
  const written = await writeSpecFile(run.workspace, run.deps, {
    folder: run.folder,
    requirementsPath,
    specPath,
    force: options.force,
    message: () => '',
  });
  if (written.status === 'missing-requirements') {
    throw new AgentOsError(
      'user-input',
      `${requirementsPath} does not exist: SPEC_FOLDER must be a spec folder with planning/requirements.md (write one with \`agent-os-github shape-spec ISSUE.md\`).`,
    );
  }
  if (written.status === 'kept-edited') {
    throw new AgentOsError(
      'user-input',
      `${specPath} was edited since it was written; pass --force to write it again from requirements.md (the edits are lost).`,
    );
  }
  const note = written.drafting === undefined ? '' : `${draftingLine('spec.md', written.drafting)}\n`;
  const said = {
    unchanged: `${specPath} is already up to date.`,
    written: `Wrote ${specPath}`,
    updated: `Rewrote ${specPath}`,
  }[written.status];
  return { exitCode: 0, stdout: `${said}\n${note}`, stderr: run.warning };
}
