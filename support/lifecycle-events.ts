import type { Probot } from 'probot';
import type { FakeGitHub, FakeUser } from './fake-github/fake-github.js';
import { deliver } from './test-probot.js';
import { examplePayload } from './webhook-examples.js';

/** Real webhook payload shapes for the lifecycle events, filled from the fake GitHub's state. */
export function labeledPayload(fake: FakeGitHub, number: number, label: string) {
  const issue = fake.issues.get(number);
  if (!issue) throw new Error(`no issue ${number}`);
  return examplePayload('issues.labeled', (p) => {
    p.issue.number = number;
    p.issue.title = issue.title;
    p.issue.body = issue.body;
    p.issue.labels = issue.labels.map((name) => ({
      ...(p.issue.labels?.[0] ?? { id: 1, node_id: 'x', url: '', color: 'fff', default: false, description: null }),
      name,
    }));
    p.label = {
      ...(p.label ?? { id: 1, node_id: 'x', url: '', color: 'fff', default: false, description: null }),
      name: label,
    };
    p.repository.default_branch = fake.defaultBranch;
  });
}

export function commentPayload(
  fake: FakeGitHub,
  number: number,
  comment: { id: number; body: string; user: FakeUser },
  action: 'created' | 'edited' = 'created',
) {
  const issue = fake.issues.get(number);
  if (!issue) throw new Error(`no issue ${number}`);
  return examplePayload(
    `issue_comment.${action}`,
    (p) => {
      p.issue.number = number;
      p.issue.title = issue.title;
      p.issue.labels = issue.labels.map((name) => ({
        id: 1,
        node_id: 'x',
        url: '',
        name,
        color: 'fff',
        default: false,
        description: null,
      }));
      (p.issue as { pull_request?: unknown }).pull_request = issue.pull_request
        ? { url: `https://api.github.com/repos/acme/app/pulls/${number}` }
        : undefined;
      p.comment.id = comment.id;
      p.comment.body = comment.body;
      if (p.comment.user) Object.assign(p.comment.user, { login: comment.user.login, type: comment.user.type });
      Object.assign(p.sender, { login: comment.user.login, type: comment.user.type });
      p.repository.default_branch = fake.defaultBranch;
    },
    action,
  );
}

/** A person writes a comment (it lands in the fake) and GitHub delivers the event. */
export async function say(
  probot: Probot,
  fake: FakeGitHub,
  number: number,
  body: string,
  user: FakeUser,
  id = `c-${fake.comments.length}`,
) {
  const comment = fake.addComment(number, body, user);
  await deliver(probot, 'issue_comment', commentPayload(fake, number, comment), id);
  return comment;
}

/** A person edits a comment and GitHub delivers the `edited` event. */
export async function edit(probot: Probot, fake: FakeGitHub, commentId: number, body: string, id = `e-${commentId}`) {
  const comment = fake.comments.find((c) => c.id === commentId);
  if (!comment) throw new Error(`no comment ${commentId}`);
  comment.body = body;
  await deliver(probot, 'issue_comment', commentPayload(fake, comment.issue, comment, 'edited'), id);
}

/** A person adds a label and GitHub delivers `issues.labeled` (with the same id on a redelivery). */
export async function label(probot: Probot, fake: FakeGitHub, number: number, name: string, id: string) {
  const issue = fake.issues.get(number);
  if (issue && !issue.labels.includes(name)) issue.labels.push(name);
  await deliver(probot, 'issues', labeledPayload(fake, number, name), id);
}

/** A `pull_request` event for a pull request of the fake, at its branch's current head. */
export function pullRequestPayload(
  fake: FakeGitHub,
  number: number,
  action: 'opened' | 'synchronize' | 'edited' = 'synchronize',
) {
  const pr = fake.issues.get(number);
  if (!pr?.pull_request) throw new Error(`no pull request ${number}`);
  const head = fake.git.resolve(pr.pull_request.head)?.sha ?? '';
  return examplePayload(
    'pull_request.opened',
    (p) => {
      (p as { action: string }).action = action;
      p.number = number;
      p.pull_request.number = number;
      p.pull_request.head.sha = head;
      p.pull_request.head.ref = pr.pull_request?.head ?? '';
      p.pull_request.body = pr.body;
      p.pull_request.updated_at = fake.pullUpdatedAt(number);
      p.repository.default_branch = fake.defaultBranch;
      if (action === 'edited') (p as unknown as { changes: object }).changes = { body: { from: '' } };
    },
    'opened',
  );
}

