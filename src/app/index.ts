import type { ApplicationFunctionOptions, Context, Probot } from 'probot';
import { DEFAULT_SETTINGS } from '../core/config/parse-config.js';
import type { Settings } from '../core/config/parse-config.js';
import type { RepoRef } from '../github/github-client.js';
import { isAppSender } from '../github/app-identity.js';
import { useConditionalRequests } from '../github/conditional-requests.js';
import { DEFAULT_SETTINGS_ABSENCE_TTL_MS, forgetSettingsRepoAbsent, type AbsenceClock } from '../github/owner-settings-absence.js';
import { findPullRequestsForCommit } from '../github/read-pull-request.js';
import { createResponseStore, type ResponseStore } from '../github/response-store.js';
import { wasHeadReported } from '../github/upsert-check-run.js';
import { ensureLabels, labelDefinitions, listInstallationRepositories } from '../phases/ensure-labels.js';
import { gateMergeGroup, gatePullRequest, type GateOutcome } from '../phases/gate-tasks.js';
import { handleIssueComment, handleIssueLabeled, type EventOutcome } from '../events/on-issue-comment.js';
import { followGate, handleIssueStateChange, handlePullRequestClosed } from '../events/on-spec-events.js';
import { loadSettings } from '../phases/load-settings.js';
import { modelFromEnvironment } from '../model/model-from-environment.js';
import { createDeliveryDesk } from './accept-delivery.js';
import { createMemoryClaims, createRedisClaims, DEFAULT_CLAIM_TIMES, type ClaimTimes, type DeliveryClaims } from './claim-delivery.js';
import { eventBase, isOurCheckRun, logOutcome, repoOf, sameRepository } from './event-context.js';
import {
  GATE_CHECK_EVENTS,
  GATE_MERGE_QUEUE_EVENTS,
  GATE_PULL_REQUEST_EVENTS,
  INSTALLATION_EVENTS,
  LIFECYCLE_COMMENT_EVENTS,
  LIFECYCLE_ISSUE_EVENTS,
  SPEC_MERGE_EVENTS,
  SUB_ISSUE_EVENTS,
} from '../events/event-names.js';
import { metricsHandler } from './metrics-endpoint.js';
import type { AppMetrics } from './render-metrics.js';
import { createGateReporter } from './report-on-commit.js';
import { createWorkQueue } from './work-queue.js';

export * from '../events/event-names.js';

export interface AgentOsAppOptions {
  /** Share delivery claims through this Redis server (`REDIS_URL`); without it they are kept in this process. */
  redisUrl?: string;
  /** Jobs run at the same time (`AGENT_OS_CONCURRENCY`, default 8). */
  concurrency?: number;
  claimTimes?: ClaimTimes;
  /** Prefix of the claim keys in Redis. */
  claimPrefix?: string;
  /**
   * How long an owner without a `.github` settings repository is believed to have none (ms;
   * `AGENT_OS_SETTINGS_ABSENCE_TTL` in seconds; default 5 minutes; 0 asks GitHub on every event).
   */
  settingsAbsenceTtlMs?: number;
  /** The clock that TTL is judged by (tests inject one; default `Date.now`). */
  now?: () => number;
}

/** The App, and what its operators and tests see of its queue. */
export interface AgentOsApp {
  app: (probot: Probot, loaded?: ApplicationFunctionOptions) => void;
  /**
   * Resolves once every accepted delivery's work is done, or with `repository` (`owner/name`) every delivery's about
   * that repository (tests wait on it instead of sleeping).
   */
  idle: (repository?: string) => Promise<void>;
  metrics: () => AppMetrics;
  /** Close the claims' Redis connection. */
  close: () => Promise<void>;
}

const DEFAULT_CONCURRENCY = 8;

const succeeded = (outcome: EventOutcome) => outcome.status !== 'failed';

/**
 * The Probot app: every event is wired to the same phases the Action and CLI use. Each delivery is checked,
 * claimed by its id and answered at once; its work runs from the in-process queue.
 */
