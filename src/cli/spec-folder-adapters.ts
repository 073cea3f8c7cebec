import { resolve } from 'node:path';
import { fsSpecWorkspace, inFolder, workspaceFolder } from '../fs/fs-spec-workspace.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { writeBase } from '../fs/write-text-file.js';
import type { DraftingDeps } from '../phases/write-spec-file.js';
import type { SpecWorkspace } from '../phases/ports/spec-workspace.js';
import { chooseCliModel, QUIET_LOG } from './choose-cli-model.js';

/**
 * What a command on one spec folder runs its phase with: the folder as a workspace path, the workspace (writes
 * checked for links below the repository, or below the folder when it lies outside), the drafting settings and the
 * model chosen, and the model's warning (for stderr) if any.
 */
export async function specFolderAdapters(
  folder: string,
  options: { cwd: string; model?: boolean; env?: NodeJS.ProcessEnv },
): Promise<{
  folder: string;
  at: (name: string) => string;
  workspace: SpecWorkspace;
  deps: DraftingDeps;
  warning: string;
}> {
  const shownFolder = workspaceFolder(options.cwd, folder);
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  return {
    folder: shownFolder,
    at: (name) => inFolder(shownFolder, name),
    workspace: fsSpecWorkspace({ cwd: options.cwd, base: writeBase(options.cwd, resolve(options.cwd, folder)) }),
    deps: { settings, log: QUIET_LOG, ...(chosen.model === undefined ? {} : { model: chosen.model }) },
    warning: chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n`,
  };
}
