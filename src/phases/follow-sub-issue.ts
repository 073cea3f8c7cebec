import { taskRulesOf } from '../core/config/settings.js';
import { permissionAtLeast } from '../core/config/lifecycle-settings.js';
import { tickGroup } from '../core/orchestration/group-progress.js';
import { parseSubIssueMarker } from '../core/orchestration/sub-issue.js';
import { markerLine, MARKERS } from '../core/spec/render-comments.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { createIssueComment, listIssueComments } from '../github/issue-comments.js';
import { findPullRequestFromBranch } from '../github/pull-requests.js';
import { readIssue } from '../github/read-issue.js';
import { readPermission } from '../github/read-permission.js';
import { readParentIssue } from '../github/sub-issues.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import { gatePullRequestAt, type GateOutcome } from './gate-tasks.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';
import { syncChecklist } from './sync-checklist.js';

/** A sub-issue of ours closed or reopened, as plain values. */
export interface SubIssueStateEvent {
  action: 'closed' | 'reopened';
  issueNumber: number;
  /** The payload's body: only a cheap first filter (the marker); the rest is read through the API. */
  body: string;
  stateReason: string | null;
  sender: { login: string; isBot: boolean };
  eventKey: string;
}

export interface SubIssueOutcome {
  status: 'ignored' | 'ticked' | 'unchanged' | 'refused' | 'noted' | 'already-handled';
  ticked?: number;
  gate?: GateOutcome;
  pullRequest?: number;
}

/** Whether an issue's body says it is one of our task-group sub-issues (no request needed). */
export function isOurSubIssue(body: string | null | undefined): boolean {
  return parseSubIssueMarker(body) !== undefined;
}

async function say(ctx: LifecycleContext, number: number, eventKey: string, text: string): Promise<void> {
  await createIssueComment(ctx.client, ctx.repo, number, `${markerLine(MARKERS.reply, eventKey)}\n${text}`);
}

/** The sub-issue's group, its spec and the spec's pull request; none when it is not ours or already answered. */
async function readSubIssueSpec(ctx: LifecycleContext, event: SubIssueStateEvent) {
  const marker = parseSubIssueMarker(event.body);
  if (marker === undefined || event.sender.isBot) return { status: 'ignored' as const };
  const comments = await listIssueComments(ctx.client, ctx.repo, event.issueNumber);
  if (comments.some((c) => c.byBot && c.body.startsWith(markerLine(MARKERS.reply, event.eventKey))))
    return { status: 'already-handled' as const };
  const parent = await readParentIssue(ctx.client, ctx.repo, event.issueNumber);
  if (parent === undefined) return { status: 'ignored' as const };
  const spec = await locateSpec(ctx, await readIssue(ctx.client, ctx.repo, parent.number));
  if (spec === undefined) return { status: 'ignored' as const };
  const pr = await findPullRequestFromBranch(ctx.client, ctx.repo, spec.location.branch);
  return { status: 'found' as const, group: marker.group, location: spec.location, pr };
}

type SubIssueSpec = Extract<Awaited<ReturnType<typeof readSubIssueSpec>>, { status: 'found' }>;

/** Reopened, or closed other than as completed: no task changes, and the sub-issue says so. */
async function noteUntouched(ctx: LifecycleContext, event: SubIssueStateEvent, spec: SubIssueSpec): Promise<void> {
  const { group, location, pr } = spec;
  if (event.action === 'reopened') {
    const where = pr === undefined ? `\`${location.tasksPath}\`` : `the checklist of #${pr.number}`;
    await say(
      ctx,
      event.issueNumber,
      event.eventKey,
      `Reopened: the tasks of Task Group ${group} stay ticked in \`${location.tasksPath}\`. If work is left, untick them in ${where}.`,
    );
    return;
  }
  const how = event.stateReason === 'duplicate' ? 'as a duplicate' : 'as not planned';
  await say(
    ctx,
    event.issueNumber,
    event.eventKey,
    `Closed ${how}: the tasks of Task Group ${group} were left as they are. Mark them \`N/A\` in \`${location.tasksPath}\` if the spec no longer needs them.`,
  );
}

