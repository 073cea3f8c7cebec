import type { LifecycleSettings } from '../core/config/lifecycle-settings.js';
import type { ChatModel } from '../core/model/chat-model.js';
import { chooseGroundingFiles, clipFile } from '../core/model/choose-grounding-files.js';
import type { GroundingDocument } from '../core/model/spec-grounding.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { ruleNote, TREE_UNREADABLE, type DraftingNote } from '../core/model/render-drafting-note.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import { parseRequirements, type RequirementsDocument } from '../core/spec/parse-requirements.js';
import { renderSpec } from '../core/spec/render-spec.js';
import { draftSpecFile } from '../model/draft-spec-file.js';
import type { EventLog } from './lifecycle-context.js';
import type { SpecWorkspace, WorkspaceFile } from './ports/spec-workspace.js';
import { stackOf, stackReadPlan } from './read-stack-in-tree.js';

/** What the model is grounded in: the repository's paths, the files most relevant to the spec, the tech stack. */
type SpecRepository = { paths: string[]; documents: GroundingDocument[]; stack: StackEntry[] };

/** What drafting a spec file needs besides the workspace: the model when one is wanted, the settings, a log. */
export interface DraftingDeps {
  /** Set only when a model should draft (configured and wanted); otherwise the rules draft alone. */
  model?: ChatModel;
  settings: Pick<LifecycleSettings, 'specRoot' | 'modelContextTokens'>;
  log: EventLog;
}

/** A spec folder's paths in the workspace. */
export interface SpecFolderPaths {
  folder: string;
  requirementsPath: string;
  specPath: string;
}

export type WriteSpecFileResult =
  | { status: 'missing-requirements' }
  | { status: 'written' | 'updated' | 'unchanged' | 'kept-edited'; doc: RequirementsDocument; drafting?: DraftingNote };

/** The paths of the repository outside the spec folder (the folder itself too): what the model is grounded in. */
export function pathsOutside(paths: readonly string[], folder: string): string[] {
  return paths.filter((p) => p !== folder && !p.startsWith(`${folder}/`));
}

/**
 * The repository as the model sees it: one tree read, the product docs and standards, the most relevant files, and
 * the tech stack from the manifests the tree shows (read with the relevant files, each file once).
 */
async function readGrounding(
  workspace: SpecWorkspace,
  deps: DraftingDeps,
  folder: string,
  text: string,
): Promise<SpecRepository> {
  const paths = pathsOutside(await workspace.readTree(), folder);
  const wanted = chooseGroundingFiles(paths, deps.settings.specRoot, text);
  const stackPlan = stackReadPlan(paths);
  const all = [...new Set([...wanted, ...stackPlan.read])];
  const read = await Promise.all(all.map((path) => workspace.readFile(path).catch(() => undefined)));
  const byPath = new Map(all.map((path, i) => [path, read[i]?.text]));
  const documents = wanted.flatMap((path) => {
    const file = byPath.get(path);
    return file === undefined ? [] : [{ path, text: clipFile(file) }];
  });
  return {
    paths,
    documents,
    stack: stackOf(
      stackPlan,
      stackPlan.read.map((p) => byPath.get(p)),
    ),
  };
}

/** spec.md by the model, grounded in the workspace, with the rules' draft (`floor`) as the fallback. */
async function draftWithModel(
  workspace: SpecWorkspace,
  deps: DraftingDeps & { model: ChatModel },
  input: { folder: string; doc: RequirementsDocument; floor: string; existing: WorkspaceFile | undefined },
) {
  const { doc } = input;
  const { model } = deps;
  const text = [doc.title, doc.initialDescription, ...doc.discussion.map((d) => d.answer)].join('\n');
  let repository: SpecRepository;
  try {
    repository = await readGrounding(workspace, deps, input.folder, text);
  } catch (error) {
    deps.log.warn({ err: error }, 'model draft: the repository could not be read');
    return { content: input.floor, note: ruleNote(model.name, TREE_UNREADABLE) };
  }
  return draftSpecFile(model, {
    doc,
    floor: input.floor,
    existingText: input.existing?.text,
    repository,
    budgetTokens: deps.settings.modelContextTokens,
    log: deps.log,
  });
}

/**
 * write-spec: spec.md from planning/requirements.md (as people may have edited it), by the rules or by the model.
 * A spec.md someone changed since it was written is kept (`kept-edited`) unless `force`; the same text is not
 * written again (`unchanged`). The App, the Action and the CLI run this with their own workspace.
 */
export async function writeSpecFile(
  workspace: SpecWorkspace,
  deps: DraftingDeps,
  request: SpecFolderPaths & { force: boolean; message: (drafting: DraftingNote | undefined) => string },
): Promise<WriteSpecFileResult> {
  const [requirements, existing] = await Promise.all([
    workspace.readFile(request.requirementsPath),
    workspace.readFile(request.specPath),
  ]);
  if (requirements === undefined) return { status: 'missing-requirements' };
  const doc = parseRequirements(requirements.text);
  const floor = renderSpec(doc);
  if (existing !== undefined && !request.force) {
    const marked = parseMarkedFile<object>('spec', existing.text);
    if (!(marked.marked && marked.intact)) return { status: 'kept-edited', doc };
  }
  let content = floor;
  let drafting: DraftingNote | undefined;
  if (deps.model !== undefined) {
    ({ content, note: drafting } = await draftWithModel(
      workspace,
      { ...deps, model: deps.model },
      { folder: request.folder, doc, floor, existing },
    ));
  }
  const withNote = drafting === undefined ? {} : { drafting };
  if (existing?.text === content) return { status: 'unchanged', doc, ...withNote };
  const written = await workspace.writeFile({
    path: request.specPath,
    content,
    message: request.message(drafting),
    ...(existing === undefined ? {} : { replaces: existing }),
  });
  const status = written.status === 'concurrent' ? 'unchanged' : existing === undefined ? 'written' : 'updated';
  return { status, doc, ...withNote };
}
