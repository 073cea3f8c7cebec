import { readPullRequest } from '../github/read-pull-request.js';
import { followSpecPullRequest, hasFollowUps, type FollowUpOutcome } from './follow-spec-pull-request.js';
import type { GateOutcome } from './gate-tasks.js';
import type { LifecycleContext } from './lifecycle-context.js';

/**
 * After a gate on a pull request: the spec follow-ups (sub-issues of completed groups closed, the verification
 * report once green). Costs nothing when there is nothing to follow up (most gates). Failures are logged, never thrown:
 * the check run is already reported.
 */
export async function followGate(
  ctx: LifecycleContext,
  /** `head`: the branch and whether it is in this repository, when the payload has them. */
  pr: { number: number; head?: { ref: string; inRepository: boolean } },
  gate: GateOutcome,
): Promise<FollowUpOutcome | undefined> {
  if (!hasFollowUps(ctx, gate)) return undefined;
  try {
    let head = pr.head;
    if (head === undefined) {
      const read = await readPullRequest(ctx.client, ctx.repo, pr.number);
      head = { ref: read.headRef, inRepository: read.headInRepository };
    }
    // A fork's branch named like a spec branch is not the spec: it may not close sub-issues or write on the real one.
    if (!head.inRepository) return undefined;
    const headRef = head.ref;
    const outcome = await followSpecPullRequest(ctx, { number: pr.number, headRef }, gate);
    if (outcome.closedSubIssues.length > 0 || outcome.verification === 'written')
      ctx.log.info({ pullRequest: pr.number, ...outcome }, 'spec follow-ups');
    return outcome;
  } catch (error) {
    ctx.log.warn({ err: error, pullRequest: pr.number }, 'spec follow-ups failed');
    return undefined;
  }
}
