import type { ChatModel } from '../core/model/chat-model.js';
import { ruleNote, TREE_UNREADABLE, type DraftingNote } from '../core/model/render-drafting-note.js';
import type { ProductBrief } from '../core/product/product-brief.js';
import { renderMission, renderRoadmap, renderTechStack } from '../core/product/render-product.js';
import { parseRoadmap } from '../core/product/roadmap.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { draftProductFiles, type ProductFiles } from '../model/draft-product-file.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';
import { pathsOutside, type DraftingDeps } from './write-spec-file.js';

/** Where the product plan is drafted from: the repository's tree, and the product files as they are (if any). */
export interface ProductSources {
  tree: Pick<SpecWorkspace, 'readTree'>;
  /** Where mission.md and roadmap.md already are (the product branch, the folder): a plan cached there is reused. */
  existing?: Pick<SpecWorkspace, 'readFile'>;
}

export interface PlannedProductFiles extends ProductFiles {
  techStack: string;
  /** Items on roadmap.md (the model may split or join features). */
  roadmapItems: number;
  drafting?: DraftingNote;
}

/** mission.md and roadmap.md by the model, grounded in the tree (without the product folder); `floor` as the fallback. */
async function draftWithModel(
  sources: ProductSources,
  deps: DraftingDeps & { model: ChatModel },
  input: {
    brief: ProductBrief;
    issueBody: string;
    floor: ProductFiles;
    stack: readonly StackEntry[];
    paths: ProductFiles;
    cacheOnly: boolean;
  },
): Promise<ProductFiles & { note: DraftingNote }> {
  const { model } = deps;
  let tree: string[];
  let existing: Partial<ProductFiles> = {};
  try {
    const [read, mission, roadmap] = await Promise.all([
      sources.tree.readTree(),
      sources.existing?.readFile(input.paths.mission),
      sources.existing?.readFile(input.paths.roadmap),
    ]);
    // The product files being written are not part of what they are drafted from (or a re-run would never match).
    tree = pathsOutside(read, input.paths.mission.slice(0, input.paths.mission.lastIndexOf('/')));
    existing = {
      ...(mission === undefined ? {} : { mission: mission.text }),
      ...(roadmap === undefined ? {} : { roadmap: roadmap.text }),
    };
  } catch (error) {
    deps.log.warn({ err: error }, 'model draft: the repository could not be read');
    return { ...input.floor, note: ruleNote(model.name, TREE_UNREADABLE) };
  }
  return draftProductFiles(model, {
    brief: input.brief,
    issueBody: input.issueBody,
    floor: input.floor,
    existing,
    paths: tree,
    stack: input.stack,
    budgetTokens: deps.settings.modelContextTokens,
    log: deps.log,
    // Files that will not be replaced: only a plan already cached in them is used, no call.
    cacheOnly: input.cacheOnly && (existing.mission !== undefined || existing.roadmap !== undefined),
  });
}

/**
 * plan-product's files, wherever it runs: mission.md and roadmap.md from the brief (by the rules, or by the model
 * when `deps.model` is set, cached in the files' markers), tech-stack.md from the stack detected. The App writes
 * them on the product branch, the CLI in the folder.
 */
export async function planProductFiles(
  sources: ProductSources,
  deps: DraftingDeps,
  input: {
    brief: ProductBrief;
    issueBody: string;
    stack: readonly StackEntry[];
    paths: ProductFiles;
    cacheOnly?: boolean;
  },
): Promise<PlannedProductFiles> {
  let plan: ProductFiles = { mission: renderMission(input.brief), roadmap: renderRoadmap(input.brief) };
  let drafting: DraftingNote | undefined;
  if (deps.model !== undefined) {
    const drafted = await draftWithModel(
      sources,
      { ...deps, model: deps.model },
      { ...input, floor: plan, cacheOnly: input.cacheOnly === true },
    );
    plan = { mission: drafted.mission, roadmap: drafted.roadmap };
    drafting = drafted.note;
  }
  const roadmapItems =
    drafting !== undefined && drafting.by !== 'deterministic'
      ? parseRoadmap(plan.roadmap).length
      : input.brief.features.length;
  return {
    ...plan,
    techStack: renderTechStack(input.stack),
    roadmapItems,
    ...(drafting === undefined ? {} : { drafting }),
  };
}
