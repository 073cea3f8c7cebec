import { PRODUCT_FILE_NAMES, productFolder } from '../core/product/product-files.js';
import { findRoadmapItem, parseRoadmap, type RoadmapItem } from '../core/product/roadmap.js';
import { readFileOnDefaultBranch } from '../github/read-default-branch-file.js';
import type { FileOnBranch } from '../github/write-files.js';
import type { LifecycleContext } from './lifecycle-context.js';

export type RoadmapFile = { file: 'absent'; path: string } | { file: 'found'; path: string; source: FileOnBranch };
export type RoadmapMatch = RoadmapFile & { item?: RoadmapItem };

/** The product roadmap on the default branch (one request). */
export async function readRoadmapFile(ctx: LifecycleContext): Promise<RoadmapFile> {
  const path = `${productFolder(ctx.settings.specRoot)}/${PRODUCT_FILE_NAMES.roadmap}`;
  const source = await readFileOnDefaultBranch(ctx.client, ctx.repo, path, ctx.defaultBranch);
  return source === undefined ? { file: 'absent', path } : { file: 'found', path, source };
}

/** The roadmap item a spec's issue title matches, if any. */
export function matchRoadmap(roadmap: RoadmapFile, issueTitle: string): RoadmapMatch {
  if (roadmap.file === 'absent') return roadmap;
  const item = findRoadmapItem(parseRoadmap(roadmap.source.text), issueTitle);
  return item === undefined ? roadmap : { ...roadmap, item };
}
