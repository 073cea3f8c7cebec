import { tickRoadmapItem } from '../core/product/roadmap.js';
import { markerLine } from '../core/spec/render-comments.js';
import { issueNumberOfSpecBranch } from '../core/spec/spec-location.js';
import { escapeMarkdown } from '../core/markdown/escape-markdown.js';
import { isAgentOsError } from '../core/errors.js';
import { readBranch } from '../github/branches.js';
import { listIssueComments, upsertMarkedComment } from '../github/issue-comments.js';
import { findOrOpenPullRequest } from '../github/pull-requests.js';
import { readIssue } from '../github/read-issue.js';
import { createBranchWithFiles, writeFileOnBranch } from '../github/write-files.js';
import { updateIssue } from '../github/write-issue.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { showPhase } from './show-phase.js';
import { matchRoadmap, readRoadmapFile, type RoadmapMatch } from './roadmap-item.js';

export interface MergedPullRequest {
  number: number;
  headRef: string;
  htmlUrl: string;
}

export type RoadmapUpdate =
  | { status: 'off' | 'no-roadmap' | 'no-item' | 'already-ticked' }
  | { status: 'failed'; message: string }
  | { status: 'pull-request'; number: number; url: string; item: string }
  | { status: 'pushed'; item: string };

export interface FinishOutcome {
  status: 'finished' | 'not-a-spec';
  issue?: number;
  roadmap?: RoadmapUpdate;
  closed?: boolean;
}

/** The hidden first line of the summary comment: one per spec pull request, whatever redelivers it. */
export const MERGED_MARKER = 'agent-os-github:merged';

async function tickRoadmap(
  ctx: LifecycleContext,
  issueNumber: number,
  match: RoadmapMatch,
  pr: MergedPullRequest,
): Promise<RoadmapUpdate> {
  if (match.file === 'absent') return { status: 'no-roadmap' };
  if (match.item === undefined) return { status: 'no-item' };
  if (match.item.checked) return { status: 'already-ticked' };
  const item = `${match.item.number}. ${match.item.title}`;
  const { text } = tickRoadmapItem(match.source.text, match.item);
  const message = `Roadmap: ${item} is done\n\nDelivered by #${pr.number} (spec for #${issueNumber}).`;
  if (ctx.settings.roadmapUpdate === 'push') {
    await writeFileOnBranch(ctx.client, ctx.repo, {
      branch: ctx.defaultBranch,
      path: match.path,
      content: text,
      message,
      sha: match.source.sha,
    });
    return { status: 'pushed', item };
  }
  const branch = `${ctx.settings.branchPrefix}roadmap-${issueNumber}`;
  // Made by an earlier delivery: the pull request below is then found, not opened again.
  const [made, base] = await Promise.all([
    readBranch(ctx.client, ctx.repo, branch),
    readBranch(ctx.client, ctx.repo, ctx.defaultBranch),
  ]);
  if (made === undefined && base !== undefined) {
    await createBranchWithFiles(ctx.client, ctx.repo, {
      branch,
      base,
      files: [{ path: match.path, content: text }],
      message,
    });
  }
  const opened = await findOrOpenPullRequest(ctx.client, ctx.repo, {
    head: branch,
    base: ctx.defaultBranch,
    title: `Roadmap: ${match.item.title} is done`.slice(0, 256),
    body: [
      `Ticks roadmap item ${escapeMarkdown(item)} in \`${match.path}\`: #${pr.number} delivered it (the spec for #${issueNumber}).`,
      '',
      'One character changes; merge it to keep the roadmap true.',
    ].join('\n'),
    draft: false,
    openOnly: true,
  });
  return { status: 'pull-request', number: opened.number, url: opened.url, item };
}

function summary(pr: MergedPullRequest, roadmap: RoadmapUpdate, close: boolean): string {
  const road =
    roadmap.status === 'pull-request'
      ? `Its roadmap item **${escapeMarkdown(roadmap.item)}** is ticked in #${roadmap.number}; merge it to update the roadmap.`
      : roadmap.status === 'pushed'
        ? `Its roadmap item **${escapeMarkdown(roadmap.item)}** is ticked on the default branch.`
        : roadmap.status === 'already-ticked'
          ? 'Its roadmap item was already ticked.'
          : roadmap.status === 'no-item'
            ? 'No roadmap item matches this issue’s title, so the roadmap is unchanged.'
            : roadmap.status === 'no-roadmap'
              ? 'The repository has no product roadmap (`/plan-product` makes one).'
              : roadmap.status === 'failed'
                ? `Its roadmap item could not be ticked: ${roadmap.message} Tick it by hand in the roadmap.`
                : '';
  return [
    markerLine(MERGED_MARKER, `pr-${pr.number}`),
    `The spec pull request #${pr.number} merged, so this spec is done. ${road}`.trim(),
    ...(close ? ['', 'Closing this issue as completed.'] : []),
  ].join('\n');
}

/**
 * A spec pull request merged: tick its roadmap item (through a pull request unless configured to push), say
 * so on the spec's issue, move its label to done and close it. Each step finds its earlier result first, so a
 * redelivery writes nothing.
 */
export async function finishMergedSpec(ctx: LifecycleContext, pr: MergedPullRequest): Promise<FinishOutcome> {
  const issueNumber = issueNumberOfSpecBranch(pr.headRef, ctx.settings);
  if (issueNumber === undefined) return { status: 'not-a-spec' };
  const [issue, comments, roadmapFile] = await Promise.all([
    readIssue(ctx.client, ctx.repo, issueNumber),
    listIssueComments(ctx.client, ctx.repo, issueNumber),
    ctx.settings.roadmapUpdate === 'off' ? Promise.resolve(undefined) : readRoadmapFile(ctx),
  ]);
  // The roadmap is a courtesy: a protected branch or a refused pull request must not keep the issue open.
  const roadmap: RoadmapUpdate =
    roadmapFile === undefined
      ? { status: 'off' }
      : await tickRoadmap(ctx, issueNumber, matchRoadmap(roadmapFile, issue.title), pr).catch((error: unknown) => {
          ctx.log.warn({ err: error }, 'could not tick the roadmap item');
          return { status: 'failed' as const, message: isAgentOsError(error) ? error.message : String(error) };
        });
  const close = ctx.settings.closeIssueOnMerge && !issue.isPullRequest;
  await showPhase(ctx, issue, ctx.settings.labels.done);
  const isSummary = (body: string) => body.startsWith(markerLine(MERGED_MARKER, `pr-${pr.number}`));
  // Said once: a redelivery (which finds the item ticked by now) leaves the first summary as it is.
  if (!comments.some((c) => c.byBot && isSummary(c.body)) || roadmap.status === 'failed') {
    await upsertMarkedComment(ctx.client, ctx.repo, {
      number: issue.number,
      isOurs: isSummary,
      body: summary(pr, roadmap, close),
      comments,
    });
  }
  let closed = false;
  if (close && issue.state === 'open') {
    await updateIssue(ctx.client, ctx.repo, issue.number, { state: 'closed', stateReason: 'completed' });
    closed = true;
  }
  return { status: 'finished', issue: issue.number, roadmap, closed };
}
