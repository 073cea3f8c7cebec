import { join, resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { readSpec } from '../core/spec/read-spec.js';
import { renderTasks, tasksRefusal } from '../core/spec/render-tasks.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { displayPath } from '../fs/find-task-files.js';
import { readTextFileIfAny, writeBase, writeTextFile } from '../fs/write-text-file.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { readLocalTree } from '../fs/read-local-tree.js';
import { detectTechStack } from '../core/product/detect-tech-stack.js';
import { readStackFiles } from '../fs/read-stack-files.js';
import { draftTasksFile } from '../model/draft-tasks-file.js';
import { chooseCliModel, draftingLine, QUIET_LOG } from './choose-cli-model.js';
import type { CommandResult } from './validate-command.js';

/** `agent-os-github create-tasks SPEC_FOLDER`: tasks.md from spec.md, offline; an existing tasks.md is kept unless --force. */
export async function createTasksCommand(folder: string, options: { cwd: string; force: boolean; model?: boolean; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  const root = resolve(options.cwd, folder);
  const specPath = join(root, 'spec.md');
  const tasksPath = join(root, 'tasks.md');
  const shownSpec = displayPath(specPath, options.cwd);
  const shown = displayPath(tasksPath, options.cwd);
  const spec = await readTextFileIfAny(specPath, shownSpec);
  if (spec === undefined) {
    throw new AgentOsError('user-input', `${shownSpec} does not exist: SPEC_FOLDER must be a spec folder with spec.md (write one with \`agent-os-github write-spec SPEC_FOLDER\`).`);
  }
  const existing = await readTextFileIfAny(tasksPath, shown);
  if (existing !== undefined && !options.force) {
    throw new AgentOsError('user-input', `${shown} already exists; pass --force to write it again from spec.md (its ticks and edits are lost).`);
  }
  const doc = readSpec(spec);
  const refusal = tasksRefusal(doc);
  if (refusal !== undefined) throw new AgentOsError('user-input', `${shownSpec}: ${refusal}`);
  let content = renderTasks(doc);
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  let note = '';
  if (chosen.model !== undefined) {
    const folderPath = displayPath(root, options.cwd);
    const paths = (await readLocalTree(options.cwd)).filter((p) => p !== folderPath && !p.startsWith(`${folderPath}/`));
    const drafted = await draftTasksFile(chosen.model, { spec: doc, floor: content, existingText: existing, paths, stack: detectTechStack(await readStackFiles(options.cwd)), budgetTokens: settings.modelContextTokens, log: QUIET_LOG });
    content = drafted.content;
    note = `${draftingLine('tasks.md', drafted.note)}\n`;
  }
  await writeTextFile(tasksPath, shown, content, writeBase(options.cwd, root));
  const file = parseTaskFile(content, { path: tasksPath });
  const groups = file.groups.filter((g) => g.tasks.length > 0).length;
  return {
    exitCode: 0,
    stdout: `${existing === undefined ? 'Wrote' : 'Rewrote'} ${shown}: ${file.tasks.length} tasks in ${groups} task groups, covering ${doc.requirements.length} specific requirements.\n${note}`,
    stderr: chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n`,
  };
}
