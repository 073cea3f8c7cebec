import { join, resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { readMarkedFile } from '../core/spec/file-marker.js';
import { readRequirements } from '../core/spec/read-requirements.js';
import { renderSpec } from '../core/spec/render-spec.js';
import { displayPath } from '../fs/find-task-files.js';
import { readTextFileIfAny, writeBase, writeTextFile } from '../fs/write-text-file.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github write-spec SPEC_FOLDER`: spec.md from planning/requirements.md, offline. */
export async function writeSpecCommand(folder: string, options: { cwd: string; force: boolean }): Promise<CommandResult> {
  const root = resolve(options.cwd, folder);
  const requirementsPath = join(root, 'planning', 'requirements.md');
  const specPath = join(root, 'spec.md');
  const requirements = await readTextFileIfAny(requirementsPath, displayPath(requirementsPath, options.cwd));
  if (requirements === undefined) {
    throw new AgentOsError(
      'user-input',
      `${displayPath(requirementsPath, options.cwd)} does not exist: SPEC_FOLDER must be a spec folder with planning/requirements.md (write one with \`agent-os-github shape-spec ISSUE.md\`).`,
    );
  }
  const content = renderSpec(readRequirements(requirements));
  const shown = displayPath(specPath, options.cwd);
  const existing = await readTextFileIfAny(specPath, shown);
  if (existing !== undefined && existing === content) return { exitCode: 0, stdout: `${shown} is already up to date.\n`, stderr: '' };
  if (existing !== undefined && !options.force) {
    const marked = readMarkedFile('spec', existing);
    if (!marked.marked || !marked.intact) {
      throw new AgentOsError('user-input', `${shown} was edited since it was written; pass --force to write it again from requirements.md (the edits are lost).`);
    }
  }
  await writeTextFile(specPath, shown, content, writeBase(options.cwd, root));
  return { exitCode: 0, stdout: `${existing === undefined ? 'Wrote' : 'Rewrote'} ${shown}\n`, stderr: '' };
}
