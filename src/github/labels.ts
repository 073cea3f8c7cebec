import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

/**
 * Show the phase on an issue: add `target` (GitHub creates a missing label) and remove the other phase labels.
 * Labels already right cost no request; `current` is the issue's labels as just read.
 */
export async function setPhaseLabel(
  client: GitHubClient,
  repo: RepoRef,
  request: { number: number; current: readonly string[]; target: string; phaseLabels: readonly string[] },
): Promise<void> {
  try {
    if (!request.current.includes(request.target)) {
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...repo,
        issue_number: request.number,
        labels: [request.target],
      });
    }
    for (const label of request.phaseLabels) {
      if (label === request.target || !request.current.includes(label)) continue;
      await client
        .request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
          ...repo,
          issue_number: request.number,
          name: label,
        })
        .catch((error: unknown) => {
          if ((error as { status?: unknown }).status !== 404) throw error;
        });
    }
  } catch (error) {
    throw toAgentOsError(error, `Setting the label “${request.target}” on #${request.number}`);
  }
}

export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

/** Create the labels a repository lacks (compared in any letter case); how many were created. */
export async function createMissingLabels(
  client: GitHubClient,
  repo: RepoRef,
  definitions: readonly LabelDefinition[],
): Promise<number> {
  const existing = await client.paginate('GET /repos/{owner}/{repo}/labels', { ...repo, per_page: 100 });
  const names = new Set(existing.map((l) => l.name.toLowerCase()));
  let created = 0;
  for (const label of definitions) {
    if (names.has(label.name.toLowerCase())) continue;
    try {
      await client.request('POST /repos/{owner}/{repo}/labels', { ...repo, ...label });
      created += 1;
    } catch (error) {
      // Created meanwhile (a redelivery, another replica): that is what we wanted.
      if ((error as { status?: unknown }).status !== 422) throw error;
    }
  }
  return created;
}

/** Every repository an installation can see (paginated), for an installation whose payload may not list them all. */
export async function listInstallationRepositories(client: GitHubClient): Promise<RepoRef[]> {
  const repos = await client.paginate('GET /installation/repositories', { per_page: 100 });
  return repos.map((r) => ({ owner: r.owner.login, repo: r.name }));
}
