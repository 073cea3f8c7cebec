import { AgentOsError, isAgentOsError } from '../core/errors.js';
import { NO_USAGE } from '../core/model/chat-model.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import { readSpec } from '../core/spec/read-spec.js';
import { renderTasks, tasksRefusal } from '../core/spec/render-tasks.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { findPullRequestFromBranch } from '../github/pull-requests.js';
import { readRepositoryTree } from '../github/read-repository-tree.js';
import { draftTasksFile } from '../model/draft-tasks-file.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import { gatePullRequestAt, type GateOutcome } from './gate-tasks.js';
import { readStackInTree } from './read-stack-in-tree.js';
import { blobUrl, type LifecycleContext } from './lifecycle-context.js';
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
 * create-tasks: tasks.md on the spec branch from spec.md, in the Agent OS v2.1 layout, then the spec pull
 * request's checklist. An existing tasks.md is left alone unless `force`.
 */
export async function createTasks(ctx: LifecycleContext, issue: IssueSnapshot, options: { force: boolean; deterministic?: boolean }): Promise<CreateTasksResult> {
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) {
    throw new AgentOsError('user-input', `Issue #${issue.number} has no spec yet. Label it \`${ctx.settings.labels.shapeSpec}\` or comment \`/shape-spec\`, then \`/write-spec\`, then \`/create-tasks\`.`);
  }
  const { location } = spec;
  const [specFile, existing] = await Promise.all([
    readFileOnBranch(ctx.client, ctx.repo, location.specPath, location.branch),
    readFileOnBranch(ctx.client, ctx.repo, location.tasksPath, location.branch),
  ]);
  if (specFile === undefined) {
    throw new AgentOsError('user-input', `The branch \`${location.branch}\` has no \`spec.md\` yet, which tasks.md is made from. Comment \`/write-spec\` first.`);
  }
  const doc = readSpec(specFile.text);
  const refusal = tasksRefusal(doc);
  if (refusal !== undefined) throw new AgentOsError('user-input', `${location.specPath}: ${refusal}`);
  let content = renderTasks(doc);
  let drafting: DraftingNote | undefined;
  if (ctx.model !== undefined && ctx.settings.drafter === 'model' && options.deterministic !== true && (existing === undefined || options.force)) {
    const tree = await readRepositoryTree(ctx.client, ctx.repo, location.branch).catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'model draft: the repository tree could not be read');
      return undefined;
    });
    if (tree === undefined) {
      drafting = { by: 'deterministic', model: ctx.model.name, usage: NO_USAGE, reason: 'the repository tree could not be read to ground it' };
    } else {
      const paths = tree.paths.filter((p) => !p.startsWith(`${location.folder}/`));
      ({ content, note: drafting } = await draftTasksFile(ctx.model, {
        spec: doc,
        floor: content,
        existingText: existing?.text,
        paths,
        stack: await readStackInTree(ctx, paths, location.branch),
        budgetTokens: ctx.settings.modelContextTokens,
        log: ctx.log,
      }));
    }
  }
  const parsed = parseTaskFile(existing?.text ?? content, { path: location.tasksPath });
  const base = {
    location,
    tasksUrl: blobUrl(ctx, location.branch, location.tasksPath),
    groups: parsed.groups.filter((g) => g.tasks.length > 0).length,
    tasks: parsed.tasks.length,
    requirements: doc.requirements.length,
    ...(drafting === undefined ? {} : { drafting }),
  };
  if (existing !== undefined && !options.force) return { ...base, status: 'exists' };
  let commitSha: string;
  try {
    ({ commitSha } = await writeFileOnBranch(ctx.client, ctx.repo, {
      branch: location.branch,
      path: location.tasksPath,
      content,
      message: `Create tasks for #${issue.number}: ${issue.title}\n\nFrom ${location.specPath}: ${doc.requirements.length} specific requirements in ${base.groups} task groups.`,
      ...(existing ? { sha: existing.sha } : {}),
    }));
  } catch (error) {
    // Written meanwhile with exactly this text: the same command handled by another replica at the same moment.
    if (!isAgentOsError(error) || error.kind !== 'conflict') throw error;
    const now = await readFileOnBranch(ctx.client, ctx.repo, location.tasksPath, location.branch);
    if (now?.text !== content) throw error;
    return { ...base, status: 'concurrent' };
  }
  const result: CreateTasksResult = { ...base, status: existing ? 'rewritten' : 'written' };
  const pr = await findPullRequestFromBranch(ctx.client, ctx.repo, location.branch);
  if (pr?.state !== 'open') return result;
  const gate = await gatePullRequestAt(ctx.client, ctx.repo, ctx.repoHtmlUrl, pr.number, commitSha, ctx.gateSettings, undefined, { path: location.tasksPath, text: content });
  await syncChecklist({ client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest: pr.number }, gate);
  return { ...result, gate, pullRequest: pr.number };
}