/** The group's boxes ticked in tasks.md (one commit, only those boxes), said on the sub-issue; the new text. */
async function tickGroupOnBranch(ctx: LifecycleContext, event: SubIssueStateEvent, spec: SubIssueSpec) {
  const { group, location } = spec;
  const file = await readFileOnBranch(ctx.client, ctx.repo, location.tasksPath, location.branch);
  if (file === undefined) return undefined;
  const tasks = parseTaskFile(file.text, { path: location.tasksPath, ...taskRulesOf(ctx.gateSettings) });
  const { text, ticked } = tickGroup(file.text, tasks, group);
  // Already ticked (the usual case when the tasks closed it): nothing to do, nothing to say.
  if (ticked === 0) return { text, ticked, commitSha: undefined };
  const { commitSha } = await writeFileOnBranch(ctx.client, ctx.repo, {
    branch: location.branch,
    path: location.tasksPath,
    content: text,
    message: `Tick Task Group ${group} (#${event.issueNumber} closed by @${event.sender.login})\n\n${ticked} task${ticked === 1 ? '' : 's'} in ${location.tasksPath}.`,
    sha: file.sha,
  });
  await say(
    ctx,
    event.issueNumber,
    event.eventKey,
    `Ticked ${ticked} task${ticked === 1 ? '' : 's'} of Task Group ${group} in \`${location.tasksPath}\` on \`${location.branch}\`.`,
  );
  return { text, ticked, commitSha };
}

/** The spec pull request gated again on the tick's commit, and its checklist brought in step. */
async function gateAfterTick(
  ctx: LifecycleContext,
  pr: number,
  tick: { commitSha: string; tasksPath: string; text: string },
): Promise<GateOutcome> {
  const gate = await gatePullRequestAt(
    ctx.client,
    ctx.repo,
    ctx.repoHtmlUrl,
    pr,
    tick.commitSha,
    ctx.gateSettings,
    undefined,
    { path: tick.tasksPath, text: tick.text },
  );
  await syncChecklist({ client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest: pr }, gate);
  return gate;
}

/**
 * A person closed a task group's sub-issue as completed: tick that group's boxes in tasks.md (one commit, only
 * those boxes) and gate the spec pull request again. Closing as not planned and reopening change no task, and
 * say so on the sub-issue, so nothing changes silently.
 */
export async function followSubIssue(ctx: LifecycleContext, event: SubIssueStateEvent): Promise<SubIssueOutcome> {
  const spec = await readSubIssueSpec(ctx, event);
  if (spec.status !== 'found') return { status: spec.status };
  if (event.action === 'reopened' || event.stateReason !== 'completed') {
    await noteUntouched(ctx, event, spec);
    return { status: 'noted' };
  }
  const held = await readPermission(ctx.client, ctx.repo, event.sender.login);
  if (!permissionAtLeast(held, ctx.settings.permissions.tick)) {
    await say(
      ctx,
      event.issueNumber,
      event.eventKey,
      `@${event.sender.login} closing this ticks Task Group ${spec.group} only for people with ${ctx.settings.permissions.tick} permission, and you have ${held}, so \`${spec.location.tasksPath}\` was not changed.`,
    );
    return { status: 'refused' };
  }
  const tick = await tickGroupOnBranch(ctx, event, spec);
  if (tick === undefined) return { status: 'ignored' };
  if (tick.commitSha === undefined) return { status: 'unchanged', ticked: 0 };
  const { pr } = spec;
  if (pr?.state !== 'open') return { status: 'ticked', ticked: tick.ticked };
  const gate = await gateAfterTick(ctx, pr.number, {
    ...tick,
    commitSha: tick.commitSha,
    tasksPath: spec.location.tasksPath,
  });
  return { status: 'ticked', ticked: tick.ticked, gate, pullRequest: pr.number };
}
