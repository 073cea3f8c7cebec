import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import { asAgentOsError } from '../core/errors.js';
import { renderShapingFailed } from '../core/replies/render-event-notices.js';
import { markedAs, MARKERS } from '../core/spec/render-comments.js';
import { renderSpecMerged, renderSpecStatus, SPEC_STATUS_MARKER } from '../core/spec/render-spec-status.js';
import {
  findOurComments,
  listIssueComments,
  upsertMarkedComment,
  type IssueComment,
} from '../github/issue-comments.js';
import { readIssue, type IssueSnapshot } from '../github/read-issue.js';
import type { EventBase, LifecycleContext } from '../phases/lifecycle-context.js';
import { readSpecPhase } from '../phases/read-spec-phase.js';
import { settleFailureReport } from '../phases/settle-failure-report.js';
import { shapeSpec, type ShapeResult } from '../phases/shape-spec.js';
import { IGNORED, type EventOutcome, type IssueLabeledEvent } from './event-types.js';
import { handledBefore, reportFailure, visibleText } from './reply-on-issue.js';
import { DEFAULT_CONTEXT_SETTINGS, withSettings } from './with-settings.js';

/** The shape-spec label was added to an issue: shape it, or say where its spec already is. */
export async function onIssueLabeled(base: EventBase, event: IssueLabeledEvent): Promise<EventOutcome> {
  if (event.isPullRequest) return IGNORED;
  let comments: readonly IssueComment[] = [];
  let ctx: LifecycleContext;
  try {
    ctx = await withSettings(base);
  } catch (error) {
    // Without readable settings the shaping label is unknown: speak up only for the default one.
    if (event.label !== DEFAULT_SETTINGS.lifecycle.labels.shapeSpec) return IGNORED;
    ctx = { ...base, ...DEFAULT_CONTEXT_SETTINGS };
    return shapingFailed(
      ctx,
      event,
      error,
      await listIssueComments(base.client, base.repo, event.issueNumber).catch(() => []),
    );
  }
  if (event.label !== ctx.settings.labels.shapeSpec) return IGNORED;
  try {
    comments = await listIssueComments(ctx.client, ctx.repo, event.issueNumber);
    // A redelivery that made the questions goes on (to finish anything left undone); a reply means it is done.
    if (handledBefore(comments, event.eventKey, [MARKERS.questions]))
      return { phase: 'none', status: 'already-handled' };
    const issue = await readIssue(ctx.client, ctx.repo, event.issueNumber);
    const result = await shapeSpec(ctx, { issue, comments, eventKey: event.eventKey, force: false });
    if (result.status === 'merged' || (result.status === 'already-shaped' && !result.redelivery))
      await sayWhereTheSpecIs(ctx, event, issue, comments, result);
    await settleFailureReport(ctx, {
      number: issue.number,
      eventKey: event.eventKey,
      comments,
      what: 'Shaping this issue into a spec',
    });
    if (result.status === 'shaped')
      return { phase: 'shape-spec', status: 'shaped', ...(result.gate ? { gate: result.gate } : {}) };
    return {
      phase: 'shape-spec',
      status: result.status === 'already-shaped' && result.redelivery ? 'unchanged' : result.status,
    };
  } catch (error) {
    return shapingFailed(ctx, event, error, comments);
  }
}

/** One comment per issue says where its spec stands, rewritten in place: adding the label again piles nothing up. */
async function sayWhereTheSpecIs(
  ctx: LifecycleContext,
  event: IssueLabeledEvent,
  issue: IssueSnapshot,
  comments: readonly IssueComment[],
  result: Extract<ShapeResult, { status: 'merged' | 'already-shaped' }>,
): Promise<void> {
  const body =
    result.status === 'merged'
      ? renderSpecMerged(event.eventKey, result.message)
      : renderSpecStatus(
          event.eventKey,
          result.links,
          await readSpecPhase(ctx, result.links.location, issue, comments),
          ctx.gateSettings.checkName,
        );
  const isOurs = (text: string): boolean => markedAs(text, SPEC_STATUS_MARKER);
  const [current] = findOurComments(comments, isOurs);
  // The same words again: the comment stays as it is (rewriting only its hidden marker is no change).
  const same = current !== undefined && visibleText(current.body) === visibleText(body);
  await upsertMarkedComment(ctx.client, ctx.repo, {
    number: issue.number,
    isOurs,
    body: same ? current.body : body,
    comments,
  });
}

async function shapingFailed(
  ctx: LifecycleContext,
  event: IssueLabeledEvent,
  error: unknown,
  comments: readonly IssueComment[],
): Promise<EventOutcome> {
  const known = asAgentOsError(error);
  ctx.log.warn({ err: error, kind: known.kind }, 'shape-spec failed');
  await reportFailure(
    ctx,
    event.issueNumber,
    event.eventKey,
    renderShapingFailed(known.message, event.label, known.kind === 'user-input'),
    comments,
  );
  return { phase: 'shape-spec', status: 'failed', message: known.message };
}
