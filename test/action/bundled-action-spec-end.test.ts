import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSubIssueMarker } from '../../src/core/orchestration/sub-issue.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { FakeGitHub, type FakeIssue, type FakeUser } from '../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../support/fake-github/http-binding.js';
import { commentPayload, labeledPayload, pullRequestPayload } from '../support/lifecycle-events.js';
import { runNode } from '../support/run-node.js';
import { examplePayload } from '../support/webhook-examples.js';
// Fail any test whose fake GitHub received a request GitHub would not accept.
import '../support/openapi/no-invalid-requests.js';

/**
 * The end of the lifecycle through the bundled Action (`node dist/index.js`), against the fake GitHub over HTTP:
 * `/orchestrate-tasks`, a sub-issue closed, the verification report on a green gate, and the merge. Each
 * expectation is the one test/app/orchestrate-and-finish.test.ts holds the App to on the same events.
 */

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const VISITOR: FakeUser = { login: 'visitor', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const TASKS = `${FOLDER}/tasks.md`;
const VERIFICATION = `${FOLDER}/verifications/final-verification.md`;
const ROADMAP_PATH = 'agent-os/product/roadmap.md';
const BODY = [
  '## Requirements',
  '- Owners can invite people by email; the invite email holds a single-use link',
  '- Store each invite in an `invites` table with its token and expiry date',
  '- The Members page shows pending invites with a button to revoke each',
].join('\n');
const ROADMAP = [
  '# Product Roadmap',
  '',
  '1. [ ] Sign up with email — people create an account `S`',
  '2. [ ] Team invites by email — owners invite teammates with a link `M`',
  '3. [ ] Billing — pay per seat `L`',
  '',
].join('\n');
/** Each test drives several workflow runs, each a fresh `node` process. */
const TIMEOUT = 90_000;

let fake: FakeGitHub;
let server: FakeGitHubServer;
let workdir: string;
let pr: number;

/** Run `node dist/index.js` as a runner does for one workflow run, and read back its outputs. */
async function runAction(eventName: string, payload: object, runId: string) {
  const eventPath = join(workdir, 'event.json');
  const outputPath = join(workdir, `output-${runId}`);
  await writeFile(eventPath, JSON.stringify(payload));
  await writeFile(outputPath, '');
  const result = await runNode(['dist/index.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: runId,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: join(workdir, 'summary.md'),
      'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
    },
  });
  const outputs: Record<string, string> = {};
  for (const m of (await readFile(outputPath, 'utf8')).matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1] ?? ''] = m[3] ?? '';
  return { ...result, outputs };
}

/** A person comments on an issue or pull request; the workflow runs on `issue_comment`. */
async function comment(number: number, body: string, user: FakeUser, runId: string) {
  const added = fake.addComment(number, body, user);
  return { comment: added, run: await runAction('issue_comment', commentPayload(fake, number, added), runId) };
}

/** The `issues` payload GitHub sends when a person closes (as completed or not planned) or reopens an issue. */
function issueStatePayload(number: number, change: { action: 'closed' | 'reopened'; reason?: 'completed' | 'not_planned'; sender: FakeUser }) {
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
      (p.issue as { state_reason?: string | null }).state_reason = issue.state_reason;
      (p.issue as { state: string }).state = issue.state;
      Object.assign(p.sender, { login: change.sender.login, type: change.sender.type });
      p.repository.default_branch = fake.defaultBranch;
    },
    'reopened',
  );
}

/** The `pull_request` payload GitHub sends when a pull request closes (merged or not); the fake's state is left as it is. */
function closedPullRequestPayload(number: number) {
  const issue = fake.issues.get(number);
  if (!issue?.pull_request) throw new Error(`no pull request ${number}`);
  return examplePayload('pull_request.closed', (p) => {
    p.number = number;
    p.pull_request.number = number;
    p.pull_request.html_url = `${fake.html}/pull/${number}`;
    p.pull_request.head.ref = issue.pull_request?.head ?? '';
    p.pull_request.head.sha = fake.git.resolve(issue.pull_request?.head ?? '')?.sha ?? '';
    p.pull_request.base.ref = issue.pull_request?.base ?? '';
    (p.pull_request as { merged: boolean }).merged = issue.pull_request?.merged === true;
    p.pull_request.body = issue.body;
    p.repository.default_branch = fake.defaultBranch;
  });
}

