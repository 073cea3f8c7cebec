import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';
import { toIssueRecord, type IssueRecord } from './write-issue.js';

/** The sub-issues of an issue, every page. */
export async function listSubIssues(client: GitHubClient, repo: RepoRef, parent: number): Promise<IssueRecord[]> {
  try {
    const data = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
      ...repo,
      issue_number: parent,
      per_page: 100,
    });
    return data.map((issue) => toIssueRecord(issue));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return [];
    throw toAgentOsError(error, `Listing the sub-issues of #${parent}`);
  }
}

/**
 * Make an issue a sub-issue of `parent`. GitHub takes the child's numeric id, not its number. A child already
 * attached (a redelivery) counts as done.
 */
export async function addSubIssue(
  client: GitHubClient,
  repo: RepoRef,
  parent: number,
  child: Pick<IssueRecord, 'id' | 'number'>,
): Promise<void> {
  try {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
      ...repo,
      issue_number: parent,
      sub_issue_id: child.id,
    });
  } catch (error) {
    const http = error as { status?: unknown; message?: unknown };
    if (http.status === 422 && typeof http.message === 'string' && /already|duplicate/i.test(http.message)) return;
    throw toAgentOsError(error, `Adding #${child.number} as a sub-issue of #${parent}`);
  }
}

/** The parent of an issue, if it has one (for a sub-issue closed by a person). */
export async function readParentIssue(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<IssueRecord | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/parent', {
      ...repo,
      issue_number: number,
    });
    return toIssueRecord(data);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw toAgentOsError(error, `Reading the parent of #${number}`);
  }
}

/**
 * The repository's most recently created issues, open or closed (one request): an issue opened by a run that
 * stopped before attaching it as a sub-issue is among them.
 */
export async function listRecentIssues(client: GitHubClient, repo: RepoRef, count = 100): Promise<IssueRecord[]> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      ...repo,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: count,
    });
    return data.filter((i) => i.pull_request === undefined).map((issue) => toIssueRecord(issue));
  } catch (error) {
    throw toAgentOsError(error, 'Listing the recent issues');
  }
}
