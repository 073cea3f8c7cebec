import type { OtherCheck } from '../core/verification/render-verification.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

/** The check runs on a commit (the latest of each name, as GitHub lists them), every page. */
export async function listCheckRunsForRef(client: GitHubClient, repo: RepoRef, ref: string): Promise<OtherCheck[]> {
  try {
    const runs = await client.paginate('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo,
      ref,
      filter: 'latest',
      per_page: 100,
    });
    return runs.map((run) => ({
      name: run.name,
      status: run.status,
      conclusion: run.conclusion ?? null,
      url: run.html_url ?? run.details_url ?? '',
    }));
  } catch (error) {
    throw toAgentOsError(error, `Listing the check runs of ${ref.slice(0, 7)}`);
  }
}
