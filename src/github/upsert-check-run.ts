import { createHash } from 'node:crypto';
import type { GateAnnotation, GateReport } from '../core/check/gate-types.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

/** The Checks API takes at most 50 annotations per request; further ones go in updates, which append. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** The Checks API's limit on `output.summary`. */
const SUMMARY_LIMIT = 65_535;
/** Marks our check runs (and carries a fingerprint of their output) in `external_id`. */
const EXTERNAL_ID_PREFIX = 'agent-os-tasks:';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface CheckRunRequest {
  name: string;
  headSha: string;
  report: GateReport;
  /**
   * Someone asked for this run again (Re-run): refresh it even when the result is the same, so they see it
   * ran. Otherwise an unchanged result makes no write at all.
   */
  rerun?: boolean;
}

function fingerprintOf(report: GateReport): string {
  const { conclusion, title, summary, annotations } = report;
  return createHash('sha256').update(JSON.stringify({ conclusion, title, summary, annotations })).digest('hex').slice(0, 40);
}

function toApiAnnotation(a: GateAnnotation) {
  return { path: a.path, start_line: a.line, end_line: a.line, annotation_level: a.level, title: a.title, message: a.message };
}

function fitSummary(summary: string): string {
  if (summary.length <= SUMMARY_LIMIT) return summary;
  const note = '\n\n_…cut here: the summary is longer than GitHub allows. The annotations list every open task._';
  return summary.slice(0, SUMMARY_LIMIT - note.length) + note;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Report the gate as one check run on the head commit, found again by name and our `external_id` marker:
 * created when there is none; left alone when its output is already this one; updated in place otherwise.
 * Annotations cannot be removed from a run, so when a run that already carries annotations would change,
 * a fresh run replaces it (GitHub and branch protection use the newest run of a name).
 */
export async function upsertCheckRun(client: GitHubClient, repo: RepoRef, request: CheckRunRequest): Promise<WriteOutcome> {
  const { name, headSha, report } = request;
  const fingerprint = EXTERNAL_ID_PREFIX + fingerprintOf(report);
  const output = { title: report.title, summary: fitSummary(report.summary) };
  const [first = [], ...rest] = batches(report.annotations.map(toApiAnnotation), ANNOTATIONS_PER_REQUEST);
  const completed = { status: 'completed' as const, conclusion: report.conclusion, external_id: fingerprint };

  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo,
      ref: headSha,
      check_name: name,
      filter: 'latest',
      per_page: 100,
    });
    const existing = data.check_runs.find(
      (run) => run.name === name && run.head_sha === headSha && (run.external_id ?? '').startsWith(EXTERNAL_ID_PREFIX),
    );

    if (existing && existing.external_id === fingerprint && existing.status === 'completed') {
      if (!request.rerun) return 'unchanged';
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...repo,
        check_run_id: existing.id,
        ...completed,
        completed_at: new Date().toISOString(),
        output,
      });
      return 'updated';
    }

    let runId: number;
    let outcome: WriteOutcome;
    if (existing && existing.output.annotations_count === 0) {
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...repo,
        check_run_id: existing.id,
        ...completed,
        completed_at: new Date().toISOString(),
        output: { ...output, annotations: first },
      });
      runId = Number(existing.id);
      outcome = 'updated';
    } else {
      const created = await client.request('POST /repos/{owner}/{repo}/check-runs', {
        ...repo,
        name,
        head_sha: headSha,
        ...completed,
        completed_at: new Date().toISOString(),
        output: { ...output, annotations: first },
      });
      runId = Number(created.data.id);
      outcome = 'created';
    }
    for (const annotations of rest) {
      await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...repo,
        check_run_id: runId,
        output: { ...output, annotations },
      });
    }
    return outcome;
  } catch (error) {
    throw toAgentOsError(error, `Reporting the "${name}" check on ${headSha.slice(0, 7)}`);
  }
}
