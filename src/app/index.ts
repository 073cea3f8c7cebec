import type { Context, Probot } from 'probot';
import { DEFAULT_SETTINGS } from '../core/config/parse-config.js';
import { deterministicDrafter } from '../core/spec/deterministic-drafter.js';
import type { RepoRef } from '../github/github-client.js';
import { findPullRequestsForCommit } from '../github/read-pull-request.js';
import type { Settings } from '../core/config/parse-config.js';
import { gateMergeGroup, gatePullRequest, type GateOutcome } from '../phases/gate-tasks.js';
import { handleIssueComment, handleIssueLabeled, type EventOutcome } from '../phases/handle-issue-events.js';
import { followGate, handleIssueStateChange, handlePullRequestClosed } from '../phases/handle-spec-events.js';
import type { EventBase } from '../phases/lifecycle-context.js';
import { loadSettings } from '../phases/load-settings.js';
import { ensureLabels, labelDefinitions, listInstallationRepositories } from '../phases/ensure-labels.js';
import { syncChecklist } from '../phases/sync-checklist.js';
import { reportGate } from './report-gate.js';
import { createKeyedSerializer } from './serialize-by-key.js';

/** Whether a pull request's head repository is this one (GitHub sends `null` for a deleted fork). */
function sameRepository(head: { full_name: string } | null, repository: { full_name: string }): boolean {
  return head !== null && head.full_name === repository.full_name;
}

function repoOf(repository: { name: string; owner: { login: string } }): RepoRef {
  return { owner: repository.owner.login, repo: repository.name };
}

/** The pull request events that can change what the gate says. */
export const GATE_PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.reopened',
  'pull_request.synchronize',
  'pull_request.edited',
  'pull_request.ready_for_review',
] as const;

/**
 * Check events that ask for the gate again: a person's re-run. (GitHub's automatic `check_suite.requested` for a
 * push is not one of them: the push's `pull_request.synchronize`, sent at the same moment, gates it; answering
 * both made two check runs when they reached two replicas.)
 */
export const GATE_CHECK_EVENTS = ['check_suite.rerequested', 'check_run.rerequested'] as const;

/** The merge queue asks for checks on its own commit. */
export const GATE_MERGE_QUEUE_EVENTS = ['merge_group.checks_requested'] as const;

/** Labels start shape-spec; comments carry the slash commands and the answers to the clarifying questions. */
export const LIFECYCLE_ISSUE_EVENTS = ['issues.labeled'] as const;

/** A task group's sub-issue closed (its tasks are ticked) or reopened (said on it). */
export const SUB_ISSUE_EVENTS = ['issues.closed', 'issues.reopened'] as const;

/** A spec pull request merged: roadmap item ticked, issue closed. */
export const SPEC_MERGE_EVENTS = ['pull_request.closed'] as const;
export const LIFECYCLE_COMMENT_EVENTS = ['issue_comment.created', 'issue_comment.edited'] as const;

/** GitHub sends these to every App without a subscription: the App creates its labels where it is installed. */
export const INSTALLATION_EVENTS = ['installation.created', 'installation_repositories.added'] as const;

/** How long an installation event's answer waits for the labels; the rest finishes after answering GitHub. */
const LABELS_WAIT_MS = 8000;

/** Every webhook event the App subscribes to; `app.yml` lists exactly these (a test holds them in step). */
export const HANDLED_EVENTS = [
  ...GATE_PULL_REQUEST_EVENTS,
  ...GATE_CHECK_EVENTS,
  ...GATE_MERGE_QUEUE_EVENTS,
  ...LIFECYCLE_ISSUE_EVENTS,
  ...SUB_ISSUE_EVENTS,
  ...SPEC_MERGE_EVENTS,
  ...LIFECYCLE_COMMENT_EVENTS,
] as const;

interface RepositoryPayload {
  name: string;
  owner: { login: string };
  html_url: string;
  default_branch: string;
}

/** Probot's logger for the event (it carries the delivery id) with the repository and the event's name. */
function eventLog(context: Context, repository: { full_name: string }, phase: string): Context['log'] {
  return context.log.child({ repository: repository.full_name, event: `${context.name}.${(context.payload as { action?: string }).action ?? ''}`, phase });
}

function eventBase(context: Context, repository: RepositoryPayload & { full_name: string }): EventBase {
  return {
    client: context.octokit,
    repo: repoOf(repository),
    repoHtmlUrl: repository.html_url,
    defaultBranch: repository.default_branch,
    drafter: deterministicDrafter,
    log: eventLog(context, repository, 'lifecycle'),
  };
}

function logOutcome(context: Context, outcome: EventOutcome): void {
  if (outcome.phase === 'none' && outcome.status === 'ignored') return;
  context.log.info({ phase: outcome.phase, status: outcome.status }, `${outcome.phase}: ${outcome.status}`);
}