export function createAgentOsApp(options: AgentOsAppOptions = {}): AgentOsApp {
  const queue = createWorkQueue({ concurrency: options.concurrency ?? DEFAULT_CONCURRENCY });
  const { reportOn, stats: gateStats } = createGateReporter(queue);
  let claims: DeliveryClaims | undefined;
  const claimStore = (): DeliveryClaims => (claims ??= createMemoryClaims(options.claimTimes ?? DEFAULT_CLAIM_TIMES));
  const desk = createDeliveryDesk(queue, claimStore);
  // The operator's model (AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN, AGENT_OS_MODEL), read once at start-up.
  const configuredModel = modelFromEnvironment(process.env);
  const { model } = configuredModel;
  const metrics = (): AppMetrics => ({ queue: queue.stats(), deliveries: desk.stats(), gate: gateStats(), claims: claimStore().store });
  /** GitHub's answers kept for conditional requests (Redis with `REDIS_URL`, so replicas share them). */
  let responses: ResponseStore | undefined;
  const absenceClock: AbsenceClock = { now: options.now ?? Date.now, ttlMs: options.settingsAbsenceTtlMs ?? DEFAULT_SETTINGS_ABSENCE_TTL_MS };

  const app = (probot: Probot, loaded?: ApplicationFunctionOptions): void => {
    if (configuredModel.problem !== undefined) probot.log.warn(`Model drafting is off: ${configuredModel.problem}`);
    if (configuredModel.description !== undefined) probot.log.info(`Model drafting with ${configuredModel.description}`);
    if (options.redisUrl !== undefined && claims === undefined) {
      claims = createRedisClaims({
        url: options.redisUrl,
        prefix: options.claimPrefix ?? 'agent-os-github',
        times: options.claimTimes ?? DEFAULT_CLAIM_TIMES,
        onError: (error, id) => {
          probot.log.warn({ err: error, id }, 'Redis could not be reached to claim a delivery: handled here');
        },
      });
    }
    responses ??= createResponseStore(options.redisUrl, (error) => {
      probot.log.warn({ err: error }, 'Redis could not be reached for the response store: reading without it');
    });
    try {
      loaded?.addHandler(metricsHandler(metrics));
    } catch {
      // Loaded without a server (tests, serverless): no metrics endpoint, the rest works the same.
    }
    wire(probot);
  };

  /** A gate read with the repository's settings (a configuration problem fails the check with its message). */
  const gateWith = (context: Context, repo: RepoRef, gate: (settings: Settings['gate']) => Promise<GateOutcome>) => async () =>
    gate((await loadSettings(context.octokit, repo)).gate);

  /** A phase gated a pull request at a commit it made: its check run follows at once (the checklist already has). */
  const reportPhaseGate = async (context: Context, repo: RepoRef, gate: GateOutcome | undefined): Promise<boolean> =>
    gate === undefined || (await reportOn({ context, repo, headSha: gate.headSha, rerun: false, run: () => Promise.resolve(gate) })) !== undefined;

  const wire = (app: Probot): void => {
    // Every event's client reads conditionally through the response store (src/github/conditional-requests.ts).
    const store = responses ?? createResponseStore(undefined);
    const on = app.on.bind(app);
    app.on = ((events: Parameters<typeof on>[0], handler: (context: Context) => Promise<void>) => {
      on(events, (context: Context) => {
        useConditionalRequests(context.octokit, store, absenceClock);
        return handler(context);
      });
    }) as typeof app.on;

    app.on([...INSTALLATION_EVENTS], (context) =>
      desk.accept(context, async () => {
        const { payload } = context;
        // The App may now read the owner's `.github` repository: its settings are asked for again.
        const account = (payload.installation as { account?: { login?: string } | null }).account?.login;
        if (account !== undefined) await forgetSettingsRepoAbsent(store, account);
        const listed = 'repositories_added' in payload ? payload.repositories_added : payload.repositories;
        const repos =
          payload.action === 'created' ? await listInstallationRepositories(context.octokit) : (listed ?? []).map((r) => ({ owner: r.full_name.split('/')[0] ?? '', repo: r.name }));
        const result = await queue.run(`installation ${String(payload.installation.id)}`, () => ensureLabels(context.octokit, repos, labelDefinitions(DEFAULT_SETTINGS.lifecycle.labels)));
        context.log.info({ ...result, failed: result.failed.length }, 'labels ensured');
        for (const failure of result.failed) context.log.warn(failure, 'could not create the labels of a repository');
        return result.failed.length === 0;
      }),
    );

    app.on([...LIFECYCLE_ISSUE_EVENTS], async (context) => {
      // A label the App added itself (its phase labels): the phase that added it has done the work.
      if (await isAppSender(context.octokit, context.payload.sender)) {
        desk.skipOwn(context);
        return;
      }
      await desk.accept(context, async () => {
        const { payload } = context;
        const base = eventBase(context, payload.repository, model);
        const outcome = await queue.run(`${payload.repository.full_name}#${String(payload.issue.number)}`, () =>
          handleIssueLabeled(base, {
            issueNumber: payload.issue.number,
            isPullRequest: payload.issue.pull_request !== undefined,
            label: payload.label?.name ?? '',
            eventKey: context.id,
          }),
        );
        logOutcome(context, outcome);
        // shape-spec gated its new pull request's head from what it wrote: reported here, as the check run.
        const reported = await reportPhaseGate(context, repoOf(payload.repository), outcome.gate);
        return succeeded(outcome) && reported;
      });
    });

    app.on([...LIFECYCLE_COMMENT_EVENTS], (context) =>
      desk.accept(context, async () => {
        const { payload } = context;
        const base = eventBase(context, payload.repository, model);
        const { comment, issue, sender } = payload;
        const previousBody = payload.action === 'edited' ? payload.changes.body?.from : undefined;
        const outcome = await queue.run(`${payload.repository.full_name}#${String(issue.number)}`, () =>
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
        const reported = await reportPhaseGate(context, repoOf(payload.repository), outcome.gate);
        return succeeded(outcome) && reported;
      }),
    );

    app.on([...SUB_ISSUE_EVENTS], (context) =>
      desk.accept(context, async () => {
        const { payload } = context;
        const base = eventBase(context, payload.repository, model);
        const { issue, sender } = payload;
        const outcome = await queue.run(`${payload.repository.full_name}#${String(issue.number)}`, () =>
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
        const reported = await reportPhaseGate(context, repoOf(payload.repository), outcome.gate);
        return succeeded(outcome) && reported;
      }),
    );

    app.on([...SPEC_MERGE_EVENTS], async (context) => {
      const { payload } = context;
      const pr = payload.pull_request;
      if (!pr.merged) return;
      await desk.accept(context, async () => {
        const base = eventBase(context, payload.repository, model);
        try {
          const outcome = await queue.run(`${payload.repository.full_name}#${String(pr.number)}`, () =>
            handlePullRequestClosed(base, {
              number: pr.number,
              headRef: pr.head.ref,
              headInRepository: sameRepository(pr.head.repo, payload.repository),
              merged: pr.merged,
              htmlUrl: pr.html_url,
            }),
          );
          logOutcome(context, outcome);
          return succeeded(outcome);
        } catch (error) {
          context.log.warn({ err: error }, 'finishing a merged spec failed');
          return false;
        }
      });
    });

    app.on([...GATE_PULL_REQUEST_EVENTS], async (context) => {
      const { payload } = context;
      if (payload.action === 'edited' && !('body' in payload.changes) && !('base' in payload.changes)) return;
      // The App's own pull request or commit, on a head it already reported (the phase that wrote it gated it).
      if ((await isAppSender(context.octokit, payload.sender)) && (await wasHeadReported(context.octokit, repoOf(payload.repository), payload.pull_request.head.sha))) {
        desk.skipOwn(context);
        return;
      }
      await desk.accept(context, async () => {
        const repo = repoOf(payload.repository);
        const { head, number } = payload.pull_request;
        let settings: Settings | undefined;
        const gated = await reportOn(
          {
            context,
            repo,
            headSha: head.sha,
            rerun: false,
            run: async () => {
              settings = await loadSettings(context.octokit, repo);
              const pr = payload.pull_request;
              // What the payload says, used only where the App's store shows it is current (see gatePullRequest).
              const known = { headSha: pr.head.sha, body: pr.body, updatedAt: pr.updated_at, headJustMoved: payload.action === 'synchronize' || payload.action === 'opened' };
              return gatePullRequest(context.octokit, repo, payload.repository.html_url, number, settings.gate, known);
            },
            checklist: { pullRequest: number, repoHtmlUrl: payload.repository.html_url },
            after: async (outcome) => {
              if (settings === undefined) return;
              const ctx = { ...eventBase(context, payload.repository, model), settings: settings.lifecycle, gateSettings: settings.gate };
              await followGate(ctx, { number, head: { ref: head.ref, inRepository: sameRepository(head.repo, payload.repository) } }, outcome);
            },
          },
          `pull #${String(number)}`,
        );
        return gated !== undefined;
      });
    });

    app.on([...GATE_CHECK_EVENTS], (context) =>
      desk.accept(context, async () => {
        const { payload } = context;
        if ('check_run' in payload && !(await isOurCheckRun(context, repoOf(payload.repository), payload.check_run.name))) return true;
        const suite = 'check_run' in payload ? payload.check_run : payload.check_suite;
        const repo = repoOf(payload.repository);
        let numbers = suite.pull_requests.map((pr) => pr.number);
        if (numbers.length === 0) {
          try {
            numbers = await findPullRequestsForCommit(context.octokit, repo, suite.head_sha);
          } catch (error) {
            context.log.warn({ err: error }, 'could not find the pull requests of a re-requested commit');
            return false;
          }
          if (numbers.length === 0) context.log.info({ headSha: suite.head_sha }, 're-run of a commit with no open pull request: nothing to gate');
        }
        let reported = true;
        for (const number of numbers) {
          const run = gateWith(context, repo, (settings) => gatePullRequest(context.octokit, repo, payload.repository.html_url, number, settings));
          const gated = await reportOn({ context, repo, headSha: suite.head_sha, rerun: true, run }, `re-run #${String(number)}`);
          reported &&= gated !== undefined;
        }
        return reported;
      }),
    );

    app.on([...GATE_MERGE_QUEUE_EVENTS], (context) =>
      desk.accept(context, async () => {
        const { merge_group: group, repository } = context.payload;
        if (!repository) return true;
        const repo = repoOf(repository);
        const ref = { headSha: group.head_sha, baseSha: group.base_sha, headRef: group.head_ref };
        const run = gateWith(context, repo, (settings) => gateMergeGroup(context.octokit, repo, repository.html_url, ref, settings));
        return (await reportOn({ context, repo, headSha: group.head_sha, rerun: false, run }, 'merge group')) !== undefined;
      }),
    );
  };

  return {
    app,
    idle: (repository) => queue.idle(repository),
    metrics,
    close: async () => {
      await queue.idle();
      await claims?.close();
      await responses?.close?.();
    },
  };
}

/**
 * The App as `probot run` loads it: configured from the environment (`REDIS_URL`, `AGENT_OS_CONCURRENCY`).
 * Each load makes its own queue and claims.
 */
export default function agentOsApp(app: Probot, loaded?: ApplicationFunctionOptions): void {
  const concurrency = Number(process.env.AGENT_OS_CONCURRENCY);
  const redisUrl = process.env.REDIS_URL;
  const absenceTtl = Number(process.env.AGENT_OS_SETTINGS_ABSENCE_TTL ?? Number.NaN);
  createAgentOsApp({
    ...(redisUrl ? { redisUrl } : {}),
    ...(Number.isInteger(concurrency) && concurrency > 0 ? { concurrency } : {}),
    ...(Number.isFinite(absenceTtl) && absenceTtl >= 0 ? { settingsAbsenceTtlMs: absenceTtl * 1000 } : {}),
  }).app(app, loaded);
}
