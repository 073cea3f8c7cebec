// Webhook payloads for the demo: real shapes from @octokit/webhooks-examples, filled from the fake GitHub's state,
// as GitHub would send them for a person's action or for one of the App's own writes.
import type { FakeComment, FakeGitHub, FakeUser } from '../support/fake-github/fake-github.js';
import { examplePayload } from '../support/webhook-examples.js';

export type EventName = 'issues' | 'issue_comment' | 'pull_request' | 'check_suite' | 'check_run';

/** One webhook delivery: the `X-GitHub-Event` name, the payload, and a line saying what it is. */
export interface Delivery {
  event: EventName;
  action: string;
  payload: object;
  /** e.g. `issue_comment.created on #12 by mara`. */
  describe: string;
}

const LABEL = { id: 1, node_id: 'LA_demo', url: '', color: 'ededed', default: false, description: null };

function userOf(user: FakeUser) {
  return { login: user.login, type: user.type };
}

function issueOf(fake: FakeGitHub, number: number) {
  const issue = fake.issues.get(number);
  if (!issue) throw new Error(`no issue #${number} in the fake GitHub`);
  return issue;
}

function labelsOf(names: readonly string[]) {
  return names.map((name, i) => ({ ...LABEL, id: i + 1, name }));
}

/** `issues.labeled` / `issues.unlabeled` for a label already added to (or removed from) the fake's issue. */
export function labelEvent(
  fake: FakeGitHub,
  number: number,
  label: string,
  sender: FakeUser,
  action: 'labeled' | 'unlabeled' = 'labeled',
): Delivery {
  const issue = issueOf(fake, number);
  const payload = examplePayload(`issues.${action}`, (p) => {
    p.issue.number = number;
    p.issue.title = issue.title;
    p.issue.body = issue.body;
    p.issue.html_url = `${fake.html}/issues/${number}`;
    p.issue.created_at = issue.created_at;
    Object.assign(p.issue.user ?? {}, userOf(issue.user));
    p.issue.labels = labelsOf(issue.labels);
    p.label = { ...LABEL, name: label };
    Object.assign(p.sender, userOf(sender));
    p.repository.default_branch = fake.defaultBranch;
  });
  return { event: 'issues', action, payload, describe: `issues.${action} “${label}” on #${number} by ${sender.login}` };
}

/** `issues.opened` for an issue of the fake. */
export function issueOpened(fake: FakeGitHub, number: number): Delivery {
  const issue = issueOf(fake, number);
  const payload = examplePayload('issues.opened', (p) => {
    p.issue.number = number;
    p.issue.title = issue.title;
    p.issue.body = issue.body;
    p.issue.html_url = `${fake.html}/issues/${number}`;
    p.issue.created_at = issue.created_at;
    Object.assign(p.issue.user ?? {}, userOf(issue.user));
    p.issue.labels = labelsOf(issue.labels);
    Object.assign(p.sender, userOf(issue.user));
    p.repository.default_branch = fake.defaultBranch;
  });
  return { event: 'issues', action: 'opened', payload, describe: `issues.opened #${number} by ${issue.user.login}` };
}

/** `issue_comment.created` / `.edited` / `.deleted` for a comment of the fake (an edit names the previous body). */
export function commentEvent(
  fake: FakeGitHub,
  comment: FakeComment,
  sender: FakeUser,
  action: 'created' | 'edited' | 'deleted' = 'created',
  previousBody?: string,
): Delivery {
  const issue = issueOf(fake, comment.issue);
  const payload = examplePayload(
    `issue_comment.${action}`,
    (p) => {
      p.issue.number = issue.number;
      p.issue.title = issue.title;
      p.issue.body = issue.body;
      p.issue.html_url = `${fake.html}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`;
      p.issue.created_at = issue.created_at;
      Object.assign(p.issue.user, userOf(issue.user));
      p.issue.labels = labelsOf(issue.labels);
      (p.issue as { pull_request?: unknown }).pull_request = issue.pull_request
        ? {
            url: `https://api.github.com/repos/${fake.owner}/${fake.repo}/pulls/${issue.number}`,
            html_url: `${fake.html}/pull/${issue.number}`,
          }
        : undefined;
      p.comment.id = comment.id;
      p.comment.body = comment.body;
      p.comment.created_at = comment.created_at;
      p.comment.html_url = `${fake.html}/issues/${issue.number}#issuecomment-${comment.id}`;
      Object.assign(p.comment.user ?? {}, userOf(comment.user));
      Object.assign(p.sender, userOf(sender));
      p.repository.default_branch = fake.defaultBranch;
    },
    action === 'deleted' ? 'created' : action,
  );
  if (action === 'edited') (payload as { changes?: object }).changes = { body: { from: previousBody ?? '' } };
  const where = issue.pull_request ? `PR #${issue.number}` : `#${issue.number}`;
  return {
    event: 'issue_comment',
    action,
    payload,
    describe: `issue_comment.${action} on ${where} by ${sender.login}`,
  };
}