/** Whether a re-run check run is the gate's: its configured name (or the default one, when the file is broken). */
async function isOurCheckRun(context: Context, repo: RepoRef, name: string): Promise<boolean> {
  if (name === DEFAULT_SETTINGS.gate.checkName) return true;
  try {
    return (await loadSettings(context.octokit, repo)).gate.checkName === name;
  } catch {
    return false;
  }
}

/** The Probot app: every event is wired to the same phases the Action and CLI use. */
export default function agentOsApp(app: Probot): void {
  const serialize = createKeyedSerializer();
  /** A gate read with the repository's settings (a configuration problem fails the check with its message). */
  const gateWith = (context: Context, repo: RepoRef, gate: (settings: Settings['gate']) => Promise<GateOutcome>) => async () =>
    gate((await loadSettings(context.octokit, repo)).gate);

  /**
   * Gate one commit and report it as the check run, then (for a pull request event) keep its checklist comment
   * in step; deliveries for the same commit go one at a time.
   */
  const reportOn = (target: {
    context: Context;
    repo: RepoRef;
    headSha: string;
    rerun: boolean;
    run: () => Promise<GateOutcome>;
    checklist?: { pullRequest: number; repoHtmlUrl: string };
  }): Promise<GateOutcome | undefined> =>
    serialize(`${target.repo.owner}/${target.repo.repo}@${target.headSha}`, async () => {
      let gated: GateOutcome | undefined;
      await reportGate({
        client: target.context.octokit,
        repo: target.repo,
        settings: DEFAULT_SETTINGS.gate,
        log: eventLog(target.context, { full_name: `${target.repo.owner}/${target.repo.repo}` }, 'gate-tasks'),
        fallbackSha: target.headSha,
        rerun: target.rerun,
        run: async () => (gated = await target.run()),
      });
      if (gated === undefined || target.checklist === undefined) return gated;
      try {
        const written = await syncChecklist({ client: target.context.octokit, repo: target.repo, ...target.checklist }, gated);
        if (written !== 'none' && written !== 'unchanged') target.context.log.info({ pullRequest: target.checklist.pullRequest, written }, 'checklist comment');
      } catch (error) {
        target.context.log.warn({ err: error }, 'could not update the checklist comment');
      }
      return gated;
    });

  app.on([...INSTALLATION_EVENTS], async (context) => {
    const { payload } = context;
    const listed = 'repositories_added' in payload ? payload.repositories_added : payload.repositories;
    const work = (async () => {
      const repos =
        payload.action === 'created' ? await listInstallationRepositories(context.octokit) : (listed ?? []).map((r) => ({ owner: r.full_name.split('/')[0] ?? '', repo: r.name }));
      const result = await ensureLabels(context.octokit, repos, labelDefinitions(DEFAULT_SETTINGS.lifecycle.labels));
      context.log.info({ ...result, failed: result.failed.length }, 'labels ensured');
      for (const failure of result.failed) context.log.warn(failure, 'could not create the labels of a repository');
      return result;
    })();
    // Answer GitHub within its 10 seconds; a large organisation's labels go on being created after that.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([work.catch((error: unknown) => { context.log.error({ err: error }, 'labels failed'); }), new Promise((resolve) => (timer = setTimeout(resolve, LABELS_WAIT_MS)))]);
    clearTimeout(timer);
  });

  app.on([...LIFECYCLE_ISSUE_EVENTS], async (context) => {
    const { payload } = context;
    const base = eventBase(context, payload.repository);
    const outcome = await serialize(`${payload.repository.full_name}#${payload.issue.number}`, () =>
      handleIssueLabeled(base, {
        issueNumber: payload.issue.number,
        isPullRequest: payload.issue.pull_request !== undefined,
        label: payload.label?.name ?? '',
        eventKey: context.id,
      }),
    );
    logOutcome(context, outcome);
  });

  app.on([...LIFECYCLE_COMMENT_EVENTS], async (context) => {
    const { payload } = context;
    const base = eventBase(context, payload.repository);
    const { comment, issue, sender } = payload;
    const previousBody = payload.action === 'edited' ? payload.changes.body?.from : undefined;
    const outcome = await serialize(`${payload.repository.full_name}#${issue.number}`, () =>
      handleIssueComment(base, {
        action: payload.action,
        issueNumber: issue.number,
        isPullRequest: issue.pull_request !== undefined,
        labels: issue.labels.map((l) => l.name),
        comment: { id: comment.id, body: comment.body, author: comment.user?.login ?? '', authorIsBot: comment.user?.type === 'Bot' },
        sender: { login: sender.login, isBot: sender.type === 'Bot' },
        ...(previousBody === undefined ? {} : { previousBody }),
        eventKey: context.id,
      }),
    );
    logOutcome(context, outcome);
    const { gate } = outcome;
    if (gate !== undefined) {
      // A phase committed to a pull request's branch: its check run follows at once (the checklist already has).
      const repo = repoOf(payload.repository);
      await reportOn({ context, repo, headSha: gate.headSha, rerun: false, run: () => Promise.resolve(gate) });
    }
  });

  app.on([...SUB_ISSUE_EVENTS], async (context) => {
    const { payload } = context;
    const base = eventBase(context, payload.repository);
    const { issue, sender } = payload;
    const outcome = await serialize(`${payload.repository.full_name}#${issue.number}`, () =>
      handleIssueStateChange(base, {
        action: payload.action,
        issueNumber: issue.number,
        body: issue.body ?? '',
        stateReason: issue.state_reason ?? null,
        sender: { login: sender.login, isBot: sender.type === 'Bot' },
        eventKey: context.id,
      }),
    );
    logOutcome(context, outcome);
    const { gate } = outcome;
    if (gate !== undefined) {
      await reportOn({ context, repo: repoOf(payload.repository), headSha: gate.headSha, rerun: false, run: () => Promise.resolve(gate) });
    }
  });

  app.on([...SPEC_MERGE_EVENTS], async (context) => {
    const { payload } = context;
    const pr = payload.pull_request;
    if (!pr.merged) return;
    const base = eventBase(context, payload.repository);
    try {
      const outcome = await serialize(`${payload.repository.full_name}#${pr.number}`, () =>
        handlePullRequestClosed(base, {
          number: pr.number,
          headRef: pr.head.ref,
          headInRepository: sameRepository(pr.head.repo, payload.repository),
          merged: pr.merged,
          htmlUrl: pr.html_url,
        }),
      );
      logOutcome(context, outcome);
    } catch (error) {
      context.log.warn({ err: error }, 'finishing a merged spec failed');
      throw error;
    }
  });

  app.on([...GATE_PULL_REQUEST_EVENTS], async (context) => {
    const { payload } = context;
    if (payload.action === 'edited' && !('body' in payload.changes) && !('base' in payload.changes)) return;
    const repo = repoOf(payload.repository);
    let settings: Settings | undefined;
    const gated = await reportOn({
      context,
      repo,
      headSha: payload.pull_request.head.sha,
      rerun: false,
      run: async () => {
        settings = await loadSettings(context.octokit, repo);
        return gatePullRequest(context.octokit, repo, payload.repository.html_url, payload.pull_request.number, settings.gate);
      },
      checklist: { pullRequest: payload.pull_request.number, repoHtmlUrl: payload.repository.html_url },
    });
    if (gated !== undefined && settings !== undefined) {
      const ctx = { ...eventBase(context, payload.repository), settings: settings.lifecycle, gateSettings: settings.gate };
      const { head } = payload.pull_request;
      await followGate(ctx, { number: payload.pull_request.number, head: { ref: head.ref, inRepository: sameRepository(head.repo, payload.repository) } }, gated);
    }
  });

  app.on([...GATE_CHECK_EVENTS], async (context) => {
    const { payload } = context;
    if ('check_run' in payload && !(await isOurCheckRun(context, repoOf(payload.repository), payload.check_run.name))) return;
    const suite = 'check_run' in payload ? payload.check_run : payload.check_suite;
    const repo = repoOf(payload.repository);
    let numbers = suite.pull_requests.map((pr) => pr.number);
    if (numbers.length === 0) {
      try {
        numbers = await findPullRequestsForCommit(context.octokit, repo, suite.head_sha);
      } catch (error) {
        context.log.warn({ err: error }, 'could not find the pull requests of a re-requested commit');
        return;
      }
      if (numbers.length === 0) context.log.info({ headSha: suite.head_sha }, 're-run of a commit with no open pull request: nothing to gate');
    }
    for (const number of numbers) {
      await reportOn({
        context,
        repo,
        headSha: suite.head_sha,
        rerun: true,
        run: gateWith(context, repo, (settings) => gatePullRequest(context.octokit, repo, payload.repository.html_url, number, settings)),
      });
    }
  });

  app.on([...GATE_MERGE_QUEUE_EVENTS], async (context) => {
    const { merge_group: group, repository } = context.payload;
    if (!repository) return;
    const repo = repoOf(repository);
    const ref = { headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref };
    await reportOn({
      context,
      repo,
      headSha: group.head_sha,
      rerun: false,
      run: gateWith(context, repo, (settings) => gateMergeGroup(context.octokit, repo, repository.html_url, ref, settings)),
    });
  });
}
