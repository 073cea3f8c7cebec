import { AgentOsError } from '../core/errors.js';
import { ruleNote, TREE_UNREADABLE, type DraftingNote } from '../core/model/render-drafting-note.js';
import { parseSpec, type SpecDocument } from '../core/spec/parse-spec.js';
import { renderTasks, tasksRefusal } from '../core/spec/render-tasks.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { draftTasksFile } from '../model/draft-tasks-file.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';
import { readStackInWorkspace } from './read-stack-in-tree.js';
import { pathsOutside, type DraftingDeps } from './write-spec-file.js';

export type CreateTasksFileResult =
  | { status: 'missing-spec' }
  | {
      /** `exists`: kept (no `force`); `concurrent`: the same tasks.md was written at the same moment elsewhere. */
      status: 'written' | 'rewritten' | 'exists' | 'concurrent';
      doc: SpecDocument;
      /** tasks.md as it now is (the kept one when it `exists`). */
      content: string;
      groups: number;
      tasks: number;
      /** The commit that wrote it, where the workspace makes commits. */
      commit?: string;
      drafting?: DraftingNote;
    };

/** tasks.md by the model, grounded in the repository's paths, with the rules' draft (`floor`) as the fallback. */
async function draftWithModel(
  workspace: SpecWorkspace,
  deps: DraftingDeps,
  input: { folder: string; doc: SpecDocument; floor: string; existingText: string | undefined },
) {
  const { model } = deps;
  if (model === undefined) return { content: input.floor, note: undefined };
  const tree = await workspace.readTree().catch((error: unknown) => {
    deps.log.warn({ err: error }, 'model draft: the repository tree could not be read');
    return undefined;
  });
  if (tree === undefined) {
    return { content: input.floor, note: ruleNote(model.name, TREE_UNREADABLE) };
  }
  const paths = pathsOutside(tree, input.folder);
  return draftTasksFile(model, {
    spec: input.doc,
    floor: input.floor,
    existingText: input.existingText,
    paths,
    stack: await readStackInWorkspace(workspace, paths),
    budgetTokens: deps.settings.modelContextTokens,
    log: deps.log,
  });
}

/**
 * create-tasks: tasks.md from spec.md in the Agent OS v2.1 layout, by the rules or by the model. An existing
 * tasks.md is kept unless `force`. A spec.md tasks cannot be made from is refused with what to fix. The App, the
 * Action and the CLI run this with their own workspace.
 */
export async function createTasksFile(
  workspace: SpecWorkspace,
  deps: DraftingDeps,
  request: {
    folder: string;
    specPath: string;
    tasksPath: string;
    force: boolean;
    message: (doc: SpecDocument, groups: number) => string;
  },
): Promise<CreateTasksFileResult> {
  const [specFile, existing] = await Promise.all([
    workspace.readFile(request.specPath),
    workspace.readFile(request.tasksPath),
  ]);
  if (specFile === undefined) return { status: 'missing-spec' };
  const doc = parseSpec(specFile.text);
  const refusal = tasksRefusal(doc);
  if (refusal !== undefined) throw new AgentOsError('user-input', `${request.specPath}: ${refusal}`);
  const floor = renderTasks(doc);
  const drafted =
    existing === undefined || request.force
      ? await draftWithModel(workspace, deps, { folder: request.folder, doc, floor, existingText: existing?.text })
      : { content: floor, note: undefined };
  const { content } = drafted;
  const kept = existing !== undefined && !request.force;
  // The counts are of tasks.md as it is after this: the kept file, else the one written.
  const parsed = parseTaskFile(kept ? existing.text : content, { path: request.tasksPath });
  const base = {
    doc,
    groups: parsed.groups.filter((g) => g.tasks.length > 0).length,
    tasks: parsed.tasks.length,
    ...(drafted.note === undefined ? {} : { drafting: drafted.note }),
  };
  if (kept) return { ...base, status: 'exists', content: existing.text };
  const written = await workspace.writeFile({
    path: request.tasksPath,
    content,
    message: request.message(doc, base.groups),
    ...(existing === undefined ? {} : { replaces: existing }),
  });
  if (written.status === 'concurrent') return { ...base, status: 'concurrent', content };
  return {
    ...base,
    status: existing === undefined ? 'written' : 'rewritten',
    content,
    ...(written.commit === undefined ? {} : { commit: written.commit }),
  };
}