/** A `pull_request` event for a pull request of the fake, at its branch's current head. */
export function pullRequestEvent(
  fake: FakeGitHub,
  number: number,
  sender: FakeUser,
  action: 'opened' | 'synchronize' | 'edited',
  extra: { before?: string; head?: string; previousBody?: string } = {},
): Delivery {
  const issue = issueOf(fake, number);
  const pr = issue.pull_request;
  if (!pr) throw new Error(`#${number} is not a pull request`);
  const head = extra.head ?? fake.git.resolve(pr.head)?.sha ?? '';
  const base = fake.git.resolve(pr.base)?.sha ?? '';
  const payload = examplePayload(
    `pull_request.${action === 'edited' ? 'opened' : action}`,
    (p) => {
      p.number = number;
      p.pull_request.number = number;
      p.pull_request.title = issue.title;
      p.pull_request.body = issue.body;
      p.pull_request.draft = pr.draft;
      p.pull_request.html_url = `${fake.html}/pull/${number}`;
      Object.assign(p.pull_request.user ?? {}, userOf(issue.user));
      p.pull_request.head.ref = pr.head;
      p.pull_request.head.sha = head;
      p.pull_request.base.ref = pr.base;
      p.pull_request.base.sha = base;
      Object.assign(p.sender, userOf(sender));
      p.repository.default_branch = fake.defaultBranch;
    },
    action === 'edited' ? 'opened' : action,
  );
  const shaped = payload as { action: string; before?: string; after?: string; changes?: object };
  shaped.action = action;
  if (action === 'synchronize') {
    shaped.before = extra.before ?? '';
    shaped.after = head;
  }
  if (action === 'edited') shaped.changes = { body: { from: extra.previousBody ?? '' } };
  const what = action === 'synchronize' ? ` (head ${head.slice(0, 7)})` : '';
  return { event: 'pull_request', action, payload, describe: `pull_request.${action} #${number}${what}` };
}

/** `check_suite.requested`: GitHub asks the App for checks on every push, naming the open pull requests of that head. */
export function checkSuiteRequested(
  fake: FakeGitHub,
  branch: string,
  before: string,
  after?: string,
  numbers?: readonly number[],
): Delivery {
  const head = after ?? fake.git.resolve(branch)?.sha ?? '';
  const repoRef = { id: 1, name: fake.repo, url: `https://api.github.com/repos/${fake.owner}/${fake.repo}` };
  const pulls = [...fake.issues.values()]
    .filter((i) =>
      numbers === undefined ? i.pull_request?.head === branch && i.state === 'open' : numbers.includes(i.number),
    )
    .map((i) => ({
      id: i.number,
      number: i.number,
      url: `https://api.github.com/repos/${fake.owner}/${fake.repo}/pulls/${i.number}`,
      head: { ref: branch, sha: head, repo: repoRef },
      base: {
        ref: i.pull_request?.base ?? fake.defaultBranch,
        sha: fake.git.resolve(i.pull_request?.base ?? '')?.sha ?? '',
        repo: repoRef,
      },
    }));
  const payload = examplePayload('check_suite.requested', (p) => {
    p.check_suite.head_branch = branch;
    p.check_suite.head_sha = head;
    p.check_suite.before = before;
    p.check_suite.after = head;
    (p.check_suite as { pull_requests: unknown[] }).pull_requests = pulls;
    p.repository.default_branch = fake.defaultBranch;
  });
  const names = pulls.length === 0 ? 'no open PR' : pulls.map((p) => `PR #${p.number}`).join(', ');
  return {
    event: 'check_suite',
    action: 'requested',
    payload,
    describe: `check_suite.requested for ${head.slice(0, 7)} (${names})`,
  };
}

/** `check_run.created`: sent to the App that created the run. */
export function checkRunCreated(
  fake: FakeGitHub,
  run: { id: number; name: string; head_sha: string; status: string; conclusion: string | null },
): Delivery {
  const payload = examplePayload('check_run.created', (p) => {
    p.check_run.id = run.id;
    p.check_run.name = run.name;
    p.check_run.head_sha = run.head_sha;
    (p.check_run as { status: string }).status = run.status;
    (p.check_run as { conclusion: string | null }).conclusion = run.conclusion;
    p.check_run.pull_requests = [];
    p.repository.default_branch = fake.defaultBranch;
  });
  return { event: 'check_run', action: 'created', payload, describe: `check_run.created “${run.name}”` };
}

/** `pull_request.closed` for a pull request the fake has just merged (`fake.mergePull`). */
export function pullRequestMerged(fake: FakeGitHub, number: number, sender: FakeUser): Delivery {
  const issue = issueOf(fake, number);
  const pr = issue.pull_request;
  if (!pr) throw new Error(`#${number} is not a pull request`);
  const payload = examplePayload('pull_request.closed', (p) => {
    p.number = number;
    p.pull_request.number = number;
    p.pull_request.title = issue.title;
    p.pull_request.body = issue.body;
    p.pull_request.html_url = `${fake.html}/pull/${number}`;
    p.pull_request.head.ref = pr.head;
    p.pull_request.base.ref = pr.base;
    (p.pull_request as { merged: boolean }).merged = true;
    Object.assign(p.sender, userOf(sender));
    p.repository.default_branch = fake.defaultBranch;
  });
  return {
    event: 'pull_request',
    action: 'closed',
    payload,
    describe: `pull_request.closed #${number} (merged by ${sender.login})`,
  };
}
