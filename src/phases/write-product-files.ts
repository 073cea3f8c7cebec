import type { ProductBrief } from '../core/product/product-brief.js';
import type { ProductFileKind } from '../core/product/product-files.js';
import { renderTechStack } from '../core/product/render-product.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { planProductFiles, type PlannedProductFiles, type ProductSources } from './plan-product-files.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';
import type { DraftingDeps } from './write-spec-file.js';

/** One product file as planned. */
export interface ProductFile {
  kind: ProductFileKind;
  path: string;
  content: string;
}

export type ProductFilesWrite =
  /** Files that exist with other content, and `replace` was not set: nothing was written. */
  | { status: 'exists'; paths: string[] }
  | {
      status: 'written';
      /** The files planned, in order (mission.md, roadmap.md, tech-stack.md; tech-stack.md alone without a brief). */
      files: ProductFile[];
      /** Those whose content changed, written at once. */
      written: string[];
      /** The plan of mission.md and roadmap.md, when there was a brief. */
      plan?: PlannedProductFiles;
    };

/** What the product files are planned from. */
export interface ProductFilesInput {
  /** The product description; without one, tech-stack.md alone. */
  brief: ProductBrief | undefined;
  issueBody: string;
  stack: readonly StackEntry[];
  paths: Readonly<Record<ProductFileKind, string>>;
  /** Only a plan the model cached in the files is used (no call): they will not be replaced. */
  cacheOnly?: boolean;
}

/** The product files planned: mission.md and roadmap.md from a brief (if any), tech-stack.md from the stack. */
async function planFiles(
  sources: ProductSources,
  deps: DraftingDeps,
  input: ProductFilesInput,
): Promise<{ files: ProductFile[]; plan?: PlannedProductFiles }> {
  const { brief, paths } = input;
  const techStack: ProductFile = { kind: 'techStack', path: paths.techStack, content: renderTechStack(input.stack) };
  if (brief === undefined) return { files: [techStack] };
  const plan = await planProductFiles(sources, deps, {
    brief,
    issueBody: input.issueBody,
    stack: input.stack,
    paths: { mission: paths.mission, roadmap: paths.roadmap },
    ...(input.cacheOnly === undefined ? {} : { cacheOnly: input.cacheOnly }),
  });
  return {
    files: [
      { kind: 'mission', path: paths.mission, content: plan.mission },
      { kind: 'roadmap', path: paths.roadmap, content: plan.roadmap },
      { ...techStack, content: plan.techStack },
    ],
    plan,
  };
}

/**
 * plan-product's files, wherever it runs: planned (`planProductFiles`) and written through the workspace at once,
 * files already as they should be left alone. Without `replace`, a file that exists with other content stops the
 * write: nothing is written and its path is named. The App writes them on the product branch, the CLI in the folder.
 */
export async function writeProductFiles(
  workspace: SpecWorkspace,
  sources: ProductSources,
  deps: DraftingDeps,
  input: ProductFilesInput & {
    replace: boolean;
    /** The commit message, given the plan of mission.md and roadmap.md. */
    message: (plan: PlannedProductFiles | undefined) => string;
  },
): Promise<ProductFilesWrite> {
  const { files, plan } = await planFiles(sources, deps, input);
  if (!input.replace) {
    const now = await Promise.all(files.map((f) => workspace.readFile(f.path)));
    const paths = files.filter((f, i) => now[i] !== undefined && now[i].text !== f.content).map((f) => f.path);
    if (paths.length > 0) return { status: 'exists', paths };
  }
  const { written } = await workspace.writeFiles({ files, message: input.message(plan) });
  return { status: 'written', files, written, ...(plan === undefined ? {} : { plan }) };
}
