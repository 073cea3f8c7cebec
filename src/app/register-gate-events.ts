import type { Probot } from 'probot';
import { GATE_CHECK_EVENTS, GATE_MERGE_QUEUE_EVENTS, GATE_PULL_REQUEST_EVENTS } from '../events/event-names.js';
import { pullRequestsToRegate } from '../events/on-check-rerun.js';
import {
  followPullRequestGate,
  gateMergeGroupEvent,
  gatePullRequestEvent,
  gatePullRequestNumber,
  type GatedPullRequest,
} from '../events/on-pull-request.js';
import { isAppSender } from '../github/app-identity.js';
import { wasHeadReported } from '../github/upsert-check-run.js';
import { eventOf, type AppWiring } from './app-wiring.js';
import { eventBase, repoOf } from './event-context.js';

/** A pull request's head gated and reported as the check run, its checklist kept, then the spec follow-ups. */
function registerPullRequests(app: Probot, wiring: AppWiring): void {
  app.on([...GATE_PULL_REQUEST_EVENTS], async (context) => {
    const event = eventOf(context, 'pull-request');
    if (event?.changesGate === false) return;
    const { payload } = context;
    // The App's own pull request or commit, on a head it already reported (the phase that wrote it gated it).
    if (
      event !== undefined &&
      (await isAppSender(context.octokit, payload.sender)) &&
      (await wasHeadReported(context.octokit, repoOf(payload.repository), event.head.sha))
    ) {
      wiring.desk.skipOwn(context);
      return;
    }
    // A payload without what the gate reads is refused (400) by the desk.
    await wiring.desk.accept(context, async () => {
      if (event === undefined) return true;
      const repo = repoOf(payload.repository);
      const base = eventBase(context, payload.repository, wiring.model);
      let gated: GatedPullRequest | undefined;
      const target = {
        context,
        repo,
        headSha: event.head.sha,
        rerun: false,
        run: async () => (gated = await gatePullRequestEvent(base, event, { trustPayload: true })).gate,
        checklist: { pullRequest: event.number, repoHtmlUrl: base.repoHtmlUrl },
        after: async () => (gated === undefined ? undefined : followPullRequestGate(gated, event)),
      };
      return (await wiring.reportOn(target, `pull #${String(event.number)}`)) !== undefined;
    });
  });
}

/** A person's re-run of the gate's check run (or its suite): every pull request of the commit gated again. */
function registerReruns(app: Probot, wiring: AppWiring): void {
  app.on([...GATE_CHECK_EVENTS], (context) =>
    wiring.desk.accept(context, async () => {
      const event = eventOf(context, 'check-rerun');
      if (event === undefined) return true;
      const base = eventBase(context, context.payload.repository, wiring.model);
      let numbers: number[] | undefined;
      try {
        numbers = await pullRequestsToRegate(context.octokit, base.repo, event);
      } catch (error) {
        context.log.warn({ err: error }, 'could not find the pull requests of a re-requested commit');
        return false;
      }
      if (numbers === undefined) return true;
      if (numbers.length === 0)
        context.log.info({ headSha: event.headSha }, 're-run of a commit with no open pull request: nothing to gate');
      let reported = true;
      for (const number of numbers) {
        const gated = await wiring.reportOn(
          {
            context,
            repo: base.repo,
            headSha: event.headSha,
            rerun: true,
            run: () => gatePullRequestNumber(base, number),
          },
          `re-run #${String(number)}`,
        );
        reported &&= gated !== undefined;
      }
      return reported;
    }),
  );
}

/** The merge queue's commit gated, so the queue gets its answer. */
function registerMergeQueue(app: Probot, wiring: AppWiring): void {
  app.on([...GATE_MERGE_QUEUE_EVENTS], (context) =>
    wiring.desk.accept(context, async () => {
      const { repository } = context.payload;
      const event = eventOf(context, 'merge-group');
      if (!repository || event === undefined) return true;
      const base = eventBase(context, repository, wiring.model);
      return (
        (await wiring.reportOn(
          {
            context,
            repo: base.repo,
            headSha: event.headSha,
            rerun: false,
            run: () => gateMergeGroupEvent(base, event),
          },
          'merge group',
        )) !== undefined
      );
    }),
  );
}

/** The gate's events: pull requests, re-runs, the merge queue. */
export function registerGateEvents(app: Probot, wiring: AppWiring): void {
  registerPullRequests(app, wiring);
  registerReruns(app, wiring);
  registerMergeQueue(app, wiring);
}
