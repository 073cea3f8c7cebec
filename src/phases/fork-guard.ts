import { AgentOsError } from '../core/errors.js';

/** A pull request's head as the API reads it. */
export interface PullRequestHead {
  headRef: string;
  headInRepository: boolean;
  /** `owner/name` of the head's repository, `null` when the fork was deleted. */
  headRepository: string | null;
}

/**
 * What the App says when something would write to a fork's branch: it writes nothing there (its token may not, and
 * a branch of the same name in this repository is not the pull request's), and the author keeps `tasks.md` in step
 * in their own branch. The check still runs on the fork's commits, read-only.
 */
export function renderForkNotice(head: PullRequestHead, refused: string, checkName: string): string {
  const where = head.headRepository === null ? 'a fork that no longer exists' : `the fork \`${head.headRepository}\``;
  return [
    `This pull request's branch \`${head.headRef}\` is in ${where}, not in this repository, so the App writes nothing to it: ${refused}`,
    '',
    `The pull request's author updates \`tasks.md\` in their branch: tick the finished tasks there (\`- [x]\`) and push. The checklist and the \`${checkName}\` check follow each push.`,
  ].join('\n');
}

/** Refuse a command that writes to the pull request's branch when that branch is a fork's (a user-input error). */
export function refuseForkWrite(head: PullRequestHead, command: string, checkName: string): void {
  if (head.headInRepository) return;
  throw new AgentOsError('user-input', renderForkNotice(head, `\`/${command}\` was not run.`, checkName));
}
