import { resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { fsSpecWorkspace, inFolder, workspaceFolder } from '../fs/fs-spec-workspace.js';
import { writeBase } from '../fs/write-text-file.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { writeSpecFile } from '../phases/write-spec-file.js';
import { chooseCliModel, draftingLine, QUIET_LOG } from './choose-cli-model.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github write-spec SPEC_FOLDER`: the write-spec phase on the file system (spec.md from planning/requirements.md). */
export async function writeSpecCommand(
  folder: string,
  options: { cwd: string; force: boolean; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const root = resolve(options.cwd, folder);
  const shownFolder = workspaceFolder(options.cwd, folder);
  const requirementsPath = inFolder(shownFolder, 'planning/requirements.md');
  const specPath = inFolder(shownFolder, 'spec.md');
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  const written = await writeSpecFile(
    fsSpecWorkspace({ cwd: options.cwd, base: writeBase(options.cwd, root) }),
    { settings, log: QUIET_LOG, ...(chosen.model === undefined ? {} : { model: chosen.model }) },
    { folder: shownFolder, requirementsPath, specPath, force: options.force, message: () => '' },
  );
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
  const warning = chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n`;
  const said = {
    unchanged: `${specPath} is already up to date.`,
    written: `Wrote ${specPath}`,
    updated: `Rewrote ${specPath}`,
  }[written.status];
  return { exitCode: 0, stdout: `${said}\n${note}`, stderr: warning };
}
