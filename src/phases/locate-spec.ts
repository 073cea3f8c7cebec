import {
  issueNumberOfSpecBranch,
  specBranchPrefix,
  specLocationOfBranch,
  type SpecLocation,
} from '../core/spec/spec-location.js';
import { findBranchesWithPrefix } from '../github/branches.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import type { LifecycleContext } from './lifecycle-context.js';

/** An issue's existing spec: its branch (by the issue number, whatever the title became) and folder. */
export interface ExistingSpec {
  location: SpecLocation;
  headSha: string;
}

/** Find the spec branch of an issue, if it has one. One request. */
export async function locateSpec(
  ctx: LifecycleContext,
  issue: Pick<IssueSnapshot, 'number' | 'createdAt'>,
): Promise<ExistingSpec | undefined> {
  const branches = await findBranchesWithPrefix(ctx.client, ctx.repo, specBranchPrefix(issue.number, ctx.settings));
  for (const { branch, sha } of branches) {
    if (issueNumberOfSpecBranch(branch, ctx.settings) !== issue.number) continue;
    const location = specLocationOfBranch(branch, issue.createdAt, ctx.settings);
    if (location) return { location, headSha: sha };
  }
  return undefined;
}
