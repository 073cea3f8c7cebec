import { AgentOsError } from '../core/errors.js';
import { storeOf } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { rememberPullRequest } from './pull-request-memory.js';
import { toAgentOsError } from './to-agent-os-error.js';

export interface PullRequestRef {
  number: number;
  url: string;
  draft: boolean;
  state: 'open' | 'closed';
}

function toRef(data: { number: number; html_url: string; draft?: boolean; state: string }): PullRequestRef {
  return {
    number: data.number,
    url: data.html_url,
    draft: data.draft === true,
    state: data.state === 'open' ? 'open' : 'closed',
  };
}

/** The pull request from `branch` (open ones first, then the newest closed one), if any. */
export async function findPullRequestFromBranch(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<PullRequestRef | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      head: `${repo.owner}:${branch}`,
      state: 'all',
      per_page: 10,
    });
    const open = data.find((pr) => pr.state === 'open');
    const chosen = open ?? data[0];
    return chosen === undefined ? undefined : toRef(chosen);
  } catch (error) {
    throw toAgentOsError(error, `Looking for the pull request of ${branch}`);
  }
}

/** Replace a pull request's description. */
export async function updatePullRequestBody(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  body: string,
): Promise<void> {
  try {
    await client.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number, body });
  } catch (error) {
    throw toAgentOsError(error, `Updating the description of #${number}`);
  }
}

export interface NewPullRequest {
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
  /** Reuse only an open pull request: a merged or closed one from the same branch gets a new one. */
  openOnly?: boolean;
  /**
   * The caller created `head` a moment ago: no open pull request can have it as its head yet, so none is looked
   * for first (a race that opened one meanwhile is found after GitHub's "already exists").
   */
  headJustCreated?: boolean;
}

export type PullRequestResult = PullRequestRef & { outcome: 'created' | 'found'; draftUnavailable: boolean };

function messageOf(error: unknown): string {
  const http = error as { message?: unknown; response?: { data?: { errors?: Array<{ message?: string }> } } };
  const nested = http.response?.data?.errors?.map((e) => e.message ?? '').join(' ') ?? '';
  return `${typeof http.message === 'string' ? http.message : ''} ${nested}`;
}

/** Where the setting that lets a workflow's token open pull requests is, as GitHub names it. */
export const ACTIONS_PULL_REQUEST_SETTING =
  'Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"';

/**
 * GitHub refused to open a pull request for a workflow's `GITHUB_TOKEN`: the repository (or its organisation)
 * does not allow GitHub Actions to create pull requests. The branch is there; a person, or another token, can
 * open the pull request from it.
 */
export class PullRequestsFromActionsRefused extends AgentOsError {
  constructor(
    readonly head: string,
    readonly base: string,
    cause: unknown,
  ) {
    super(
      'permission',
      `GitHub did not let this workflow's token open the pull request from \`${head}\`: the repository does not allow GitHub Actions to create pull requests. Turn on ${ACTIONS_PULL_REQUEST_SETTING} (an organisation's setting can turn it off for all its repositories), or give the Action a \`github-token\` that may open pull requests.`,
      { cause, status: 403 },
    );
    this.name = 'PullRequestsFromActionsRefused';
  }
}

/**
 * GitHub's answer when that setting is off: a 403 whose message says so. A 403 alone could be a missing
 * permission or a rate limit, and GitHub gives this case no code of its own, so its documented message tells it.
 */
function isActionsRefusal(status: unknown, message: string): boolean {
  return status === 403 && /GitHub Actions is not permitted to create or approve pull requests/i.test(message);
}

/**
 * Find the pull request from `head`, or open it. Where the repository cannot have draft pull requests (private
 * repositories on some plans), a normal one is opened and `draftUnavailable` says so. A pull request opened at
 * the same moment by another delivery is found, not duplicated. Where GitHub does not let a workflow's token open
 * pull requests, `PullRequestsFromActionsRefused` says so.
 */
export async function findOrOpenPullRequest(
  client: GitHubClient,
  repo: RepoRef,
  request: NewPullRequest,
): Promise<PullRequestResult> {
  const existing =
    request.headJustCreated === true ? undefined : await findPullRequestFromBranch(client, repo, request.head);
  if (existing && (existing.state === 'open' || request.openOnly !== true))
    return { ...existing, outcome: 'found', draftUnavailable: false };
  const open = async (draft: boolean) => {
    const { data } = await client.request('POST /repos/{owner}/{repo}/pulls', {
      ...repo,
      head: request.head,
      base: request.base,
      title: request.title,
      body: request.body,
      draft,
    });
    // The new pull request as GitHub shows it now: the newest state, against which its payloads are judged.
    const store = storeOf(client);
    if (store !== undefined)
      await rememberPullRequest(store, repo, data.number, {
        headSha: data.head.sha,
        body: data.body,
        updatedAt: data.updated_at,
      });
    return toRef(data);
  };
  try {
    return { ...(await open(request.draft)), outcome: 'created', draftUnavailable: false };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const message = messageOf(error);
    if (isActionsRefusal(status, message)) throw new PullRequestsFromActionsRefused(request.head, request.base, error);
    if (status === 422 && request.draft && /draft/i.test(message)) {
      try {
        return { ...(await open(false)), outcome: 'created', draftUnavailable: true };
      } catch (second) {
        if (isActionsRefusal((second as { status?: unknown }).status, messageOf(second)))
          throw new PullRequestsFromActionsRefused(request.head, request.base, second);
        throw toAgentOsError(second, `Opening the pull request from ${request.head}`);
      }
    }
    if (status === 422 && /already exists/i.test(message)) {
      const raced = await findPullRequestFromBranch(client, repo, request.head);
      if (raced) return { ...raced, outcome: 'found', draftUnavailable: false };
    }
    throw toAgentOsError(error, `Opening the pull request from ${request.head}`);
  }
}
