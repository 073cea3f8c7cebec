import type { Context } from 'probot';
import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import type { RepoRef } from '../github/github-client.js';
import type { GateOutcome } from '../phases/gate-tasks.js';
import { syncChecklist } from '../phases/sync-checklist.js';
import { createCoalescer, type CoalesceStats } from './coalesce-runs.js';
import { eventLog } from './event-context.js';
import { reportGate } from './report-gate.js';
import type { WorkQueue } from './work-queue.js';

/** What a gate reports on and how to compute it; `after` runs in the same job, after the check run. */
export interface GateTarget {
  context: Context;
  repo: RepoRef;
  headSha: string;
  rerun: boolean;
  run: () => Promise<GateOutcome>;
  checklist?: { pullRequest: number; repoHtmlUrl: string };
  after?: (gated: GateOutcome) => Promise<void>;
}

export interface GateReporter {
  reportOn: (target: GateTarget, coalesceAs?: string) => Promise<GateOutcome | undefined>;
  /** Gate evaluations run, and requests that joined one waiting. */
  stats: () => CoalesceStats;
}

/** Gates run from the App's queue: one commit's one at a time, requests of the same kind coalesced. */
export function createGateReporter(queue: WorkQueue): GateReporter {
  const gates = createCoalescer<GateOutcome | undefined>(queue);
  let gateRuns = 0;
  /**
   * Gate one commit and report it as the check run, then (for a pull request event) keep its checklist comment
   * in step. Gates of one commit run one at a time; `coalesceAs` lets deliveries that arrive while a gate of the same
   * kind is waiting join it (a burst of pushes' webhooks costs at most two evaluations).
   */
  const reportOn = (target: GateTarget, coalesceAs?: string): Promise<GateOutcome | undefined> => {
    const queueKey = `${target.repo.owner}/${target.repo.repo}@${target.headSha}`;
    const job = async (): Promise<GateOutcome | undefined> => {
      gateRuns += 1;
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
      if (gated === undefined) return gated;
      if (target.checklist !== undefined) {
        try {
          const written = await syncChecklist(
            { client: target.context.octokit, repo: target.repo, ...target.checklist },
            gated,
          );
          if (written !== 'none' && written !== 'unchanged')
            target.context.log.info({ pullRequest: target.checklist.pullRequest, written }, 'checklist comment');
        } catch (error) {
          target.context.log.warn({ err: error }, 'could not update the checklist comment');
        }
      }
      await target.after?.(gated);
      return gated;
    };
    return coalesceAs === undefined
      ? queue.run(queueKey, job)
      : gates.submit(`${queueKey} ${coalesceAs}`, job, queueKey);
  };

  return { reportOn, stats: () => ({ runs: gateRuns, joined: gates.stats().joined }) };
}
