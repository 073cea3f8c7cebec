import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSubIssueMarker } from '../../src/core/orchestration/sub-issue.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { FakeGitHub, type FakeIssue, type FakeUser } from '../../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../../support/fake-github/http-binding.js';
import {
  commentPayload,
  issueStatePayload,
  labeledPayload,
  pullRequestPayload,
} from '../../support/lifecycle-events.js';
import { runNode } from '../../support/run-node.js';
import { examplePayload } from '../../support/webhook-examples.js';
// Fail any test whose fake GitHub received a request GitHub would not accept.
import '../../support/fake-github/no-invalid-requests.js';
import { parseActionOutputs } from '../support/parse-action-outputs.js';

/**
 * The end of the lifecycle through the bundled Action (`node dist/index.js`), against the fake GitHub over HTTP:
 * `/orchestrate-tasks`, a sub-issue closed, the verification report on a green gate, and the merge. Each
 * expectation is the one test/app/orchestrate-and-finish.test.ts holds the App to on the same events.
 *
 * One spec goes from shaping to merge, so the tests share the fake GitHub and run in order, each starting where the
 * last one stopped, as a spec does on GitHub.
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
const TIMEOUT = 120_000;

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
  // The runner creates the step summary file; the gate appends to it.
  await writeFile(join(workdir, 'summary.md'), '');
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
      // The fake GitHub has no rate limits: no pacing of writes (docs/action.md, "Pacing of writes").
      AGENT_OS_WRITE_PACING_MS: '0',
    },
  });
  const outputs = parseActionOutputs(await readFile(outputPath, 'utf8'));
  return { ...result, outputs };
}

/** A person comments on an issue or pull request; the workflow runs on `issue_comment`. */
async function comment(number: number, body: string, user: FakeUser, runId: string) {
  const added = fake.addComment(number, body, user);
  return { comment: added, run: await runAction('issue_comment', commentPayload(fake, number, added), runId) };
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
const subIssues = (): FakeIssue[] =>
  [...fake.issues.values()].filter((i) => i.parent === 12).sort((a, b) => a.number - b.number);
const repliesOn = (n: number) => fake.comments.filter((c) => c.issue === n && c.user.type === 'Bot');
const lastReply = (n: number) => repliesOn(n).pop()?.body ?? '';
const contentWrites = () => fake.writes().filter((r) => r.path.includes('/contents/') || r.path.includes('/git/'));

/** Tick every box of a task file (a person finishing the work). */
const tickAll = (text: string) => {
  let out = text;
  for (const t of [...parseTaskFile(text).tasks].reverse())
    out = `${out.slice(0, t.markerOffset)}x${out.slice(t.markerOffset + 1)}`;
  return out;
};

beforeAll(async () => {
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
  expect((await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '1')).outputs).toEqual({
    phase: 'shape-spec',
    status: 'shaped',
  });
  expect((await comment(12, '/write-spec', LEE, '2')).run.outputs).toEqual({ phase: 'write-spec', status: 'written' });
  pr = [...fake.issues.values()].find((i) => i.pull_request?.head === BRANCH)?.number ?? 0;
  expect(pr).toBeGreaterThan(0);
  expect((await comment(pr, '/create-tasks', LEE, '3')).run.outputs).toEqual({
    phase: 'create-tasks',
    status: 'written',
  });
  expect(tasksMd()).not.toBe('');
}, TIMEOUT);

afterAll(async () => {
  await server.close();
  await rm(workdir, { recursive: true, force: true });
});