/** Someone pushes to the spec branch; the workflow runs on `pull_request` synchronize. */
async function push(change: (files: Map<string, string>) => void, runId: string) {
  fake.git.commitOnBranch(BRANCH, change, 'A push by a person');
  return runAction('pull_request', pullRequestPayload(fake, pr), runId);
}

const files = () => fake.git.filesAt(BRANCH) ?? new Map<string, string>();
const tasksMd = () => files().get(TASKS) ?? '';
const commits = () => fake.git.history(BRANCH).filter((c) => c.parents.length > 0);
const subIssues = (): FakeIssue[] => [...fake.issues.values()].filter((i) => i.parent === 12).sort((a, b) => a.number - b.number);
const repliesOn = (n: number) => fake.comments.filter((c) => c.issue === n && c.user.type === 'Bot');
const lastReply = (n: number) => repliesOn(n).pop()?.body ?? '';
const contentWrites = () => fake.writes().filter((r) => r.path.includes('/contents/') || r.path.includes('/git/'));

/** Tick every box of a task file (a person finishing the work). */
const tickAll = (text: string) => {
  let out = text;
  for (const t of [...parseTaskFile(text).tasks].reverse()) out = `${out.slice(0, t.markerOffset)}x${out.slice(t.markerOffset + 1)}`;
  return out;
};

beforeEach(async () => {
  fake = new FakeGitHub();
  fake.git.commitOnBranch('main', (f) => f.set(ROADMAP_PATH, ROADMAP), 'Roadmap');
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('mara', 'write');
  fake.permissions.set('lee', 'write');
  fake.permissions.set('visitor', 'read');
  server = await serveFakeGitHub(fake);
  workdir = await mkdtemp(join(tmpdir(), 'agent-os-action-end-'));

  // Shape, write the spec and its tasks through the Action, as a repository using only the Action would.
  fake.issues.get(12)?.labels.push('shape-spec');
  expect((await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '1')).outputs).toEqual({ phase: 'shape-spec', status: 'shaped' });
  expect((await comment(12, '/write-spec', LEE, '2')).run.outputs).toEqual({ phase: 'write-spec', status: 'written' });
  pr = [...fake.issues.values()].find((i) => i.pull_request?.head === BRANCH)?.number ?? 0;
  expect(pr).toBeGreaterThan(0);
  expect((await comment(pr, '/create-tasks', LEE, '3')).run.outputs).toEqual({ phase: 'create-tasks', status: 'written' });
  expect(tasksMd()).not.toBe('');
  fake.requests.splice(0);
}, TIMEOUT);

afterEach(async () => {
  await server.close();
  await rm(workdir, { recursive: true, force: true });
});

/** `/orchestrate-tasks` on the spec pull request, through the Action. */
async function orchestrate(runId: string) {
  const { run } = await comment(pr, '/orchestrate-tasks', LEE, runId);
  expect(run.code).toBe(0);
  expect(run.outputs).toEqual({ phase: 'orchestrate-tasks', status: 'orchestrated' });
  fake.requests.splice(0);
  return run;
}

