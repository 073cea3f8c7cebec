import type { Logger } from 'probot';
import type { GateReport } from '../core/check/gate-types.js';
import type { GateSettings } from '../core/config/settings.js';
import { asAgentOsError, type AgentOsError } from '../core/errors.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { upsertCheckRun, type WriteOutcome } from '../github/upsert-check-run.js';
import type { GateOutcome } from '../phases/gate-tasks.js';

export interface ReportGateInput {
  client: GitHubClient;
  repo: RepoRef;
  settings: GateSettings;
  log: Logger;
  /** The commit to report on if the gate cannot even start (e.g. the pull request cannot be read). */
  fallbackSha: string;
  rerun: boolean;
  run: () => Promise<GateOutcome>;
}

function errorReport(error: AgentOsError): GateReport {
  return {
    conclusion: 'failure',
    title: 'Could not check the tasks',
    summary: `## ⚠️ Could not check the tasks\n\n${error.message}\n\nNothing was changed. Use **Re-run** on this check to try again.`,
    annotations: [],
    counts: { tasks: 0, required: 0, complete: 0 },
    incomplete: 0,
  };
}

/**
 * Run the gate and report it as the check run. When the gate itself fails (GitHub errors while reading), say
 * so in the check run rather than leaving the pull request without an answer; if even that fails, rethrow.
 */
export async function reportGate(input: ReportGateInput): Promise<WriteOutcome> {
  const { client, repo, settings, log } = input;
  try {
    const { headSha, report, checkName, newHead } = await input.run();
    const outcome = await upsertCheckRun(client, repo, {
      name: checkName,
      headSha,
      report,
      rerun: input.rerun,
      newHead: newHead === true,
    });
    log.info({ headSha, conclusion: report.conclusion, title: report.title, outcome }, 'gate reported');
    return outcome;
  } catch (error) {
    const known = asAgentOsError(error);
    log.warn({ err: error, kind: known.kind }, 'gate failed');
    await upsertCheckRun(client, repo, {
      name: settings.checkName,
      headSha: input.fallbackSha,
      report: errorReport(known),
      rerun: false,
      failed: true,
    });
    return 'created';
  }
}