describe('the bundled Action from /orchestrate-tasks to the merge of the spec pull request', () => {
  it(
    '/orchestrate-tasks (issue_comment): orchestration.yml and the prompts in one commit, one sub-issue per task group under the spec issue',
    async () => {
      fake.requests.splice(0);
      const before = commits().length;
      const { comment: command, run } = await comment(pr, '/orchestrate-tasks', LEE, '10');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'orchestrate-tasks', status: 'orchestrated' });

      expect(commits()).toHaveLength(before + 1);
      expect(commits()[0]?.message).toMatch(
        /^Orchestrate tasks for #12: Team invites by email\n\norchestration\.yml and 4 implementation prompts from /,
      );
      expect(files().get(`${FOLDER}/orchestration.yml`)).toContain('name: Data Models and Persistence');
      expect([...files().keys()].filter((p) => p.startsWith(`${FOLDER}/implementation/prompts/`)).sort()).toEqual([
        `${FOLDER}/implementation/prompts/1-data-models-and-persistence.md`,
        `${FOLDER}/implementation/prompts/2-core-logic.md`,
        `${FOLDER}/implementation/prompts/3-user-interface.md`,
        `${FOLDER}/implementation/prompts/4-test-review-and-gap-analysis.md`,
      ]);

      const children = subIssues();
      expect(children.map((c) => c.title)).toEqual([
        'Task Group 1: Data Models and Persistence — Team invites by email',
        'Task Group 2: Core Logic — Team invites by email',
        'Task Group 3: User Interface — Team invites by email',
        'Task Group 4: Test Review and Gap Analysis — Team invites by email',
      ]);
      expect(children.map((c) => parseSubIssueMarker(c.body))).toEqual(
        ['1', '2', '3', '4'].map((group) => ({ specFolder: FOLDER, group })),
      );
      expect(children.every((c) => c.state === 'open' && c.labels.some((l) => l.startsWith('task-group: ')))).toBe(
        true,
      );
      // The sub-issues API takes each child's numeric id, not its number.
      const attached = fake.requests
        .filter((r) => r.method === 'POST' && r.path.endsWith('/issues/12/sub_issues'))
        .map((r) => (r.body as { sub_issue_id: number }).sub_issue_id);
      expect(attached).toEqual(children.map((c) => c.number * 10));

      const reply = lastReply(pr);
      expect(reply.split('\n', 1)[0]).toBe(`<!-- agent-os-github:reply event=comment-${command.id} -->`);
      expect(reply).toContain('One sub-issue per task group (4 new)');
      for (const c of children) expect(reply).toContain(`#${c.number} (created)`);
      expect(fake.reactions.filter((r) => r.comment === command.id).map((r) => r.content)).toEqual(['eyes', 'rocket']);
      expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

      // The same command again changes nothing but its own reply.
      const issues = fake.issues.size;
      fake.requests.splice(0);
      expect((await comment(pr, '/orchestrate-tasks', LEE, '11')).run.outputs).toEqual({
        phase: 'orchestrate-tasks',
        status: 'unchanged',
      });
      expect(contentWrites()).toEqual([]);
      expect(fake.writes().filter((r) => r.path.endsWith('/sub_issues') || /\/issues(\/\d+)?$/.test(r.path))).toEqual(
        [],
      );
      expect(fake.issues.size).toBe(issues);
      expect(lastReply(pr)).toContain('already up to date');
    },
    TIMEOUT,
  );

  it(
    'issues closed/reopened: an issue that is not ours is ignored with no request; a read-only closer, not planned and reopened tick nothing and say so',
    async () => {
      fake.addIssue({ number: 99, title: 'Unrelated', body: 'Nothing here', user: MARA });
      fake.requests.splice(0);
      const unrelated = await runAction(
        'issues',
        issueStatePayload(fake, 99, { action: 'closed', reason: 'completed', sender: LEE }),
        '20',
      );
      expect(unrelated.code).toBe(0);
      expect(unrelated.outputs).toEqual({ phase: 'none', status: 'ignored' });
      expect(fake.requests).toEqual([]);

      const before = tasksMd();
      const [, second, third] = subIssues();
      if (!second || !third) throw new Error('no sub-issues');
      const refused = await runAction(
        'issues',
        issueStatePayload(fake, second.number, { action: 'closed', reason: 'completed', sender: VISITOR }),
        '21',
      );
      expect(refused.code).toBe(0);
      expect(refused.outputs).toEqual({ phase: 'sub-issue', status: 'refused' });
      expect(lastReply(second.number)).toContain(
        '@visitor closing this ticks Task Group 2 only for people with write permission, and you have read',
      );

      const notPlanned = await runAction(
        'issues',
        issueStatePayload(fake, third.number, { action: 'closed', reason: 'not_planned', sender: LEE }),
        '22',
      );
      expect(notPlanned.outputs).toEqual({ phase: 'sub-issue', status: 'noted' });
      expect(lastReply(third.number)).toContain(
        'Closed as not planned: the tasks of Task Group 3 were left as they are.',
      );
      const reopened = await runAction(
        'issues',
        issueStatePayload(fake, third.number, { action: 'reopened', sender: LEE }),
        '23',
      );
      expect(reopened.outputs).toEqual({ phase: 'sub-issue', status: 'noted' });
      expect(lastReply(third.number)).toContain('Reopened: the tasks of Task Group 3 stay ticked');
      expect(tasksMd()).toBe(before);
      expect(contentWrites()).toEqual([]);

      // Put them back as a person would: open, for the rest of the story.
      second.state = 'open';
      second.state_reason = 'reopened';
    },
    TIMEOUT,
  );

  it(
    'issues closed as completed by someone with write permission: exactly that group ticked in tasks.md on the spec branch, in one commit; a re-run writes nothing',
    async () => {
      const before = tasksMd();
      const commitsBefore = commits().length;
      const child = subIssues()[0];
      if (!child) throw new Error('no sub-issue');
      fake.requests.splice(0);
      const payload = issueStatePayload(fake, child.number, { action: 'closed', reason: 'completed', sender: LEE });
      const run = await runAction('issues', payload, '30');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'sub-issue', status: 'ticked' });

      const after = tasksMd();
      const parsedBefore = parseTaskFile(before);
      const group1 = new Set(parsedBefore.groups.find((g) => g.number === '1')?.tasks ?? []);
      const group1Offsets = parsedBefore.tasks.filter((t) => group1.has(t.index)).map((t) => t.markerOffset);
      expect(group1Offsets.length).toBeGreaterThan(1);
      expect(after.length).toBe(before.length);
      expect(Array.from({ length: after.length }, (_, i) => i).filter((i) => after[i] !== before[i])).toEqual(
        group1Offsets,
      );
      expect(commits()).toHaveLength(commitsBefore + 1);
      expect(commits()[0]?.message).toMatch(new RegExp(`^Tick Task Group 1 \\(#${child.number} closed by @lee\\)`));
      expect(lastReply(child.number)).toContain(`Ticked ${group1Offsets.length} tasks of Task Group 1`);
      expect(lastReply(child.number).split('\n', 1)[0]).toContain('event=run-30');
      // One file written, on the spec branch; main, the other sub-issues and the spec issue are untouched.
      expect(contentWrites().map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /repos/acme/app/contents/${TASKS}`]);
      expect((contentWrites()[0]?.body as { branch?: string } | undefined)?.branch).toBe(BRANCH);
      expect(fake.git.filesAt('main')?.has(TASKS)).toBe(false);
      expect(
        subIssues()
          .filter((c) => c.number !== child.number)
          .every((c) => c.state === 'open'),
      ).toBe(true);
      expect(fake.issues.get(12)?.state).toBe('open');
      expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

      // A re-run of the same workflow run changes nothing.
      fake.requests.splice(0);
      const rerun = await runAction('issues', payload, '30');
      expect(rerun.code).toBe(0);
      expect(rerun.outputs).toEqual({ phase: 'sub-issue', status: 'already-handled' });
      expect(fake.writes()).toEqual([]);
      expect(tasksMd()).toBe(after);
    },
    TIMEOUT,
  );

  it(
    'pull_request synchronize with tasks left: the gate fails and no verification report is written',
    async () => {
      const run = await push((f) => f.set('README.md', '# app\n\nA push.\n'), '40');
      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).toBe('failure');
      expect(files().has(VERIFICATION)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'pull_request synchronize with every task ticked: the gate is green, verifications/final-verification.md is written on the spec branch once, the sub-issues close',
    async () => {
      const run = await push((f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), '41');
      expect(run.code).toBe(0);
      expect(run.outputs.conclusion).toBe('success');

      const report = files().get(VERIFICATION) ?? '';
      expect(report).toMatch(/^# Verification Report: Team invites by email\n/);
      expect(report).toContain('## 1. Tasks Verification\n\n**Status:** ✅ All complete');
      expect(report).toContain(
        '## 3. Roadmap Updates\n\n**Status:** ✅ A pull request ticking it opens when this pull request merges\n\n- [ ] 2. Team invites by email',
      );
      expect(report).toContain('## 4. Test Suite Results');
      expect(commits()[0]?.message).toMatch(/^Verify #12: every required task is complete/);
      expect(fake.git.filesAt('main')?.has(VERIFICATION)).toBe(false);
      // orchestration.yml is on the branch: the sub-issues of the complete groups are closed as completed.
      expect(subIssues().map((c) => [c.state, c.state_reason])).toEqual(
        Array.from({ length: 4 }, () => ['closed', 'completed']),
      );

      // Another push with the tasks as they are: the report is not written again.
      const count = commits().length;
      fake.requests.splice(0);
      const again = await push((f) => f.set('README.md', '# app\n\nMore.\n'), '42');
      expect(again.code).toBe(0);
      expect(commits()).toHaveLength(count + 1);
      expect(fake.writes().filter((r) => r.path.includes('/contents/'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'pull_request closed without merging, and a merged pull request that is not a spec: nothing is written',
    async () => {
      fake.requests.splice(0);
      const unmerged = await runAction('pull_request', closedPullRequestPayload(pr), '50');
      expect(unmerged.code).toBe(0);
      expect(unmerged.outputs).toEqual({ phase: 'none', status: 'ignored' });

      fake.git.refs.set('heads/feature', fake.git.resolve('main')?.sha ?? '');
      fake.git.commitOnBranch('feature', (f) => f.set('x.txt', 'x'), 'x');
      const other = fake.addIssue({
        title: 'A feature',
        body: '',
        user: MARA,
        pull_request: { head: 'feature', base: 'main', draft: false },
      });
      fake.mergePull(other.number);
      const run = await runAction('pull_request', closedPullRequestPayload(other.number), '51');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'none', status: 'ignored' });
      expect(fake.writes()).toEqual([]);
      expect(fake.issues.get(12)?.state).toBe('open');
    },
    TIMEOUT,
  );

  it(
    'pull_request closed and merged: the roadmap item ticked through a pull request, the issue closed as completed with a summary and labelled done; a second run writes nothing',
    async () => {
      fake.mergePull(pr);
      fake.requests.splice(0);
      const payload = closedPullRequestPayload(pr);
      const run = await runAction('pull_request', payload, '60');
      expect(run.code).toBe(0);
      expect(run.outputs).toEqual({ phase: 'finish-spec', status: 'finished' });

      const roadmapPr = [...fake.issues.values()].find((i) => i.pull_request?.head === 'agent-os/roadmap-12');
      expect(roadmapPr?.title).toBe('Roadmap: Team invites by email is done');
      expect(roadmapPr?.pull_request?.base).toBe('main');
      expect(roadmapPr?.state).toBe('open');
      expect(fake.git.filesAt('agent-os/roadmap-12')?.get(ROADMAP_PATH)).toBe(
        ROADMAP.replace('2. [ ] Team', '2. [x] Team'),
      );
      expect(fake.git.filesAt('main')?.get(ROADMAP_PATH)).toBe(ROADMAP);

      const issue = fake.issues.get(12);
      expect(issue?.state).toBe('closed');
      expect(issue?.state_reason).toBe('completed');
      expect(issue?.labels).toContain('agent-os: done');
      expect(issue?.labels).not.toContain('agent-os: spec written');
      expect(lastReply(12)).toContain(`The spec pull request #${pr} merged`);
      expect(lastReply(12)).toContain(`is ticked in #${roadmapPr?.number ?? 0}`);
      expect(lastReply(12)).toContain('Closing this issue as completed.');
      // No gate on a closed pull request.
      expect(fake.requests.some((r) => r.path.endsWith(`/pulls/${pr}/files`))).toBe(false);
      expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

      // The same event again (a re-run, or a second workflow on it): everything is found, nothing is written.
      const issues = fake.issues.size;
      const comments = fake.comments.length;
      fake.requests.splice(0);
      for (const runId of ['60', '61']) {
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
});