describe('the bundled Action: /orchestrate-tasks on issue_comment', () => {
  it(
    'writes orchestration.yml and the prompts in one commit and opens one sub-issue per task group under the spec issue',
    async () => {
      const before = commits().length;
      const { comment: command, run } = await comment(pr, '/orchestrate-tasks', LEE, '10');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'orchestrate-tasks', status: 'orchestrated' });

      expect(commits()).toHaveLength(before + 1);
      expect(commits()[0]?.message).toMatch(/^Orchestrate tasks for #12: Team invites by email\n\norchestration\.yml and 4 implementation prompts from /);
      expect(files().get(`${FOLDER}/orchestration.yml`)).toContain('name: Data Models and Persistence');
      expect([...files().keys()].filter((p) => p.startsWith(`${FOLDER}/implementation/prompts/`)).sort()).toEqual([
        `${FOLDER}/implementation/prompts/1-data-models-and-persistence.md`,
        `${FOLDER}/implementation/prompts/2-api-and-core-logic.md`,
        `${FOLDER}/implementation/prompts/3-user-interface.md`,
        `${FOLDER}/implementation/prompts/4-test-review-and-gap-analysis.md`,
      ]);

      const children = subIssues();
      expect(children.map((c) => c.title)).toEqual([
        'Task Group 1: Data Models and Persistence — Team invites by email',
        'Task Group 2: API and Core Logic — Team invites by email',
        'Task Group 3: User Interface — Team invites by email',
        'Task Group 4: Test Review and Gap Analysis — Team invites by email',
      ]);
      expect(children.map((c) => readSubIssueMarker(c.body))).toEqual(['1', '2', '3', '4'].map((group) => ({ specFolder: FOLDER, group })));
      expect(children.every((c) => c.state === 'open' && c.labels.some((l) => l.startsWith('task-group: ')))).toBe(true);
      const attached = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/12/sub_issues')).map((r) => (r.body as { sub_issue_id: number }).sub_issue_id);
      expect(attached).toEqual(children.map((c) => c.number * 10));

      const reply = lastReply(pr);
      expect(reply.split('\n', 1)[0]).toContain('event=run-10');
      expect(reply).toContain('One sub-issue per task group (4 new)');
      for (const c of children) expect(reply).toContain(`#${c.number} (created)`);
      expect(fake.reactions.filter((r) => r.comment === command.id).map((r) => r.content)).toEqual(['eyes', 'rocket']);
      expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

      // The same command again (a new run) changes nothing but its own reply.
      const issues = fake.issues.size;
      fake.requests.splice(0);
      expect((await comment(pr, '/orchestrate-tasks', LEE, '11')).run.outputs).toEqual({ phase: 'orchestrate-tasks', status: 'unchanged' });
      expect(contentWrites()).toEqual([]);
      expect(fake.writes().filter((r) => r.path.endsWith('/sub_issues') || /\/issues(\/\d+)?$/.test(r.path))).toEqual([]);
      expect(fake.issues.size).toBe(issues);
      expect(lastReply(pr)).toContain('already up to date');
    },
    TIMEOUT,
  );
});

