import { join, resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { readMarkedFile } from '../core/spec/file-marker.js';
import { readRequirements } from '../core/spec/read-requirements.js';
import { renderSpec } from '../core/spec/render-spec.js';
import { displayPath } from '../fs/find-task-files.js';
import { readTextFileIfAny, writeBase, writeTextFile } from '../fs/write-text-file.js';
import { chooseGroundingFiles, clipFile } from '../core/model/choose-grounding-files.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { readLocalFiles, readLocalTree } from '../fs/read-local-tree.js';
import { detectTechStack } from '../core/product/detect-tech-stack.js';
import { readStackFiles } from '../fs/read-stack-files.js';
import { draftSpecFile } from '../model/draft-spec-file.js';
import { chooseCliModel, draftingLine, QUIET_LOG } from './choose-cli-model.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github write-spec SPEC_FOLDER`: spec.md from planning/requirements.md, offline. */
export async function writeSpecCommand(folder: string, options: { cwd: string; force: boolean; model?: boolean; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
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
  const doc = readRequirements(requirements);
  let content = renderSpec(doc);
  const shown = displayPath(specPath, options.cwd);
  const existing = await readTextFileIfAny(specPath, shown);
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  let note = '';
  const editedByHand = existing !== undefined && !(() => {
    const marked = readMarkedFile('spec', existing);
    return marked.marked && marked.intact;
  })();
  if (chosen.model !== undefined && !(editedByHand && !options.force)) {
    const folderPath = displayPath(root, options.cwd);
    const paths = (await readLocalTree(options.cwd)).filter((p) => p !== folderPath && !p.startsWith(`${folderPath}/`));
    const text = [doc.title, doc.initialDescription, ...doc.discussion.map((d) => d.answer)].join('\n');
    const documents = (await readLocalFiles(options.cwd, chooseGroundingFiles(paths, settings.specRoot, text))).map((d) => ({ path: d.path, text: clipFile(d.text) }));
    const stack = detectTechStack(await readStackFiles(options.cwd));
    const drafted = await draftSpecFile(chosen.model, { doc, floor: content, existingText: existing, repository: { paths, documents, stack }, budgetTokens: settings.modelContextTokens, log: QUIET_LOG });
    content = drafted.content;
    note = `${draftingLine('spec.md', drafted.note)}\n`;
  }
  const warning = chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n`;
  if (existing !== undefined && existing === content) return { exitCode: 0, stdout: `${shown} is already up to date.\n${note}`, stderr: warning };
  if (existing !== undefined && !options.force) {
    const marked = readMarkedFile('spec', existing);
    if (!marked.marked || !marked.intact) {
      throw new AgentOsError('user-input', `${shown} was edited since it was written; pass --force to write it again from requirements.md (the edits are lost).`);
    }
  }
  await writeTextFile(specPath, shown, content, writeBase(options.cwd, root));
  return { exitCode: 0, stdout: `${existing === undefined ? 'Wrote' : 'Rewrote'} ${shown}\n${note}`, stderr: warning };
}
