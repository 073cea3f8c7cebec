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
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repo, issue_number: request.number, labels: [request.target] });
    }
    for (const label of request.phaseLabels) {
      if (label === request.target || !request.current.includes(label)) continue;
      await client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { ...repo, issue_number: request.number, name: label }).catch((error: unknown) => {
        if ((error as { status?: unknown }).status !== 404) throw error;
      });
    }
  } catch (error) {
    throw toAgentOsError(error, `Setting the label “${request.target}” on #${request.number}`);
  }
}
