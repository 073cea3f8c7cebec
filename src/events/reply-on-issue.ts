import { markedAs, markerLine, MARKERS, writtenForEvent } from '../core/spec/render-comments.js';
import { createIssueComment, upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import type { EventBase } from '../phases/lifecycle-context.js';

// How the event handlers answer on an issue: one reply per event, one failure report per event.

export async function reply(ctx: EventBase, number: number, eventKey: string, text: string): Promise<void> {
  await createIssueComment(ctx.client, ctx.repo, number, `${markerLine(MARKERS.reply, eventKey)}\n${text}`);
}

/**
 * Say what went wrong with an event: one comment per event, updated if a retry of the same event fails again.
 * Unlike a reply, it does not count as the event being handled, so a redelivery (or the Action's re-run) retries.
 */
export async function reportFailure(
  ctx: EventBase,
  number: number,
  eventKey: string,
  text: string,
  comments: readonly IssueComment[],
): Promise<void> {
  await upsertMarkedComment(ctx.client, ctx.repo, {
    number,
    isOurs: (body) => markedAs(body, MARKERS.failed) && writtenForEvent(body, eventKey),
    body: `${markerLine(MARKERS.failed, eventKey)}\n${text}`,
    comments,
  });
}

/** Whether this event already led to a comment of ours (a reply, the questions), other than a failure report. */
export function handledBefore(
  comments: readonly IssueComment[],
  eventKey: string,
  except: readonly string[] = [],
): boolean {
  return comments.some(
    (c) =>
      c.byBot &&
      writtenForEvent(c.body, eventKey) &&
      !markedAs(c.body, MARKERS.failed) &&
      !except.some((kind) => markedAs(c.body, kind)),
  );
}

/** A comment of ours without its hidden first line. */
export function visibleText(body: string): string {
  return body.slice(body.indexOf('\n') + 1);
}