describe('the bundled Action: a sub-issue closed or reopened (issues event)', () => {
  beforeEach(async () => {
    await orchestrate('20');
  }, TIMEOUT);

  it(
    'closed as completed by someone with write permission: ticks exactly that group in tasks.md on the spec branch, in one commit',
    async () => {
      const before = tasksMd();
      const commitsBefore = commits().length;
      const child = subIssues()[0];
      if (!child) throw new Error('no sub-issue');
      const payload = issueStatePayload(child.number, { action: 'closed', reason: 'completed', sender: LEE });
      const run = await runAction('issues', payload, '21');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'sub-issue', status: 'ticked' });

      const after = tasksMd();
      const parsedBefore = parseTaskFile(before);
      const group1 = new Set(parsedBefore.groups.find((g) => g.number === '1')?.tasks ?? []);
      const group1Offsets = parsedBefore.tasks.filter((t) => group1.has(t.index)).map((t) => t.markerOffset);
      expect(group1Offsets.length).toBeGreaterThan(0);
      expect(after.length).toBe(before.length);
      expect(Array.from({ length: after.length }, (_, i) => i).filter((i) => after[i] !== before[i])).toEqual(group1Offsets);
      expect(commits()).toHaveLength(commitsBefore + 1);
      expect(commits()[0]?.message).toMatch(new RegExp(`^Tick Task Group 1 \\(#${child.number} closed by @lee\\)`));
      expect(lastReply(child.number)).toContain(`Ticked ${group1Offsets.length} tasks of Task Group 1`);
      expect(lastReply(child.number).split('\n', 1)[0]).toContain('event=run-21');
      // Nothing but tasks.md on the spec branch changed (main, other sub-issues, the spec issue are untouched).
      expect(contentWrites().filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/repos/acme/app/contents/${TASKS}`]);
      expect(subIssues().filter((c) => c.number !== child.number).every((c) => c.state === 'open')).toBe(true);
      expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

      // A re-run of the same workflow run changes nothing.
      fake.requests.splice(0);
      const rerun = await runAction('issues', payload, '21');
      expect(rerun.code).toBe(0);
      expect(rerun.outputs).toEqual({ phase: 'sub-issue', status: 'already-handled' });
      expect(fake.writes()).toEqual([]);
      expect(tasksMd()).toBe(after);
    },
    TIMEOUT,
  );

  it(
    'closed by a read-only user: ticks nothing, and says why',
    async () => {
      const child = subIssues()[1];
      if (!child) throw new Error('no sub-issue');
      const before = tasksMd();
      const run = await runAction('issues', issueStatePayload(child.number, { action: 'closed', reason: 'completed', sender: VISITOR }), '22');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'sub-issue', status: 'refused' });
      expect(tasksMd()).toBe(before);
      expect(lastReply(child.number)).toContain('@visitor closing this ticks Task Group 2 only for people with write permission, and you have read');
    },
    TIMEOUT,
  );

  it(
    'closed as not planned, then reopened: no task changes, and each is said on the sub-issue',
    async () => {
      const child = subIssues()[2];
      if (!child) throw new Error('no sub-issue');
      const before = tasksMd();
      const closed = await runAction('issues', issueStatePayload(child.number, { action: 'closed', reason: 'not_planned', sender: LEE }), '23');
      expect(closed.outputs).toEqual({ phase: 'sub-issue', status: 'noted' });
      expect(lastReply(child.number)).toContain('Closed as not planned: the tasks of Task Group 3 were left as they are.');
      const reopened = await runAction('issues', issueStatePayload(child.number, { action: 'reopened', sender: LEE }), '24');
      expect(reopened.outputs).toEqual({ phase: 'sub-issue', status: 'noted' });
      expect(lastReply(child.number)).toContain('Reopened: the tasks of Task Group 3 stay ticked');
      expect(tasksMd()).toBe(before);
    },
    TIMEOUT,
  );

  it(
    'ignores an issue that is not one of our sub-issues, with no request',
    async () => {
      fake.addIssue({ number: 99, title: 'Unrelated', body: 'Nothing here', user: MARA });
      const run = await runAction('issues', issueStatePayload(99, { action: 'closed', reason: 'completed', sender: LEE }), '25');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'none', status: 'ignored' });
      expect(fake.requests).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('the bundled Action: verification on pull_request synchronize', () => {
  it(
    'once every task is ticked the gate is green: writes verifications/final-verification.md on the spec branch, closes the sub-issues, and only once',
    async () => {
      await orchestrate('30');
      const run = await push((f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), '31');
      expect(run.code).toBe(0);
      expect(run.outputs.conclusion).toBe('success');

      const report = files().get(VERIFICATION) ?? '';
      expect(report).toMatch(/^# Verification Report: Team invites by email\n/);
      expect(report).toContain('## 1. Tasks Verification\n\n**Status:** ✅ All complete');
      expect(report).toContain('## 3. Roadmap Updates\n\n**Status:** ✅ Will be ticked when this pull request merges\n\n- [ ] 2. Team invites by email');
      expect(report).toContain('## 4. Test Suite Results');
      expect(commits()[0]?.message).toMatch(/^Verify #12: every required task is complete/);
      expect(fake.git.filesAt('main')?.has(VERIFICATION)).toBe(false);
      // orchestration.yml is on the branch: the sub-issues of the complete groups are closed as completed.
      expect(subIssues().map((c) => [c.state, c.state_reason])).toEqual(Array.from({ length: 4 }, () => ['closed', 'completed']));

      // Another push with the tasks as they are: the report is not written again.
      const count = commits().length;
      fake.requests.splice(0);
      const again = await push((f) => f.set('README.md', '# app\n\nMore.\n'), '32');
      expect(again.code).toBe(0);
      expect(commits()).toHaveLength(count + 1);
      expect(fake.writes().filter((r) => r.path.includes('/contents/'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'with a task left, the gate fails and no report is written',
    async () => {
      const run = await push((f) => f.set('README.md', '# app\n\nMore.\n'), '33');
      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).toBe('failure');
      expect(files().has(VERIFICATION)).toBe(false);
    },
    TIMEOUT,
  );
});

describe('the bundled Action: the spec pull request merged (pull_request closed)', () => {
  it(
    'ticks the roadmap item through a pull request, closes the issue as completed with a summary, labels it done; a second run writes nothing',
    async () => {
      await orchestrate('40');
      expect((await push((f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), '41')).code).toBe(0);
      fake.mergePull(pr);
      fake.requests.splice(0);

      const payload = closedPullRequestPayload(pr);
      const run = await runAction('pull_request', payload, '42');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'finish-spec', status: 'finished' });

      const roadmapPr = [...fake.issues.values()].find((i) => i.pull_request?.head === 'agent-os/roadmap-12');
      expect(roadmapPr?.title).toBe('Roadmap: Team invites by email is done');
      expect(roadmapPr?.pull_request?.base).toBe('main');
      expect(roadmapPr?.state).toBe('open');
      expect(fake.git.filesAt('agent-os/roadmap-12')?.get(ROADMAP_PATH)).toBe(ROADMAP.replace('2. [ ] Team', '2. [x] Team'));
      expect(fake.git.filesAt('main')?.get(ROADMAP_PATH)).toBe(ROADMAP);

      const issue = fake.issues.get(12);
      expect(issue?.state).toBe('closed');
      expect(issue?.state_reason).toBe('completed');
      expect(issue?.labels).toContain('agent-os: done');
      expect(issue?.labels).not.toContain('agent-os: spec written');
      expect(lastReply(12)).toContain(`The spec pull request #${pr} merged`);
      expect(lastReply(12)).toContain(`is ticked in #${roadmapPr?.number ?? 0}`);
      expect(lastReply(12)).toContain('Closing this issue as completed.');
      // No gate on a closed pull request: no check run and no checklist edit.
      expect(fake.requests.some((r) => r.path.endsWith(`/pulls/${pr}/files`))).toBe(false);
      expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

      // The same event again (a re-run, or a second workflow on it): everything is found, nothing is written.
      const issues = fake.issues.size;
      const comments = fake.comments.length;
      fake.requests.splice(0);
      for (const runId of ['42', '43']) {
        const again = await runAction('pull_request', payload, runId);
        expect(again.code).toBe(0);
        expect(again.outputs).toEqual({ phase: 'finish-spec', status: 'finished' });
      }
      expect(fake.writes()).toEqual([]);
      expect(fake.issues.size).toBe(issues);
      expect(fake.comments.length).toBe(comments);
    },
    TIMEOUT,
  );

  it(
    'a spec pull request closed without merging: nothing happens',
    async () => {
      const spec = fake.issues.get(pr);
      if (spec) spec.state = 'closed';
      const run = await runAction('pull_request', closedPullRequestPayload(pr), '44');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'none', status: 'ignored' });
      expect(fake.writes()).toEqual([]);
      expect(fake.issues.get(12)?.state).toBe('open');
    },
    TIMEOUT,
  );

  it(
    'a merged pull request that is not a spec: nothing is written',
    async () => {
      fake.git.refs.set('heads/feature', fake.git.resolve('main')?.sha ?? '');
      fake.git.commitOnBranch('feature', (f) => f.set('x.txt', 'x'), 'x');
      const other = fake.addIssue({ title: 'A feature', body: '', user: MARA, pull_request: { head: 'feature', base: 'main', draft: false } });
      fake.mergePull(other.number);
      const run = await runAction('pull_request', closedPullRequestPayload(other.number), '45');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'none', status: 'ignored' });
      expect(fake.writes()).toEqual([]);
    },
    TIMEOUT,
  );
});
