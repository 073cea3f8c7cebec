import { phaseLabels } from '../core/config/lifecycle-settings.js';
import { setPhaseLabel } from '../github/labels.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import type { LifecycleContext } from './lifecycle-context.js';

/** The issue's phase label: shaping (unless its spec is already written). */
export async function showShaping(ctx: LifecycleContext, issue: IssueSnapshot): Promise<void> {
  const { labels } = ctx.settings;
  // Once the spec is written the issue is past shaping: a later /shape-spec does not move the label back.
  if (issue.labels.includes(labels.specWritten)) return;
  await setPhaseLabel(ctx.client, ctx.repo, {
    number: issue.number,
    current: issue.labels,
    target: labels.shaping,
    phaseLabels: phaseLabels(labels),
  });
}
