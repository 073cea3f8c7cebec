import { renderSpecPullRequestBody, specPullRequestTitle, type RoadmapLink } from '../core/spec/render-pull-request.js';
import type { SpecLinks } from '../core/spec/render-comments.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import {
  findOrOpenPullRequest,
  PullRequestsFromActionsRefused,
  type PullRequestResult,
} from '../github/pull-requests.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { treeUrl, type LifecycleContext } from './lifecycle-context.js';

/** The spec's pull request, or where to open it when GitHub did not let a workflow's token open it. */
export type SpecPullRequest = PullRequestResult | { outcome: 'refused'; compareUrl: string };

export function linksFor(ctx: LifecycleContext, location: SpecLocation, pr: SpecPullRequest | undefined): SpecLinks {
  return {
    location,
    branchUrl: treeUrl(ctx, location.branch),
    folderUrl: treeUrl(ctx, location.branch, location.folder),
    ...(pr === undefined
      ? {}
      : pr.outcome === 'refused'
        ? { pullRequestRefused: { compareUrl: pr.compareUrl } }
        : { pullRequest: { number: pr.number, url: pr.url, draft: pr.draft }, draftUnavailable: pr.draftUnavailable }),
  };
}

/** GitHub's page for opening a pull request from `head` into `base`, with our title and description filled in. */
function compareUrl(ctx: LifecycleContext, base: string, head: string, title: string, body: string): string {
  const ref = (branch: string) => branch.split('/').map(encodeURIComponent).join('/');
  return `${ctx.repoHtmlUrl}/compare/${ref(base)}...${ref(head)}?${new URLSearchParams({ expand: '1', title, body }).toString()}`;
}

export async function openPullRequest(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  location: SpecLocation,
  roadmapItem?: RoadmapLink,
  headJustCreated = false,
): Promise<SpecPullRequest> {
  const request = {
    headJustCreated,
    head: location.branch,
    base: ctx.defaultBranch,
    title: specPullRequestTitle(issue.title, issue.number),
    body: renderSpecPullRequestBody(issue.number, issue.title, location, roadmapItem),
    draft: ctx.settings.draftPullRequests,
  };
  try {
    return await findOrOpenPullRequest(ctx.client, ctx.repo, request);
  } catch (error) {
    // The Action's token in a repository that does not let GitHub Actions open pull requests: the branch is
    // pushed, so the spec goes on; the reply links to the page that opens the pull request and names the setting.
    if (!(error instanceof PullRequestsFromActionsRefused)) throw error;
    ctx.log.warn({ branch: location.branch }, error.message);
    return { outcome: 'refused', compareUrl: compareUrl(ctx, request.base, request.head, request.title, request.body) };
  }
}
