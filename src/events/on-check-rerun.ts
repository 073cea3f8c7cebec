import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { findPullRequestsForCommit } from '../github/read-pull-request.js';
import { loadSettings } from '../phases/load-settings.js';
import type { CheckRerunEvent } from './event-types.js';

/** Whether a re-run check run is the gate's: its configured name (or the default one, when the file is broken). */
export async function isOurCheckRun(client: GitHubClient, repo: RepoRef, name: string): Promise<boolean> {
  if (name === DEFAULT_SETTINGS.gate.checkName) return true;
  try {
    return (await loadSettings(client, repo)).gate.checkName === name;
  } catch {
    return false;
  }
}

/**
 * The pull requests a re-run asks to gate again: those of the check run or suite, or when GitHub lists none (a
 * fork's pull request), those whose head is the commit; `undefined` for a check run that is not the gate's.
 */
export async function pullRequestsToRegate(
  client: GitHubClient,
  repo: RepoRef,
  event: CheckRerunEvent,
): Promise<number[] | undefined> {
  if (event.checkName !== undefined && !(await isOurCheckRun(client, repo, event.checkName))) return undefined;
  if (event.pullRequests.length > 0) return event.pullRequests;
  return findPullRequestsForCommit(client, repo, event.headSha);
}
