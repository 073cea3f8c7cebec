import { NO_USAGE, type ChatModel } from '../core/model/chat-model.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import type { ProductBrief } from '../core/product/product-brief.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { readRepositoryTree } from '../github/read-repository-tree.js';
import { readFileOnBranch } from '../github/write-files.js';
import { draftProductFiles, type ProductFiles } from '../model/draft-product-file.js';
import type { LifecycleContext } from './lifecycle-context.js';

/**
 * mission.md and roadmap.md by the configured model, grounded in the description, the default branch's tree (one
 * recursive read) and the tech stack already detected; the deterministic plan (`floor`) as the fallback. When the
 * product branch exists (`/plan-product --force`), its files are read first: a plan the model already drafted for
 * exactly these inputs is kept without a call.
 */
export async function draftProductOnBranch(
  ctx: LifecycleContext,
  model: ChatModel,
  input: { brief: ProductBrief; issueBody: string; floor: ProductFiles; stack: readonly StackEntry[]; paths: { mission: string; roadmap: string }; productBranch?: string },
): Promise<ProductFiles & { note: DraftingNote }> {
  const branch = input.productBranch;
  let tree: string[];
  let existing: Partial<ProductFiles> = {};
  try {
    const [read, mission, roadmap] = await Promise.all([
      readRepositoryTree(ctx.client, ctx.repo, ctx.defaultBranch),
      branch === undefined ? undefined : readFileOnBranch(ctx.client, ctx.repo, input.paths.mission, branch),
      branch === undefined ? undefined : readFileOnBranch(ctx.client, ctx.repo, input.paths.roadmap, branch),
    ]);
    // The product files being written are not part of what they are drafted from.
    const folder = input.paths.mission.slice(0, input.paths.mission.lastIndexOf('/'));
    tree = read.paths.filter((p) => p !== folder && !p.startsWith(`${folder}/`));
    existing = { ...(mission === undefined ? {} : { mission: mission.text }), ...(roadmap === undefined ? {} : { roadmap: roadmap.text }) };
  } catch (error) {
    ctx.log.warn({ err: error }, 'model draft: the repository could not be read');
    return { ...input.floor, note: { by: 'deterministic', model: model.name, usage: NO_USAGE, reason: 'the repository tree could not be read to ground it' } };
  }
  return draftProductFiles(model, {
    brief: input.brief,
    issueBody: input.issueBody,
    floor: input.floor,
    existing,
    paths: tree,
    stack: input.stack,
    budgetTokens: ctx.settings.modelContextTokens,
    log: ctx.log,
  });
}
