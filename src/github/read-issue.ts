import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

/** An issue as the lifecycle phases need it, read through the API (never from a replayed payload). */
export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  /** ISO timestamp. */
  createdAt: string;
  author: string;
  htmlUrl: string;
  isPullRequest: boolean;
  labels: string[];
  state: 'open' | 'closed';
}

export async function readIssue(client: GitHubClient, repo: RepoRef, number: number): Promise<IssueSnapshot> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo,
      issue_number: number,
    });
    return {
      number: data.number,
      title: data.title,
      body: data.body ?? '',
      createdAt: data.created_at,
      author: data.user?.login ?? '',
      htmlUrl: data.html_url,
      isPullRequest: data.pull_request !== undefined,
      state: data.state === 'closed' ? 'closed' : 'open',
      labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
    };
  } catch (error) {
    throw toAgentOsError(error, `Reading issue #${number}`);
  }
}
