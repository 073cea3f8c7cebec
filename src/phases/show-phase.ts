import { phaseLabels } from '../core/config/lifecycle-settings.js';
import { setPhaseLabel } from '../github/labels.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import type { LifecycleContext } from './lifecycle-context.js';

/** The issue's phase label set to `target` (one of the configured phase labels), the other phase labels removed. */
export async function showPhase(
  ctx: LifecycleContext,
  issue: Pick<IssueSnapshot, 'number' | 'labels'>,
  target: string,
): Promise<void> {
  await setPhaseLabel(ctx.client, ctx.repo, {
    number: issue.number,
    current: issue.labels,
    target,
    phaseLabels: phaseLabels(ctx.settings.labels),
  });
}

/** The issue's phase label: shaping (unless its spec is already written). */
export async function showShaping(ctx: LifecycleContext, issue: IssueSnapshot): Promise<void> {
  // Once the spec is written the issue is past shaping: a later /shape-spec does not move the label back.
  if (issue.labels.includes(ctx.settings.labels.specWritten)) return;
  await showPhase(ctx, issue, ctx.settings.labels.shaping);
}
