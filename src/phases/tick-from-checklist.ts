import { applyTicks } from '../core/checklist/apply-ticks.js';
import { findChecklistTicks, type ChecklistTick } from '../core/checklist/find-checklist-ticks.js';
import { checklistFiles } from '../core/checklist/render-checklist.js';
import { permissionAtLeast, type PermissionLevel } from '../core/config/lifecycle-settings.js';
import { AgentOsError } from '../core/errors.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { updateIssueComment } from '../github/issue-comments.js';
import { readPermission } from '../github/read-permission.js';
import { readPullRequest } from '../github/read-pull-request.js';
import { retryOnConflict } from '../github/retry-on-conflict.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import type { PullRequestHead } from './fork-guard.js';

export interface ChecklistEdit {
  pullRequest: number;
  commentId: number;
  before: string;
  after: string;
  sender: string;
}

export type TickOutcome =
  | { status: 'no-ticks' }
  | { status: 'refused'; held: PermissionLevel }
  /** The pull request's branch is a fork's: nothing committed, the checklist put back. */
  | { status: 'fork'; head: PullRequestHead }
  | { status: 'committed'; commitSha: string; changed: string[]; missing: number; body: string | null }
  | { status: 'unchanged'; missing: number; headSha: string; body: string | null };

/** A tick lost to a concurrent change of the task file is retried on a fresh read this many times. */
const WRITE_ATTEMPTS = 3;

function describe(changed: ReadonlyArray<{ label: string; checked: boolean }>): string {
  const ticked = changed.filter((c) => c.checked).map((c) => c.label);
  const unticked = changed.filter((c) => !c.checked).map((c) => c.label);
  return [
    ticked.length > 0 ? `tick ${ticked.join(', ')}` : '',
    unticked.length > 0 ? `untick ${unticked.join(', ')}` : '',
  ]
    .filter((p) => p !== '')
    .join(', ');
}

/** The ticks grouped by the task file they belong to (ticks of an unknown file are dropped). */
function ticksByFile(ticks: readonly ChecklistTick[], files: readonly string[]): Map<string, ChecklistTick[]> {
  const byFile = new Map<string, ChecklistTick[]>();
  for (const tick of ticks) {
    const path = files[tick.fileIndex];
    if (path !== undefined) byFile.set(path, [...(byFile.get(path) ?? []), tick]);
  }
  return byFile;
}

/**
 * A person ticked or unticked boxes in the checklist comment: commit exactly those boxes to the task files on the
 * pull request's branch (one character each), naming the person. Without the permission, the comment is put back
 * as it was, and so it is on a fork's pull request (nothing is written to a fork's branch). A concurrent change of
 * the task file is re-read and retried, never overwritten.
 */
export async function tickFromChecklist(
  client: GitHubClient,
  repo: RepoRef,
  edit: ChecklistEdit,
  options: { permission: PermissionLevel; skipMarkers: readonly string[] },
): Promise<TickOutcome> {
  const ticks = findChecklistTicks(edit.before, edit.after);
  if (ticks.length === 0) return { status: 'no-ticks' };
  const putBack = async () => {
    if (!(await updateIssueComment(client, repo, edit.commentId, edit.before, 'Putting the checklist back'))) {
      throw new AgentOsError(
        'not-found',
        `Putting the checklist back: comment ${edit.commentId} is gone (it was deleted meanwhile)`,
      );
    }
  };
  const held = await readPermission(client, repo, edit.sender);
  if (!permissionAtLeast(held, options.permission)) {
    await putBack();
    return { status: 'refused', held };
  }
  const files = checklistFiles(edit.after) ?? [];
  const pr = await readPullRequest(client, repo, edit.pullRequest);
  // A fork's branch is not this repository's: a branch here of the same name (often `main`) must not get the ticks.
  if (!pr.headInRepository) {
    await putBack();
    return { status: 'fork', head: pr };
  }
  const byFile = ticksByFile(ticks, files);
  let commitSha: string | undefined;
  const changed: string[] = [];
  let missing = 0;
  for (const [path, fileTicks] of byFile) {
    await retryOnConflict(WRITE_ATTEMPTS, async () => {
      const file = await readFileOnBranch(client, repo, path, pr.headRef);
      if (file === undefined) {
        missing += fileTicks.length;
        return;
      }
      const applied = applyTicks(file.text, fileTicks, { path, skipMarkers: options.skipMarkers });
      if (applied.changed.length === 0) {
        missing += applied.missing.length;
        return;
      }
      const what = describe(applied.changed);
      ({ commitSha } = await writeFileOnBranch(client, repo, {
        branch: pr.headRef,
        path,
        content: applied.text,
        sha: file.sha,
        message: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} in ${path.slice(path.lastIndexOf('/') + 1)}\n\n@${edit.sender} ticked it in the checklist of #${edit.pullRequest}.`,
      }));
      changed.push(...applied.changed.map((c) => `${c.checked ? '☑' : '☐'} ${c.label}`));
      missing += applied.missing.length;
    });
  }
  return commitSha === undefined
    ? { status: 'unchanged', missing, headSha: pr.headSha, body: pr.body }
    : { status: 'committed', commitSha, changed, missing, body: pr.body };
}
