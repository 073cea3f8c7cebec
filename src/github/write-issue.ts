import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

/** An issue as the orchestration reads it: its numeric id (for the sub-issues API) and what we may update. */
export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  htmlUrl: string;
  labels: string[];
  assignees: string[];
}

interface IssueData {
  id: number | bigint;
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  html_url: string;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
}

export function toIssueRecord(data: IssueData): IssueRecord {
  return {
    id: Number(data.id),
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    stateReason: data.state_reason ?? null,
    htmlUrl: data.html_url,
    labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
    assignees: (data.assignees ?? []).map((a) => a.login),
  };
}

export async function createIssue(
  client: GitHubClient,
  repo: RepoRef,
  issue: { title: string; body: string; labels: readonly string[]; assignees: readonly string[] },
): Promise<IssueRecord> {
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
      ...repo,
      title: issue.title,
      body: issue.body,
      labels: [...issue.labels],
      ...(issue.assignees.length > 0 ? { assignees: [...issue.assignees] } : {}),
    });
    return toIssueRecord(data);
  } catch (error) {
    throw toAgentOsError(error, `Opening the issue “${issue.title}”`);
  }
}

export async function updateIssue(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  change: {
    title?: string;
    body?: string;
    state?: 'open' | 'closed';
    stateReason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
    labels?: readonly string[];
    assignees?: readonly string[];
  },
): Promise<IssueRecord> {
  try {
    const { data } = await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo,
      issue_number: number,
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.body === undefined ? {} : { body: change.body }),
      ...(change.state === undefined ? {} : { state: change.state }),
      ...(change.stateReason === undefined ? {} : { state_reason: change.stateReason }),
      ...(change.labels === undefined ? {} : { labels: [...change.labels] }),
      ...(change.assignees === undefined ? {} : { assignees: [...change.assignees] }),
    });
    return toIssueRecord(data);
  } catch (error) {
    throw toAgentOsError(error, `Updating issue #${number}`);
  }
}
