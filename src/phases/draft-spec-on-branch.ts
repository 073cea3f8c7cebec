import type { ChatModel } from '../core/model/chat-model.js';
import type { GroundingDocument } from '../core/model/spec-grounding.js';
import { chooseGroundingFiles, clipFile } from '../core/model/choose-grounding-files.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import type { RequirementsDocument } from '../core/spec/read-requirements.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { readRepositoryTree } from '../github/read-repository-tree.js';
import { readFileOnBranch, type FileOnBranch } from '../github/write-files.js';
import { draftSpecFile } from '../model/draft-spec-file.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { stackOf, stackReadPlan } from './read-stack-in-tree.js';

/** The repository as the model sees it: one recursive tree read, the product docs and standards, the most relevant files. */
async function readRepositoryContext(ctx: LifecycleContext, location: SpecLocation, text: string): Promise<{ paths: string[]; documents: GroundingDocument[]; stack: StackEntry[] }> {
  const tree = await readRepositoryTree(ctx.client, ctx.repo, location.branch);
  const paths = tree.paths.filter((p) => !p.startsWith(`${location.folder}/`));
  const wanted = chooseGroundingFiles(paths, ctx.settings.specRoot, text);
  // The manifests for the tech stack are read with the relevant files, each file once.
  const stackPlan = stackReadPlan(paths);
  const all = [...new Set([...wanted, ...stackPlan.read])];
  const read = await Promise.all(all.map((path) => readFileOnBranch(ctx.client, ctx.repo, path, location.branch).catch(() => undefined)));
  const byPath = new Map(all.map((path, i) => [path, read[i]?.text]));
  const documents = wanted.flatMap((path) => {
    const file = byPath.get(path);
    return file === undefined ? [] : [{ path, text: clipFile(file) }];
  });
  return { paths, documents, stack: stackOf(stackPlan, stackPlan.read.map((p) => byPath.get(p))) };
}

/**
 * spec.md by the configured model, grounded in the spec branch (one recursive tree read, product docs,
 * standards, the most relevant files), with the deterministic draft (`floor`) as the fallback.
 */
export async function draftSpecOnBranch(
  ctx: LifecycleContext,
  model: ChatModel,
  input: { location: SpecLocation; doc: RequirementsDocument; floor: string; existing: FileOnBranch | undefined },
): Promise<{ content: string; note: DraftingNote }> {
  const { doc } = input;
  const text = [doc.title, doc.initialDescription, ...doc.discussion.map((d) => d.answer)].join('\n');
  let repository: { paths: string[]; documents: GroundingDocument[]; stack: StackEntry[] };
  try {
    repository = await readRepositoryContext(ctx, input.location, text);
  } catch (error) {
    ctx.log.warn({ err: error }, 'model draft: the repository could not be read');
    return { content: input.floor, note: { by: 'deterministic', model: model.name, usage: { calls: 0, promptTokens: 0, completionTokens: 0 }, reason: 'the repository tree could not be read to ground it' } };
  }
  return draftSpecFile(model, { doc, floor: input.floor, existingText: input.existing?.text, repository, budgetTokens: ctx.settings.modelContextTokens, log: ctx.log });
}