/** Someone pushes to a pull request's branch and GitHub delivers `pull_request.synchronize`. */
export async function push(
  probot: Probot,
  fake: FakeGitHub,
  number: number,
  change: (files: Map<string, string>) => void,
  id: string,
) {
  const pr = fake.issues.get(number)?.pull_request;
  if (!pr) throw new Error(`no pull request ${number}`);
  fake.git.commitOnBranch(pr.head, change, 'A push by a person');
  await deliver(probot, 'pull_request', pullRequestPayload(fake, number), id);
}

/** A person edits someone's comment (ticks a box in our checklist, say); GitHub delivers `issue_comment.edited`. */
export async function editAs(
  probot: Probot,
  fake: FakeGitHub,
  commentId: number,
  body: string,
  sender: FakeUser,
  id: string,
) {
  const comment = fake.comments.find((c) => c.id === commentId);
  if (!comment) throw new Error(`no comment ${commentId}`);
  const before = comment.body;
  comment.body = body;
  const payload = commentPayload(fake, comment.issue, comment, 'edited');
  (payload as unknown as { changes: object }).changes = { body: { from: before } };
  Object.assign(payload.sender, { login: sender.login, type: sender.type });
  await deliver(probot, 'issue_comment', payload, id);
}

/**
 * The `issues` payload GitHub sends when a person closes (as completed or not planned) or reopens an issue; the
 * fake's issue takes the new state first.
 */
export function issueStatePayload(
  fake: FakeGitHub,
  number: number,
  change: { action: 'closed' | 'reopened'; reason?: 'completed' | 'not_planned'; sender: FakeUser },
) {
  const issue = fake.issues.get(number);
  if (!issue) throw new Error(`no issue ${number}`);
  issue.state = change.action === 'closed' ? 'closed' : 'open';
  issue.state_reason = change.action === 'closed' ? (change.reason ?? 'completed') : 'reopened';
  return examplePayload(
    'issues.closed',
    (p) => {
      (p as { action: string }).action = change.action;
      p.issue.number = number;
      p.issue.title = issue.title;
      p.issue.body = issue.body;
      (p.issue as { state_reason?: string | null | undefined }).state_reason = issue.state_reason;
      (p.issue as { state: string }).state = issue.state;
      Object.assign(p.sender, { login: change.sender.login, type: change.sender.type });
      p.repository.default_branch = fake.defaultBranch;
    },
    'reopened',
  );
}

/** A person closes (as completed or not planned) or reopens an issue; GitHub delivers `issues.closed` / `issues.reopened`. */
export async function closeIssue(
  probot: Probot,
  fake: FakeGitHub,
  number: number,
  change: { action: 'closed' | 'reopened'; reason?: 'completed' | 'not_planned'; sender: FakeUser },
  id: string,
) {
  await deliver(probot, 'issues', issueStatePayload(fake, number, change), id);
}

/** A person merges a pull request (the fake's base branch gets it); GitHub delivers `pull_request.closed`. */
export async function mergePullRequest(probot: Probot, fake: FakeGitHub, number: number, id: string) {
  const issue = fake.mergePull(number);
  const payload = examplePayload('pull_request.closed', (p) => {
    p.number = number;
    p.pull_request.number = number;
    p.pull_request.head.ref = issue.pull_request?.head ?? '';
    p.pull_request.base.ref = issue.pull_request?.base ?? '';
    (p.pull_request as { merged: boolean }).merged = true;
    p.pull_request.body = issue.body;
    p.repository.default_branch = fake.defaultBranch;
  });
  await deliver(probot, 'pull_request', payload, id);
}
