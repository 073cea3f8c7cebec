import type { Octokit } from '@octokit/rest';

/**
 * What the adapters need from an Octokit: Probot's `context.octokit` and the Action's `getOctokit(token)` both
 * satisfy it (and both retry and throttle).
 */
export type GitHubClient = Pick<Octokit, 'request' | 'paginate'>;

export interface RepoRef {
  owner: string;
  repo: string;
}
