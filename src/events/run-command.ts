import type { SlashCommand } from '../core/commands/parse-command.js';
import { AgentOsError } from '../core/errors.js';
import {
  renderCreateTasksReply,
  renderImplementTasksReply,
  renderOrchestrateReply,
  renderWriteSpecReply,
} from '../core/replies/render-command-replies.js';
import { renderPlanProductReply } from '../core/replies/render-plan-product-reply.js';
import { renderSpecStatus } from '../core/spec/render-spec-status.js';
import { issueNumberOfSpecBranch } from '../core/spec/spec-location.js';
import { listIssueComments, type IssueComment } from '../github/issue-comments.js';
import { readIssue, type IssueSnapshot } from '../github/read-issue.js';
import { readPullRequest } from '../github/read-pull-request.js';
import { createTasks } from '../phases/create-tasks.js';
import { refuseForkWrite } from '../phases/fork-guard.js';
import { implementTasks } from '../phases/implement-tasks.js';
import type { LifecycleContext } from '../phases/lifecycle-context.js';
import { orchestrateTasks } from '../phases/orchestrate-tasks.js';
import { planProduct } from '../phases/plan-product.js';
import { readSpecPhase } from '../phases/read-spec-phase.js';
import { shapeSpec } from '../phases/shape-spec.js';
import { writeSpec } from '../phases/write-spec.js';
import type { EventOutcome, IssueCommentEvent } from './event-types.js';

/** Commands that commit to the spec branch (implement-tasks only edits the description; the others refuse pull requests). */
const BRANCH_WRITING_COMMANDS: ReadonlySet<string> = new Set(['write-spec', 'create-tasks', 'orchestrate-tasks']);

/** The spec issue a command talks about: the issue itself, or for a spec pull request the issue its branch names. */
async function subjectIssue(
  ctx: LifecycleContext,
  event: IssueCommentEvent,
  command: SlashCommand,
): Promise<IssueSnapshot> {
  if (!event.isPullRequest) return readIssue(ctx.client, ctx.repo, event.issueNumber);
  const pr = await readPullRequest(ctx.client, ctx.repo, event.issueNumber);
  // Commands that write to the spec branch: on a fork's pull request that branch is not the pull request's.
  if (BRANCH_WRITING_COMMANDS.has(command.name)) refuseForkWrite(pr, command.name, ctx.gateSettings.checkName);
  const number = issueNumberOfSpecBranch(pr.headRef, ctx.settings);
  if (number === undefined) {
    throw new AgentOsError(
      'user-input',
      `This pull request's branch \`${pr.headRef}\` is not a spec branch (\`${ctx.settings.branchPrefix}<issue>-<slug>\`). Comment on the spec's issue, or on its spec pull request.`,
    );
  }
  return readIssue(ctx.client, ctx.repo, number);
}

/** `/write-spec --deterministic` (also `/create-tasks`, `/plan-product`, `/orchestrate-tasks`): the rules draft it even when a model is configured. */
function wantsDeterministic(command: SlashCommand): boolean {
  return command.args.some((a) => a.toLowerCase() === '--deterministic');
}

/** Run a slash command's phase; its outcome's message is the reply. Throws what the person should be told. */
export async function runCommand(
  ctx: LifecycleContext,
  event: IssueCommentEvent,
  command: SlashCommand,
  comments: readonly IssueComment[],
): Promise<EventOutcome> {
  const eventKey = `comment-${event.comment.id}`;
  if (command.name === 'plan-product') {
    if (event.isPullRequest)
      throw new AgentOsError(
        'user-input',
        '`/plan-product` works on issues: comment it on an issue that describes the product.',
      );
    const issue = await readIssue(ctx.client, ctx.repo, event.issueNumber);
    const result = await planProduct(ctx, issue, comments, {
      force: command.force,
      eventKey,
      deterministic: wantsDeterministic(command),
    });
    const message = renderPlanProductReply(result, issue.htmlUrl);
    return { phase: 'plan-product', status: result.status, ...(message === undefined ? {} : { message }) };
  }
  const issue = await subjectIssue(ctx, event, command);
  if (command.name === 'shape-spec') return runShapeSpec(ctx, event, issue, command, comments);
  if (command.name === 'implement-tasks') {
    if (!event.isPullRequest)
      throw new AgentOsError(
        'user-input',
        '`/implement-tasks` works on pull requests: comment it on the pull request that implements the task groups.',
      );
    const result = await implementTasks(ctx, event.issueNumber, command.args);
    const message = renderImplementTasksReply(
      { ...result, gateTitle: result.gate.report.title },
      ctx.gateSettings.checkName,
    );
    return { phase: 'implement-tasks', status: result.status, gate: result.gate, message };
  }
  if (command.name === 'orchestrate-tasks') {
    const result = await orchestrateTasks(ctx, issue, { deterministic: wantsDeterministic(command) });
    const created = result.subIssues.some((s) => s.outcome === 'created');
    return {
      phase: 'orchestrate-tasks',
      status: result.files === 'committed' || created ? 'orchestrated' : 'unchanged',
      message: renderOrchestrateReply(result),
    };
  }
  if (command.name === 'create-tasks') {
    const result = await createTasks(ctx, issue, { force: command.force, deterministic: wantsDeterministic(command) });
    // The delivery that wrote it replies; this one only finishes quietly.
    if (result.status === 'concurrent') return { phase: 'create-tasks', status: 'unchanged' };
    const message = renderCreateTasksReply({ ...result, status: result.status }, ctx.gateSettings.checkName);
    return { phase: 'create-tasks', status: result.status, ...(result.gate ? { gate: result.gate } : {}), message };
  }
  const result = await writeSpec(ctx, issue, { force: command.force, deterministic: wantsDeterministic(command) });
  return { phase: 'write-spec', status: result.status, message: renderWriteSpecReply(result) };
}

async function runShapeSpec(
  ctx: LifecycleContext,
  event: IssueCommentEvent,
  issue: IssueSnapshot,
  command: SlashCommand,
  comments: readonly IssueComment[],
): Promise<EventOutcome> {
  if (issue.isPullRequest)
    throw new AgentOsError(
      'user-input',
      '`/shape-spec` works on issues: comment it on the issue that describes the feature.',
    );
  const issueComments = event.isPullRequest ? await listIssueComments(ctx.client, ctx.repo, issue.number) : comments;
  const result = await shapeSpec(ctx, {
    issue,
    comments: issueComments,
    eventKey: `comment-${event.comment.id}`,
    force: command.force,
  });
  if (result.status === 'shaped')
    return { phase: 'shape-spec', status: 'shaped', ...(result.gate ? { gate: result.gate } : {}) };
  if (result.status === 'merged') throw new AgentOsError('user-input', result.message);
  const rebuilt =
    result.requirements === 'rebuilt' ? ['', '`requirements.md` was rebuilt from the issue and the answers.'] : [];
  const kept =
    result.requirements === 'kept' ? ['', 'Its `requirements.md` has no App marker, so it was left as it is.'] : [];
  const phase = await readSpecPhase(ctx, result.links.location, issue, issueComments);
  return {
    phase: 'shape-spec',
    status: result.status,
    message: [renderSpecStatus(undefined, result.links, phase, ctx.gateSettings.checkName), ...rebuilt, ...kept].join(
      '\n',
    ),
  };
}
