import type { TaskFile } from '../core/tasks/types.js';
import { completeGroups } from '../core/orchestration/group-progress.js';
import { parseSubIssueMarker } from '../core/orchestration/sub-issue.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import { issueNumberOfSpecBranch } from '../core/spec/spec-location.js';
import { renderVerification, verificationKey } from '../core/verification/render-verification.js';
import { listCheckRunsForRef } from '../github/list-check-runs.js';
import { readIssue } from '../github/read-issue.js';
import { listSubIssues } from '../github/sub-issues.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import { updateIssue } from '../github/write-issue.js';
import type { GateOutcome } from './gate-tasks.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { matchRoadmap, readRoadmapFile } from './roadmap-item.js';

export interface SpecPullRequest {
  number: number;
  headRef: string;
}

export interface FollowUpOutcome {
  /** Sub-issues closed because their task group became complete. */
  closedSubIssues: number[];
  verification: 'written' | 'unchanged' | 'kept-edited' | 'not-green' | 'off' | 'not-a-spec';
}

/**
 * Whether a gate on a spec pull request has follow-ups to do, before anything is read: its orchestration.yml is
 * part of the pull request (sub-issues may need closing), or it is green on the whole spec (verification).
 */
export function hasFollowUps(ctx: LifecycleContext, gate: GateOutcome): boolean {
  const spec = specTasks(ctx, gate);
  if (spec === undefined) return false;
  const green = ctx.settings.verificationReport && gate.report.conclusion === 'success' && gate.scope === undefined;
  return green || gate.changedPaths.includes(`${spec.folder}/orchestration.yml`);
}

/** The spec folder whose tasks.md the gate read on a spec pull request, with that file. */
function specTasks(ctx: LifecycleContext, gate: GateOutcome): { folder: string; tasks: TaskFile } | undefined {
  const specs = `${ctx.settings.specRoot}/specs/`;
  for (const read of gate.reads) {
    if (read.status !== 'read' || !read.path.startsWith(specs) || !read.path.endsWith('/tasks.md')) continue;
    const folder = read.path.slice(0, -'/tasks.md'.length);
    if (!folder.slice(specs.length).includes('/')) return { folder, tasks: read.file };
  }
  return undefined;
}

/**
 * What follows a gate on a spec pull request, besides the check run and the checklist: sub-issues of task
 * groups that became complete are closed (only when the spec has an orchestration.yml: otherwise there are
 * none, and nothing is read), and once the gate is green the verification report is written on the branch.
 */
export async function followSpecPullRequest(
  ctx: LifecycleContext,
  pr: SpecPullRequest,
  gate: GateOutcome,
): Promise<FollowUpOutcome> {
  const issueNumber = issueNumberOfSpecBranch(pr.headRef, ctx.settings);
  const spec = specTasks(ctx, gate);
  if (issueNumber === undefined || spec === undefined) return { closedSubIssues: [], verification: 'not-a-spec' };
  const closedSubIssues = gate.changedPaths.includes(`${spec.folder}/orchestration.yml`)
    ? await closeCompletedSubIssues(ctx, issueNumber, spec.folder, spec.tasks)
    : [];
  const verification = await writeVerification(ctx, { pr, issueNumber, folder: spec.folder, tasks: spec.tasks, gate });
  return { closedSubIssues, verification };
}

/** Close (as completed) the open sub-issues whose task group is complete in tasks.md. */
export async function closeCompletedSubIssues(
  ctx: LifecycleContext,
  parent: number,
  folder: string,
  tasks: TaskFile,
): Promise<number[]> {
  const complete = completeGroups(tasks);
  if (complete.size === 0) return [];
  const closed: number[] = [];
  for (const child of await listSubIssues(ctx.client, ctx.repo, parent)) {
    const marker = parseSubIssueMarker(child.body);
    if (marker?.specFolder !== folder || child.state !== 'open' || !complete.has(marker.group)) continue;
    await updateIssue(ctx.client, ctx.repo, child.number, { state: 'closed', stateReason: 'completed' });
    closed.push(child.number);
  }
  return closed;
}

async function writeVerification(
  ctx: LifecycleContext,
  input: { pr: SpecPullRequest; issueNumber: number; folder: string; tasks: TaskFile; gate: GateOutcome },
): Promise<FollowUpOutcome['verification']> {
  if (!ctx.settings.verificationReport) return 'off';
  // A pull request that implements only some task groups (a declared scope) is green without finishing the spec.
  if (input.gate.report.conclusion !== 'success' || input.gate.scope !== undefined) return 'not-green';
  const path = `${input.folder}/verifications/final-verification.md`;
  const existing = await readFileOnBranch(ctx.client, ctx.repo, path, input.pr.headRef);
  if (existing !== undefined) {
    const marked = parseMarkedFile<{ tasks?: string }>('verification', existing.text);
    if (!marked.marked || !marked.intact) return 'kept-edited';
    if (marked.data.tasks === verificationKey(input.tasks)) return 'unchanged';
  }
  const [issue, checks, roadmap] = await Promise.all([
    readIssue(ctx.client, ctx.repo, input.issueNumber),
    listCheckRunsForRef(ctx.client, ctx.repo, input.gate.headSha),
    readRoadmapFile(ctx),
  ]);
  const item = matchRoadmap(roadmap, issue.title);
  const content = renderVerification({
    specTitle: issue.title,
    specFolder: input.folder,
    issueNumber: input.issueNumber,
    pullRequest: input.pr.number,
    date: new Date().toISOString().slice(0, 10),
    tasks: input.tasks,
    specFiles: input.gate.changedPaths.filter((p) => p.startsWith(`${input.folder}/`)),
    roadmap:
      item.file === 'absent'
        ? { file: 'absent', update: ctx.settings.roadmapUpdate }
        : {
            file: 'found',
            update: ctx.settings.roadmapUpdate,
            ...(item.item
              ? { item: { number: item.item.number, title: item.item.title, checked: item.item.checked } }
              : {}),
          },
    checks: checks.filter((c) => c.name !== input.gate.checkName),
  });
  await writeFileOnBranch(ctx.client, ctx.repo, {
    branch: input.pr.headRef,
    path,
    content,
    message: `Verify #${input.issueNumber}: every required task is complete\n\n${path}, written when the ${input.gate.checkName} check turned green.`,
    ...(existing ? { sha: existing.sha } : {}),
  });
  return 'written';
}
