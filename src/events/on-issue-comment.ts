import { ONE_TASK_PER_REQUIREMENT_UP_TO } from '../core/spec/render-tasks.js';
import { permissionAtLeast } from '../core/config/lifecycle-settings.js';
import { DEFAULT_SETTINGS } from '../core/config/parse-config.js';
import { parseCommand, type SlashCommand } from '../core/commands/parse-command.js';
import { AgentOsError, isAgentOsError } from '../core/errors.js';
import { parseAnswers } from '../core/spec/parse-answers.js';
import { markedAs, markerLine, MARKERS, writtenForEvent } from '../core/spec/render-comments.js';
import { renderSpecMerged, renderSpecStatus, SPEC_STATUS_MARKER } from '../core/spec/render-spec-status.js';
import { issueNumberOfSpecBranch } from '../core/spec/spec-location.js';
import type { ClarifyingQuestion } from '../core/spec/clarifying-question.js';
import { PRODUCT_FILES, renderDraftingNote, renderPromptsNote } from '../core/model/render-drafting-note.js';
import { addReaction } from '../github/add-reaction.js';
import { storeOf } from '../github/conditional-requests.js';
import { forgetChecklist } from '../github/pull-request-memory.js';
import { createIssueComment, findOurComments, listIssueComments, upsertMarkedComment, type IssueComment } from '../github/issue-comments.js';
import { readIssue, type IssueSnapshot } from '../github/read-issue.js';
import { readPermission } from '../github/read-permission.js';
import { readPullRequest } from '../github/read-pull-request.js';
import { isChecklist } from '../core/checklist/render-checklist.js';
import { createTasks } from '../phases/create-tasks.js';
import { foldAnswerComment } from '../phases/fold-answer-comment.js';
import { settleFailureReport } from '../phases/settle-failure-report.js';
import { refuseForkWrite, renderForkNotice } from '../phases/fork-guard.js';
import { gatePullRequestAt, type GateOutcome } from '../phases/gate-tasks.js';
import { followGate } from '../phases/follow-gate.js';
import { implementTasks } from '../phases/implement-tasks.js';
import { orchestrateTasks } from '../phases/orchestrate-tasks.js';
import { planProduct } from '../phases/plan-product.js';
import { syncChecklist } from '../phases/sync-checklist.js';
import { tickFromChecklist } from '../phases/tick-from-checklist.js';
import type { EventBase, LifecycleContext } from '../phases/lifecycle-context.js';
import { loadSettings } from '../phases/load-settings.js';
import { readSpecPhase } from '../phases/read-spec-phase.js';
import { shapeSpec } from '../phases/shape-spec.js';
import { writeSpec } from '../phases/write-spec.js';

/** An issue comment event, as plain values (entry points read the payload; phases never do). */
export interface IssueCommentEvent {
  action: 'created' | 'edited';
  issueNumber: number;
  isPullRequest: boolean;
  /** The issue's labels as the payload had them: only a cheap first filter; state is read through the API. */
  labels: readonly string[];
  comment: { id: number; body: string; author: string; authorIsBot: boolean };
  /** Who made the event: for an edit, the editor (a person may tick boxes in our checklist comment). */
  sender: { login: string; isBot: boolean };
  /** For an edit: the comment's text before it. */
  previousBody?: string;
  /** Identifies this event across redeliveries: the delivery id (App) or the run id (Action). */
  eventKey: string;
}

export interface IssueLabeledEvent {
  issueNumber: number;
  isPullRequest: boolean;
  label: string;
  /** Identifies this event across redeliveries: the delivery id (App) or the run id (Action). */
  eventKey: string;
}

/** What an event led to, for logs and the Action's outputs. */
export interface EventOutcome {
  phase:
    | 'plan-product'
    | 'shape-spec'
    | 'write-spec'
    | 'create-tasks'
    | 'orchestrate-tasks'
    | 'implement-tasks'
    | 'fold-answers'
    | 'tick'
    | 'sub-issue'
    | 'finish-spec'
    | 'none';
  status: string;
  message?: string;
  /** A pull request gated at a commit the phase made: the App reports it as the check run. */
  gate?: GateOutcome;
}

const IGNORED: EventOutcome = { phase: 'none', status: 'ignored' };

