import { blobLinker } from '../core/check/blob-linker.js';
import { isChecklist, renderChecklist } from '../core/checklist/render-checklist.js';
import { storeOf } from '../github/conditional-requests.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import {
  listIssueComments,
  updateIssueComment,
  upsertMarkedComment,
  type IssueComment,
  type WriteOutcome,
} from '../github/issue-comments.js';
import {
  forgetChecklist,
  isRememberedText,
  recallChecklist,
  rememberChecklist,
} from '../github/pull-request-memory.js';
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
 * tasks get no comment. An App with a store remembers the comment it last wrote (id and text): the same text again
 * is no request, a new one is one edit; the comments are listed when nothing is remembered (the comment was just
 * created, a person edited it since, or it is gone).
 */
export async function syncChecklist(
  target: ChecklistTarget,
  outcome: GateOutcome,
  comments?: readonly IssueComment[],
): Promise<WriteOutcome | 'none'> {
  if (!hasTasks(outcome)) return 'none';
  const body = renderChecklist({
    reads: outcome.reads,
    report: outcome.report,
    link: blobLinker(target.repoHtmlUrl, outcome.headSha),
    scope: outcome.scope,
  });
  const store = storeOf(target.client);
  const seen =
    store === undefined || comments !== undefined
      ? undefined
      : await recallChecklist(store, target.repo, target.pullRequest);
  if (store !== undefined && seen !== undefined) {
    if (isRememberedText(seen, body)) return 'unchanged';
    if (await updateIssueComment(target.client, target.repo, seen.id, body)) {
      await rememberChecklist(store, target.repo, target.pullRequest, seen.id, body);
      return 'updated';
    }
    await forgetChecklist(store, target.repo, target.pullRequest);
  }
  const list = comments ?? (await listIssueComments(target.client, target.repo, target.pullRequest));
  const { outcome: written, comment } = await upsertMarkedComment(target.client, target.repo, {
    number: target.pullRequest,
    isOurs: isChecklist,
    body,
    comments: list,
  });
  // A comment just created is not remembered: another replica may have created one at the same moment, and the next
  // sync lists the comments to keep only the oldest.
  if (store !== undefined && written !== 'created')
    await rememberChecklist(store, target.repo, target.pullRequest, comment.id, comment.body);
  return written;
}
