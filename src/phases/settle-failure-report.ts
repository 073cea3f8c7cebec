import { markedAs, markerLine, MARKERS, writtenForEvent } from '../core/spec/render-comments.js';
import { upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import type { LifecycleContext } from './lifecycle-context.js';

const WENT_THROUGH = '✅ **Done on a later try.**';

/** The failure report of an event, rewritten to say the event went through after all (the old report folded away). */
export function renderWentThrough(eventKey: string, failedBody: string, what: string): string {
  const before = failedBody.split('\n').slice(1).join('\n').trim();
  return [
    markerLine(MARKERS.failed, eventKey),
    `${WENT_THROUGH} ${what} went through when it was tried again, so nothing more is needed.`,
    '',
    '<details><summary>What failed before</summary>',
    '',
    before,
    '',
    '</details>',
  ].join('\n');
}

/**
 * An event that failed earlier (its failure report is on the issue) has now succeeded, on a redelivery or a retry:
 * edit that report to say so, instead of leaving "failed" above the result. Nothing to do (no request) otherwise.
 */
export async function settleFailureReport(
  ctx: LifecycleContext,
  input: { number: number; eventKey: string; comments: readonly IssueComment[]; what: string },
): Promise<void> {
  const isOurs = (body: string) => markedAs(body, MARKERS.failed) && writtenForEvent(body, input.eventKey);
  const report = input.comments.find((c) => c.byBot && isOurs(c.body));
  if (report === undefined || report.body.includes(WENT_THROUGH)) return;
  try {
    await upsertMarkedComment(ctx.client, ctx.repo, {
      number: input.number,
      isOurs,
      body: renderWentThrough(input.eventKey, report.body, input.what),
      comments: input.comments,
    });
  } catch (error) {
    // The job itself is done; an old report left as it was is only untidy.
    ctx.log.warn({ err: error, comment: report.id }, 'could not mark a failure report as settled');
  }
}
