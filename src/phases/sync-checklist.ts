import { blobLinker } from '../core/check/blob-linker.js';
import { isChecklist, renderChecklist } from '../core/checklist/render-checklist.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { listIssueComments, upsertMarkedComment, type IssueComment, type WriteOutcome } from '../github/issue-comments.js';
import type { GateOutcome } from './gate-tasks.js';

export interface ChecklistTarget {
  client: GitHubClient;
  repo: RepoRef;
  repoHtmlUrl: string;
  pullRequest: number;
}

/** Whether the gate read a task file with tasks in it: only then does a pull request get a checklist. */
export function hasTasks(outcome: GateOutcome): boolean {
  return outcome.reads.some((r) => r.status === 'read' && r.file.tasks.length > 0);
}

/**
 * Keep the pull request's one checklist comment in step with its task files: created when the first task file
 * appears, edited only when its text would change, newer duplicates from a race deleted. Pull requests without
 * tasks get no comment.
 */
export async function syncChecklist(target: ChecklistTarget, outcome: GateOutcome, comments?: readonly IssueComment[]): Promise<WriteOutcome | 'none'> {
  if (!hasTasks(outcome)) return 'none';
  const body = renderChecklist({
    reads: outcome.reads,
    report: outcome.report,
    link: blobLinker(target.repoHtmlUrl, outcome.headSha),
    scope: outcome.scope,
  });
  const list = comments ?? (await listIssueComments(target.client, target.repo, target.pullRequest));
  const { outcome: written } = await upsertMarkedComment(target.client, target.repo, { number: target.pullRequest, isOurs: isChecklist, body, comments: list });
  return written;
}