const DEFAULT_CONTEXT_SETTINGS = { settings: DEFAULT_SETTINGS.lifecycle, gateSettings: DEFAULT_SETTINGS.gate };

/** The event's base with the repository's settings (`.github/agent-os.yml` over the defaults). */
export async function withSettings(base: EventBase): Promise<LifecycleContext> {
  const settings = await loadSettings(base.client, base.repo);
  return { ...base, settings: settings.lifecycle, gateSettings: settings.gate };
}

/** Numbers 1…40, so any numbered reply counts as "looks like answers" before the real questions are read. */
const ANY_QUESTIONS: ClarifyingQuestion[] = Array.from({ length: 40 }, (_, i) => ({ number: i + 1, topic: 'scope', text: '', default: '' }));

/** Commands that commit to the spec branch (implement-tasks only edits the description; the others refuse pull requests). */
const BRANCH_WRITING_COMMANDS: ReadonlySet<string> = new Set(['write-spec', 'create-tasks', 'orchestrate-tasks']);

/** The spec issue a command talks about: the issue itself, or for a spec pull request the issue its branch names. */
async function subjectIssue(ctx: LifecycleContext, event: IssueCommentEvent, command: SlashCommand): Promise<IssueSnapshot> {
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

function commandLabel(command: SlashCommand): string {
  return `\`/${command.name}${command.force ? ' --force' : ''}\``;
}

async function reply(ctx: LifecycleContext, number: number, eventKey: string, text: string): Promise<void> {
  await createIssueComment(ctx.client, ctx.repo, number, `${markerLine(MARKERS.reply, eventKey)}\n${text}`);
}

/**
 * Say what went wrong with an event: one comment per event, updated if a retry of the same event fails again.
 * Unlike a reply, it does not count as the event being handled, so a redelivery (or the Action's re-run) retries.
 */
async function reportFailure(ctx: LifecycleContext, number: number, eventKey: string, text: string, comments: readonly IssueComment[]): Promise<void> {
  await upsertMarkedComment(ctx.client, ctx.repo, {
    number,
    isOurs: (body) => markedAs(body, MARKERS.failed) && writtenForEvent(body, eventKey),
    body: `${markerLine(MARKERS.failed, eventKey)}\n${text}`,
    comments,
  });
}

/** Whether this event already led to a comment of ours (a reply, the questions), other than a failure report. */
function handledBefore(comments: readonly IssueComment[], eventKey: string, except: readonly string[] = []): boolean {
  return comments.some(
    (c) => c.byBot && writtenForEvent(c.body, eventKey) && !markedAs(c.body, MARKERS.failed) && !except.some((kind) => markedAs(c.body, kind)),
  );
}

/** A comment of ours without its hidden first line. */
function visibleText(body: string): string {
  return body.slice(body.indexOf('\n') + 1);
}

function asKnown(error: unknown): AgentOsError {
  return isAgentOsError(error) ? error : new AgentOsError('internal', `Unexpected error: ${String(error)}`, { cause: error });
}

async function runCommand(ctx: LifecycleContext, event: IssueCommentEvent, command: SlashCommand, comments: readonly IssueComment[]): Promise<EventOutcome> {
  const eventKey = `comment-${event.comment.id}`;
  if (command.name === 'plan-product') {
    if (event.isPullRequest) throw new AgentOsError('user-input', '`/plan-product` works on issues: comment it on an issue that describes the product.');
    return runPlanProduct(ctx, await readIssue(ctx.client, ctx.repo, event.issueNumber), command, eventKey, comments);
  }
  const issue = await subjectIssue(ctx, event, command);
  if (command.name === 'shape-spec') {
    if (issue.isPullRequest) throw new AgentOsError('user-input', '`/shape-spec` works on issues: comment it on the issue that describes the feature.');
    const issueComments = event.isPullRequest ? await listIssueComments(ctx.client, ctx.repo, issue.number) : comments;
    const result = await shapeSpec(ctx, { issue, comments: issueComments, eventKey, force: command.force });
    if (result.status === 'shaped') return { phase: 'shape-spec', status: 'shaped', ...(result.gate ? { gate: result.gate } : {}) };
    if (result.status === 'merged') throw new AgentOsError('user-input', result.message);
    const rebuilt = result.requirements === 'rebuilt' ? ['', '`requirements.md` was rebuilt from the issue and the answers.'] : [];
    const kept = result.requirements === 'kept' ? ['', 'Its `requirements.md` has no App marker, so it was left as it is.'] : [];
    const phase = await readSpecPhase(ctx, result.links.location, issue, issueComments);
    return { phase: 'shape-spec', status: result.status, message: [renderSpecStatus(undefined, result.links, phase, ctx.gateSettings.checkName), ...rebuilt, ...kept].join('\n') };
  }
  if (command.name === 'create-tasks') return runCreateTasks(ctx, issue, command);
  if (command.name === 'orchestrate-tasks') return runOrchestrateTasks(ctx, issue, command);
  if (command.name === 'implement-tasks') {
    if (!event.isPullRequest) throw new AgentOsError('user-input', '`/implement-tasks` works on pull requests: comment it on the pull request that implements the task groups.');
    const result = await implementTasks(ctx, event.issueNumber, command.args);
    const unknown = result.unknown.length > 0 ? ` (no task file of this pull request has Task Group ${result.unknown.join(', ')})` : '';
    return {
      phase: 'implement-tasks',
      status: result.status,
      gate: result.gate,
      message: [
        `This pull request implements Task Group${result.groups.length === 1 ? '' : 's'} ${result.groups.join(', ')}${unknown}: the \`${ctx.gateSettings.checkName}\` check now requires only their tasks (${result.gate.report.title}). The line \`Implements: …\` in the description records it; edit or remove it to change the scope.`,
        ...(result.handOff === undefined ? [] : ['', result.handOff]),
      ].join('\n'),
    };
  }
  const result = await writeSpec(ctx, issue, { force: command.force, deterministic: wantsDeterministic(command) });
  const drafted = result.drafting === undefined ? '' : `\n\n${renderDraftingNote('spec.md', result.drafting)}`;
  const link = `[\`spec.md\`](${result.specUrl})`;
  if (result.status === 'kept-edited') {
    return {
      phase: 'write-spec',
      status: result.status,
      message: `${link} was changed by someone since the App wrote it, so it was left as it is. Comment \`/write-spec --force\` to write it again from \`requirements.md\` (the changes are then replaced).`,
    };
  }
  const c = result.counts;
  const verb = result.status === 'unchanged' ? 'is already up to date with' : result.status === 'updated' ? 'was rewritten from' : 'was written from';
  return {
    phase: 'write-spec',
    status: result.status,
    message:
      `${link} ${verb} \`requirements.md\` on \`${result.location.branch}\`: ${c.requirements} functional requirements, ${c.acceptance} acceptance criteria, ` +
      `${c.decisions} decisions from the discussion (${c.defaults} defaults accepted), ${c.outOfScope} out-of-scope items. Review it in the spec pull request.${drafted}`,
  };
}

async function runPlanProduct(ctx: LifecycleContext, issue: IssueSnapshot, command: SlashCommand, eventKey: string, comments: readonly IssueComment[]): Promise<EventOutcome> {
  const result = await planProduct(ctx, issue, comments, { force: command.force, eventKey, deterministic: wantsDeterministic(command) });
  if (result.status === 'asked') {
    // The questions comment, written for this command, is its one reply; asked again unchanged, a short pointer to it.
    if (result.comment !== 'unchanged') return { phase: 'plan-product', status: 'asked' };
    const which = result.questions === 1 ? 'The question' : `The ${result.questions} questions`;
    return {
      phase: 'plan-product',
      status: 'asked',
      message: `${which} [above](${issue.htmlUrl}#issuecomment-${result.commentId}) ${result.questions === 1 ? 'is' : 'are'} still open: Agent OS needs ${result.questions === 1 ? 'its answer' : 'their answers'} before it can plan the product. Answer in a reply (or edit the issue), then comment \`/plan-product\` again.`,
    };
  }
  if (result.status === 'exists') {
    return {
      phase: 'plan-product',
      status: 'exists',
      message: `This repository already has [product docs](${result.folderUrl}), so nothing was written. Comment \`/plan-product --force\` to write them again from this issue (the pull request then replaces them).`,
    };
  }
  const stack = result.stack === 0 ? 'no manifests were found, so `tech-stack.md` says so' : `${result.stack} tech stack entries were detected from the repository`;
  const verb = { opened: 'opened in', updated: 'updated in', unchanged: 'already up to date in', kept: 'already open in' }[result.status];
  const kept = result.status === 'kept' ? ` Its files were left as they are; comment \`/plan-product --force\` to write them again from this issue.` : '';
  return {
    phase: 'plan-product',
    status: result.status,
    message: `The product plan is ${verb} #${result.pullRequest.number} (branch \`${result.branch}\`): mission, a roadmap of ${result.features} items, and the tech stack (${stack}).${kept}${result.drafting === undefined ? '' : `\n\n${renderDraftingNote(PRODUCT_FILES, result.drafting)}`}`,
  };
}

async function runOrchestrateTasks(ctx: LifecycleContext, issue: IssueSnapshot, command: SlashCommand): Promise<EventOutcome> {
  const result = await orchestrateTasks(ctx, issue, { deterministic: wantsDeterministic(command) });
  const created = result.subIssues.filter((s) => s.outcome === 'created').length;
  const lines = result.subIssues.map((s) => `- Task Group ${s.group}: #${s.number}${s.outcome === 'unchanged' ? '' : ` (${s.outcome})`}`);
  const files =
    result.files === 'committed'
      ? `[\`orchestration.yml\`](${result.orchestrationUrl}) and the implementation prompts were written (${result.written.length} file${result.written.length === 1 ? '' : 's'}).`
      : `[\`orchestration.yml\`](${result.orchestrationUrl}) and the implementation prompts are already up to date.`;
  const problems = result.problems.length === 0 ? [] : ['', '`orchestration.yml` has problems (the rest was used):', ...result.problems.map((p) => `- ${p}`)];
  return {
    phase: 'orchestrate-tasks',
    status: result.files === 'committed' || created > 0 ? 'orchestrated' : 'unchanged',
    message: [
      `${files} One sub-issue per task group${created > 0 ? ` (${created} new)` : ''}:`,
      '',
      ...lines,
      '',
      'Closing a sub-issue as completed ticks its group in `tasks.md`; a group ticked in `tasks.md` closes its sub-issue. Set `claude_code_subagent`, `standards` or `assignees` per group in `orchestration.yml` and comment `/orchestrate-tasks` again to carry them over.',
      ...problems,
      ...(result.drafting === undefined ? [] : ['', renderPromptsNote(result.drafting)]),
    ].join('\n'),
  };
}

async function runCreateTasks(ctx: LifecycleContext, issue: IssueSnapshot, command: SlashCommand): Promise<EventOutcome> {
  const result = await createTasks(ctx, issue, { force: command.force, deterministic: wantsDeterministic(command) });
  const drafted = result.drafting === undefined ? '' : `\n\n${renderDraftingNote('tasks.md', result.drafting)}`;
  // The delivery that wrote it replies; this one only finishes quietly.
  if (result.status === 'concurrent') return { phase: 'create-tasks', status: 'unchanged' };
  const link = `[\`tasks.md\`](${result.tasksUrl})`;
  if (result.status === 'exists') {
    return {
      phase: 'create-tasks',
      status: 'exists',
      message: `${link} already exists on \`${result.location.branch}\`, so it was left as it is. Comment \`/create-tasks --force\` to write it again from \`spec.md\` (its ticks and edits are then replaced).`,
    };
  }
  const pr = result.pullRequest === undefined ? '' : ` The checklist on #${result.pullRequest} follows it, and the \`${ctx.gateSettings.checkName}\` check fails until its tasks are ticked.`;
  return {
    phase: 'create-tasks',
    status: result.status,
    ...(result.gate ? { gate: result.gate } : {}),
    message: `${link} was ${result.status === 'rewritten' ? 'rewritten' : 'written'} from \`spec.md\`: ${result.tasks} tasks in ${result.groups} task groups, covering ${result.requirements} specific requirements${result.requirements > ONE_TASK_PER_REQUIREMENT_UP_TO ? ` (more than ${ONE_TASK_PER_REQUIREMENT_UP_TO}, so each task names up to five of them: consider splitting the spec)` : ''}.${pr}${drafted}`,
  };
}

/** A person ticked or unticked boxes in our checklist comment: write them to the task file, or undo them. */
async function handleChecklistEdit(ctx: LifecycleContext, event: IssueCommentEvent): Promise<EventOutcome> {
  const outcome = await tickFromChecklist(
    ctx.client,
    ctx.repo,
    { pullRequest: event.issueNumber, commentId: event.comment.id, before: event.previousBody ?? '', after: event.comment.body, sender: event.sender.login },
    { permission: ctx.settings.permissions.tick, skipMarkers: ctx.gateSettings.skipMarkers },
  );
  if (outcome.status === 'no-ticks') return { phase: 'tick', status: 'no-ticks' };
  if (outcome.status === 'refused') {
    await reply(
      ctx,
      event.issueNumber,
      event.eventKey,
      `@${event.sender.login} ticking tasks here needs ${ctx.settings.permissions.tick} permission on this repository, and you have ${outcome.held}, so the checklist was put back as it was. Nothing was changed.`,
    );
    return { phase: 'tick', status: 'refused' };
  }
  if (outcome.status === 'fork') {
    const refused = `@${event.sender.login} your ticks were not committed, and the checklist was put back as it was.`;
    await reply(ctx, event.issueNumber, event.eventKey, renderForkNotice(outcome.head, refused, ctx.gateSettings.checkName));
    return { phase: 'tick', status: 'fork' };
  }
  const headSha = outcome.status === 'committed' ? outcome.commitSha : outcome.headSha;
  const gate = await gatePullRequestAt(ctx.client, ctx.repo, ctx.repoHtmlUrl, event.issueNumber, headSha, ctx.gateSettings, outcome.body);
  await syncChecklist({ client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest: event.issueNumber }, gate);
  if (outcome.missing > 0) {
    await reply(
      ctx,
      event.issueNumber,
      event.eventKey,
      `@${event.sender.login} the task file changed since this checklist was written, so ${outcome.missing} of your ticks could not be matched to a task; the checklist now shows the task file as it is. Tick them again there.`,
    );
  }
  return { phase: 'tick', status: outcome.status, gate };
}

/** A phase gated a pull request at a commit it made: the spec follow-ups run on that gate too. */
async function withFollowUps(ctx: LifecycleContext, pullRequest: number, outcome: EventOutcome): Promise<EventOutcome> {
  if (outcome.gate !== undefined) await followGate(ctx, { number: pullRequest }, outcome.gate);
  return outcome;
}

/**
 * A new comment on an issue or pull request: a slash command (permission checked, 👀 then 🚀 or 😕, one reply),
 * or a reply answering the clarifying questions. Edits count only as answers; bots are never listened to.
 */
export async function handleIssueComment(base: EventBase, event: IssueCommentEvent): Promise<EventOutcome> {
  const isChecklistEdit = event.action === 'edited' && event.isPullRequest && event.comment.authorIsBot && !event.sender.isBot && isChecklist(event.comment.body);
  if (!isChecklistEdit && (event.comment.authorIsBot || event.sender.isBot)) return IGNORED;
  // A person edited the checklist: the text the App remembers of it is no longer the comment's.
  const store = isChecklistEdit ? storeOf(base.client) : undefined;
  if (store !== undefined) await forgetChecklist(store, base.repo, event.issueNumber);
  const command = event.action === 'created' ? parseCommand(event.comment.body) : undefined;
  // Most comments are conversation: tell them apart before spending requests on the repository's settings.
  if (!isChecklistEdit && command === undefined && (event.isPullRequest || parseAnswers(event.comment.body, ANY_QUESTIONS).length === 0)) return IGNORED;
  let ctx: LifecycleContext;
  try {
    ctx = await withSettings(base);
  } catch (error) {
    const known = asKnown(error);
    base.log.warn({ err: error, kind: known.kind }, 'settings could not be read');
    if (command === undefined) return { phase: 'none', status: 'failed', message: known.message };
    const eventKey = `comment-${event.comment.id}`;
    await addReaction(base.client, base.repo, event.comment.id, 'confused');
    const comments = await listIssueComments(base.client, base.repo, event.issueNumber);
    await reportFailure({ ...base, ...DEFAULT_CONTEXT_SETTINGS }, event.issueNumber, eventKey, `${commandLabel(command)} failed: ${known.message}`, comments);
    return { phase: command.name, status: 'failed', message: known.message };
  }
  if (isChecklistEdit) return withFollowUps(ctx, event.issueNumber, await handleChecklistEdit(ctx, event));
  if (command === undefined) return handleAnswers(ctx, event);

  const eventKey = `comment-${event.comment.id}`;
  const comments = await listIssueComments(ctx.client, ctx.repo, event.issueNumber);
  if (handledBefore(comments, eventKey)) return { phase: 'none', status: 'already-handled' };
  const needed = ctx.settings.permissions[command.name];
  const held = await readPermission(ctx.client, ctx.repo, event.comment.author);
  if (!permissionAtLeast(held, needed)) {
    await reply(ctx, event.issueNumber, eventKey, `@${event.comment.author} ${commandLabel(command)} needs ${needed} permission on this repository, and you have ${held}. Nothing was changed.`);
    return { phase: command.name, status: 'refused' };
  }
  await addReaction(ctx.client, ctx.repo, event.comment.id, 'eyes');
  try {
    const outcome = await runCommand(ctx, event, command, comments);
    if (outcome.message !== undefined) await reply(ctx, event.issueNumber, eventKey, outcome.message);
    await addReaction(ctx.client, ctx.repo, event.comment.id, 'rocket');
    await settleFailureReport(ctx, { number: event.issueNumber, eventKey, comments, what: commandLabel(command) });
    return event.isPullRequest ? await withFollowUps(ctx, event.issueNumber, outcome) : outcome;
  } catch (error) {
    const known = asKnown(error);
    ctx.log.warn({ err: error, kind: known.kind, command: command.name }, 'command failed');
    await addReaction(ctx.client, ctx.repo, event.comment.id, 'confused');
    const retry = known.kind === 'user-input' ? '' : ' Anything already done is kept; comment the command again to finish.';
    await reportFailure(ctx, event.issueNumber, eventKey, `${commandLabel(command)} failed: ${known.message}${retry}`, comments);
    return { phase: command.name, status: 'failed', message: known.message };
  }
}

/**
 * A reply on an issue being shaped (or whose spec is written) that answers the questions: folded into
 * requirements.md when its author is the issue's author or has write access. Read again through the API first,
 * so a replayed or out-of-order edit never folds an old text.
 */
async function handleAnswers(ctx: LifecycleContext, event: IssueCommentEvent): Promise<EventOutcome> {
  const { labels } = ctx.settings;
  if (event.isPullRequest || !(event.labels.includes(labels.shaping) || event.labels.includes(labels.specWritten))) return IGNORED;
  if (parseAnswers(event.comment.body, ANY_QUESTIONS).length === 0) return IGNORED;
  const eventKey = `comment-${event.comment.id}`;
  let comments: readonly IssueComment[] = [];
  try {
    // The comment as it is now comes with the issue's comments, which the fold needs anyway (one read, not two).
    const [issue, listed] = await Promise.all([readIssue(ctx.client, ctx.repo, event.issueNumber), listIssueComments(ctx.client, ctx.repo, event.issueNumber)]);
    comments = listed;
    const comment = listed.find((c) => c.id === event.comment.id);
    if (comment === undefined || comment.byBot) return { phase: 'fold-answers', status: 'deleted' };
    if (issue.author !== comment.author) {
      const held = await readPermission(ctx.client, ctx.repo, comment.author);
      if (!permissionAtLeast(held, 'write')) {
        ctx.log.info({ author: comment.author, permission: held }, 'answers ignored: not the issue author or a collaborator with write access');
        return { phase: 'fold-answers', status: 'not-allowed' };
      }
    }
    const outcome = await foldAnswerComment(ctx, { issue, comment, comments });
    if (outcome.status === 'edited-by-hand' && !handledBefore(comments, eventKey)) {
      await reply(
        ctx,
        issue.number,
        eventKey,
        `@${comment.author} \`${outcome.path}\` was changed by hand since the App last wrote it, so these answers were not folded in (nothing is overwritten). Add them to the file yourself, or comment \`/shape-spec --force\` to rebuild it from the issue and every answer on it.`,
      );
    }
    if (outcome.status === 'folded') await settleFailureReport(ctx, { number: issue.number, eventKey, comments, what: `Folding @${comment.author}'s answers into the requirements` });
    const afterSpec = `${eventKey}-after-spec`;
    if (outcome.status === 'folded' && issue.labels.includes(labels.specWritten) && !handledBefore(comments, afterSpec)) {
      await reply(ctx, issue.number, afterSpec, `@${comment.author} your answers are in \`requirements.md\`. \`spec.md\` was written before them: comment \`/write-spec\` to bring it up to date.`);
    }
    return { phase: 'fold-answers', status: outcome.status };
  } catch (error) {
    const known = asKnown(error);
    ctx.log.warn({ err: error, kind: known.kind }, 'folding answers failed');
    await addReaction(ctx.client, ctx.repo, event.comment.id, 'confused');
    await reportFailure(
      ctx,
      event.issueNumber,
      eventKey,
      `@${event.comment.author} your answers could not be folded into the requirements: ${known.message} Edit your reply (any small change) to try again.`,
      comments,
    ).catch(() => undefined);
    return { phase: 'fold-answers', status: 'failed', message: known.message };
  }
}

/** The shape-spec label was added to an issue: shape it, or say where its spec already is. */
export async function handleIssueLabeled(base: EventBase, event: IssueLabeledEvent): Promise<EventOutcome> {
  if (event.isPullRequest) return IGNORED;
  let comments: readonly IssueComment[] = [];
  let ctx: LifecycleContext;
  try {
    ctx = await withSettings(base);
  } catch (error) {
    // Without readable settings the shaping label is unknown: speak up only for the default one.
    if (event.label !== DEFAULT_SETTINGS.lifecycle.labels.shapeSpec) return IGNORED;
    ctx = { ...base, ...DEFAULT_CONTEXT_SETTINGS };
    return shapingFailed(ctx, event, error, await listIssueComments(base.client, base.repo, event.issueNumber).catch(() => []));
  }
  if (event.label !== ctx.settings.labels.shapeSpec) return IGNORED;
  try {
    comments = await listIssueComments(ctx.client, ctx.repo, event.issueNumber);
    // A redelivery that made the questions goes on (to finish anything left undone); a reply means it is done.
    if (handledBefore(comments, event.eventKey, [MARKERS.questions])) return { phase: 'none', status: 'already-handled' };
    const issue = await readIssue(ctx.client, ctx.repo, event.issueNumber);
    const result = await shapeSpec(ctx, { issue, comments, eventKey: event.eventKey, force: false });
    if (result.status === 'merged' || (result.status === 'already-shaped' && !result.redelivery)) {
      // One comment per issue says where its spec stands, rewritten in place: adding the label again piles nothing up.
      const body =
        result.status === 'merged'
          ? renderSpecMerged(event.eventKey, result.message)
          : renderSpecStatus(event.eventKey, result.links, await readSpecPhase(ctx, result.links.location, issue, comments), ctx.gateSettings.checkName);
      const isOurs = (text: string): boolean => markedAs(text, SPEC_STATUS_MARKER);
      const [current] = findOurComments(comments, isOurs);
      // The same words again: the comment stays as it is (rewriting only its hidden marker is no change).
      const same = current !== undefined && visibleText(current.body) === visibleText(body);
      await upsertMarkedComment(ctx.client, ctx.repo, { number: issue.number, isOurs, body: same ? current.body : body, comments });
    }
    await settleFailureReport(ctx, { number: issue.number, eventKey: event.eventKey, comments, what: 'Shaping this issue into a spec' });
    if (result.status === 'shaped') return { phase: 'shape-spec', status: 'shaped', ...(result.gate ? { gate: result.gate } : {}) };
    return { phase: 'shape-spec', status: result.status === 'already-shaped' && result.redelivery ? 'unchanged' : result.status };
  } catch (error) {
    return shapingFailed(ctx, event, error, comments);
  }
}

async function shapingFailed(ctx: LifecycleContext, event: IssueLabeledEvent, error: unknown, comments: readonly IssueComment[]): Promise<EventOutcome> {
  const known = asKnown(error);
  ctx.log.warn({ err: error, kind: known.kind }, 'shape-spec failed');
  await reportFailure(
    ctx,
    event.issueNumber,
    event.eventKey,
    `Could not shape this issue into a spec: ${known.message}\n\nAnything already done is kept; remove and add the \`${event.label}\` label again, or comment \`/shape-spec\`, to finish.`,
    comments,
  );
  return { phase: 'shape-spec', status: 'failed', message: known.message };
}
