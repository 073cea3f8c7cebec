import { createHash } from 'node:crypto';
import type { GateAnnotation, GateReport } from '../core/check/gate-types.js';
import { storeOf } from './conditional-requests.js';
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
  /**
   * The head just became this commit (a current `synchronize`/`opened`): unless the App's store says it reported on
   * it already, there is no run of ours to find, and the run is created without listing first.
   */
  newHead?: boolean;
  /** The run says the gate could not run (an error): the head is not taken as answered, a later event gates it. */
  failed?: boolean;
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

/** `agent-os-tasks:<annotations hash>:<output hash>`: tells apart a change of annotations from one of text only. */
function fingerprintOf(report: GateReport): { full: string; annotations: string } {
  const annotations = hash(report.annotations);
  const output = hash({ conclusion: report.conclusion, title: report.title, summary: report.summary });
  return { full: `${EXTERNAL_ID_PREFIX}${annotations}:${output}`, annotations };
}

function annotationsHashOf(externalId: string | null): string | undefined {
  return externalId?.slice(EXTERNAL_ID_PREFIX.length).split(':')[0];
}

function toApiAnnotation(a: GateAnnotation) {
  return {
    path: a.path,
    start_line: a.line,
    end_line: a.line,
    annotation_level: a.level,
    title: a.title,
    message: a.message,
  };
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

function headKey(repo: RepoRef, headSha: string): string {
  return `reported:${repo.owner}/${repo.repo}@${headSha}`;
}

/**
 * Whether the App reported a check run on this commit (by the store of a client that keeps one): then a webhook
 * the App's own commit caused for it has nothing left to do.
 */
export async function wasHeadReported(client: GitHubClient, repo: RepoRef, headSha: string): Promise<boolean> {
  return (await storeOf(client)?.get(headKey(repo, headSha))) !== undefined;
}

/** The newest run of this name on the head commit that carries our `external_id` marker, if any. */
async function findOurRun(client: GitHubClient, repo: RepoRef, name: string, headSha: string) {
  const listed = (
    await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo,
      ref: headSha,
      check_name: name,
      filter: 'latest',
      per_page: 100,
    })
  ).data.check_runs;
  return listed.find(
    (run) => run.name === name && run.head_sha === headSha && (run.external_id ?? '').startsWith(EXTERNAL_ID_PREFIX),
  );
}

/**
 * Report the gate as one check run on the head commit, found again by name and our `external_id` marker:
 * created when there is none; left alone when its output is already this one; updated in place when only its
 * conclusion, title or summary change, or when it has no annotations yet. Annotations cannot be removed from a
 * run, so when a run's annotations would change, a fresh run replaces it (GitHub and branch protection use the
 * newest run of a name). The final fingerprint goes out with the last request, so a run left half-written by an
 * error is redone by the next event.
 */
export async function upsertCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  request: CheckRunRequest,
): Promise<WriteOutcome> {
  const { name, headSha, report } = request;
  const fingerprint = fingerprintOf(report);
  const output = { title: report.title, summary: fitSummary(report.summary) };
  const batched = batches(report.annotations.map(toApiAnnotation), ANNOTATIONS_PER_REQUEST);
  const conclusion = { status: 'completed' as const, conclusion: report.conclusion };
  const externalIdAfter = (batchIndex: number) =>
    batchIndex >= batched.length - 1 ? fingerprint.full : `${EXTERNAL_ID_PREFIX}incomplete`;
  const patch = (checkRunId: number, body: Record<string, unknown>) =>
    client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: checkRunId,
      ...body,
    });

  const store = storeOf(client);
  const reported = `check:${repo.owner}/${repo.repo}@${headSha}:${name}`;
  const remember = async (runId: number) => {
    await store?.set(reported, String(runId));
    if (request.failed !== true) await store?.set(headKey(repo, headSha), 'reported');
  };
  try {
    const unseen = request.newHead === true && store !== undefined && (await store.get(reported)) === undefined;
    const existing = unseen ? undefined : await findOurRun(client, repo, name, headSha);
    if (existing) await remember(Number(existing.id));

    if (
      existing &&
      existing.status === 'completed' &&
      annotationsHashOf(existing.external_id) === fingerprint.annotations
    ) {
      // Same annotations: at most the text changed, which an update can say without repeating them.
      if (existing.external_id === fingerprint.full && !request.rerun) return 'unchanged';
      await patch(Number(existing.id), {
        ...conclusion,
        completed_at: new Date().toISOString(),
        external_id: fingerprint.full,
        output,
      });
      return 'updated';
    }

    const first = {
      ...conclusion,
      completed_at: new Date().toISOString(),
      external_id: externalIdAfter(0),
      output: { ...output, annotations: batched[0] ?? [] },
    };
    const reuse = existing && existing.output.annotations_count === 0 ? Number(existing.id) : undefined;
    const runId = await writeFirstBatch(client, repo, request, reuse, first);
    const outcome: WriteOutcome = reuse === undefined ? 'created' : 'updated';
    await remember(runId);
    for (let i = 1; i < batched.length; i += 1) {
      await patch(runId, { external_id: externalIdAfter(i), output: { ...output, annotations: batched[i] } });
    }
    return outcome;
  } catch (error) {
    throw toAgentOsError(error, `Reporting the "${name}" check on ${headSha.slice(0, 7)}`);
  }
}

/** Patch the run to reuse (one that has no annotations yet) with the first batch, or create a fresh run with it. */
async function writeFirstBatch(
  client: GitHubClient,
  repo: RepoRef,
  request: CheckRunRequest,
  reuse: number | undefined,
  first: Record<string, unknown>,
): Promise<number> {
  if (reuse !== undefined) {
    await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: reuse,
      ...first,
    });
    return reuse;
  }
  const created = await client.request('POST /repos/{owner}/{repo}/check-runs', {
    ...repo,
    name: request.name,
    head_sha: request.headSha,
    ...first,
  });
  return Number(created.data.id);
}
