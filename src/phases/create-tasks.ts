import { AgentOsError } from '../core/errors.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import { findPullRequestFromBranch } from '../github/pull-requests.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { createTasksFile } from './create-tasks-file.js';
import { gatePullRequestAt, type GateOutcome } from './gate-tasks.js';
import { draftingDeps, blobUrl, type LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';
import { syncChecklist } from './sync-checklist.js';

export interface CreateTasksResult {
  /** `concurrent`: the same tasks.md was written at the same moment by another delivery of this command. */
  status: 'written' | 'rewritten' | 'exists' | 'concurrent';
  location: SpecLocation;
  tasksUrl: string;
  groups: number;
  tasks: number;
  requirements: number;
  /** The spec pull request gated at the new commit (the App reports it as the check run). */
  gate?: GateOutcome;
  pullRequest?: number;
  /** How a model drafted it, when a model is configured and wanted. */
  drafting?: DraftingNote;
}

/**
 * create-tasks on an issue: tasks.md on the spec branch (`createTasksFile` on the branch's workspace), then the spec
 * pull request gated at the new commit and its checklist. An existing tasks.md is left alone unless `force`.
 */
export async function createTasks(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  options: { force: boolean; deterministic?: boolean },
): Promise<CreateTasksResult> {
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) {
    throw new AgentOsError(
      'user-input',
      `Issue #${issue.number} has no spec yet. Label it \`${ctx.settings.labels.shapeSpec}\` or comment \`/shape-spec\`, then \`/write-spec\`, then \`/create-tasks\`.`,
    );
  }
  const { location } = spec;
  const made = await createTasksFile(
    githubSpecWorkspace(ctx.client, ctx.repo, location.branch),
    draftingDeps(ctx, options.deterministic),
    {
      ...location,
      force: options.force,
      message: (doc, groups) =>
        `Create tasks for #${issue.number}: ${issue.title}\n\nFrom ${location.specPath}: ${doc.requirements.length} specific requirements in ${groups} task groups.`,
    },
  );
  if (made.status === 'missing-spec') {
    throw new AgentOsError(
      'user-input',
      `The branch \`${location.branch}\` has no \`spec.md\` yet, which tasks.md is made from. Comment \`/write-spec\` first.`,
    );
  }
  const result: CreateTasksResult = {
    status: made.status,
    location,
    tasksUrl: blobUrl(ctx, location.branch, location.tasksPath),
    groups: made.groups,
    tasks: made.tasks,
    requirements: made.doc.requirements.length,
    ...(made.drafting === undefined ? {} : { drafting: made.drafting }),
  };
  if (made.commit === undefined) return result;
  const pr = await findPullRequestFromBranch(ctx.client, ctx.repo, location.branch);
  if (pr?.state !== 'open') return result;
  const gate = await gatePullRequestAt(
    ctx.client,
    ctx.repo,
    ctx.repoHtmlUrl,
    pr.number,
    made.commit,
    ctx.gateSettings,
    undefined,
    { path: location.tasksPath, text: made.content },
  );
  await syncChecklist(
    { client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest: pr.number },
    gate,
  );
  return { ...result, gate, pullRequest: pr.number };
}
