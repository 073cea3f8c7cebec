import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { parseSubIssueMarker } from '../../src/core/orchestration/sub-issue.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { BOT, FakeGitHub, type FakeIssue, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { closeIssue, label, mergePullRequest, pullRequestPayload, push, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';
import { examplePayload } from '../../support/webhook-examples.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const VISITOR: FakeUser = { login: 'visitor', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const TASKS = `${FOLDER}/tasks.md`;
const VERIFICATION = `${FOLDER}/verifications/final-verification.md`;
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

let fake: FakeGitHub;
let probot: Probot;
let pr: number;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.git.commitOnBranch('main', (f) => f.set('agent-os/product/roadmap.md', ROADMAP), 'Roadmap');
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('lee', 'write');
  fake.permissions.set('visitor', 'read');
  bindToNock(fake);
  probot = await createTestProbot();
  await label(probot, fake, 12, 'shape-spec', 'delivery-shape');
  await say(probot, fake, 12, '/write-spec', LEE);
  pr = [...fake.issues.values()].find((i) => i.pull_request)?.number ?? 0;
  await say(probot, fake, pr, '/create-tasks', LEE);
  fake.requests.splice(0);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const files = () => fake.git.filesAt(BRANCH) ?? new Map<string, string>();
const tasksMd = () => files().get(TASKS) ?? '';
const commits = () => fake.git.history(BRANCH).filter((c) => c.parents.length > 0);
const subIssues = (): FakeIssue[] =>
  [...fake.issues.values()].filter((i) => i.parent === 12).sort((a, b) => a.number - b.number);
const repliesOn = (n: number) => fake.comments.filter((c) => c.issue === n && c.user.type === 'Bot');
const lastReply = (n: number) => repliesOn(n).pop()?.body ?? '';
/** Writes other than the reply comment and reactions every command gets. */
const changes = () =>
  fake
    .writes()
    .filter((r) => !/\/reactions$/.test(r.path) && !(r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path)));
const head = () => fake.git.resolve(BRANCH)?.sha ?? '';
const runsOn = (sha: string) =>
  fake.checkRuns.filter((r) => r.head_sha === sha && r.name === 'Agent OS: tasks').reverse();

/** Tick every box of a task file (a person finishing the work). */
const tickAll = (text: string) => {
  let out = text;
  for (const t of [...parseTaskFile(text).tasks].reverse())
    out = `${out.slice(0, t.markerOffset)}x${out.slice(t.markerOffset + 1)}`;
  return out;
};

describe('/orchestrate-tasks', () => {
  it('writes orchestration.yml and one prompt per group in one commit, and opens one sub-issue per group under the spec issue', async () => {
    const before = commits().length;
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);

    expect(commits()).toHaveLength(before + 1);
    expect(commits()[0]?.message).toMatch(
      /^Orchestrate tasks for #12: Team invites by email\n\norchestration\.yml and 4 implementation prompts from /,
    );
    const plan = files().get(`${FOLDER}/orchestration.yml`) ?? '';
    expect(plan).toContain('task_groups:');
    expect(plan).toContain('name: Data Models and Persistence');
    const prompts = [...files().keys()].filter((p) => p.startsWith(`${FOLDER}/implementation/prompts/`)).sort();
    expect(prompts).toEqual([
      `${FOLDER}/implementation/prompts/1-data-models-and-persistence.md`,
      `${FOLDER}/implementation/prompts/2-core-logic.md`,
      `${FOLDER}/implementation/prompts/3-user-interface.md`,
      `${FOLDER}/implementation/prompts/4-test-review-and-gap-analysis.md`,
    ]);
    expect(files().get(prompts[0] ?? '')).toContain(`${FOLDER}/spec.md`);

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
    expect(children.every((c) => c.state === 'open' && c.labels.some((l) => l.startsWith('task-group: ')))).toBe(true);
    // The sub-issues API takes each child's numeric id, not its number.
    const attached = fake.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/issues/12/sub_issues'))
      .map((r) => (r.body as { sub_issue_id: number }).sub_issue_id);
    expect(attached).toEqual(children.map((c) => c.number * 10));

    const reply = lastReply(pr);
    expect(reply).toContain('One sub-issue per task group (4 new)');
    for (const c of children) expect(reply).toContain(`#${c.number} (created)`);
  });

  it('run again, changes nothing: no commit, no issue, no edit', async () => {
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    const before = { commits: commits().length, issues: fake.issues.size };
    fake.requests.splice(0);
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    expect(changes()).toEqual([]);
    expect(commits()).toHaveLength(before.commits);
    expect(fake.issues.size).toBe(before.issues);
    expect(lastReply(pr)).toContain('already up to date');
  });

  it('keeps what a person set in orchestration.yml and assigns the GitHub users it names', async () => {
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    const path = `${FOLDER}/orchestration.yml`;
    await push(
      probot,
      fake,
      pr,
      (f) =>
        f.set(
          path,
          (f.get(path) ?? '').replace(
            '  - name: Data Models and Persistence\n',
            '  - name: Data Models and Persistence\n    claude_code_subagent: database-engineer\n    assignees: [lee]\n',
          ),
        ),
      'push-plan',
    );
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    expect(files().get(path)).toContain('claude_code_subagent: database-engineer');
    const first = subIssues()[0];
    expect(first?.assignees).toEqual(['lee']);
    expect(first?.body).toContain('database-engineer');
    expect(subIssues()).toHaveLength(4);
  });

  it('opens a sub-issue unassigned when GitHub will not assign the login orchestration.yml names, and says so', async () => {
    const plan = ['task_groups:', '  - name: Data Models and Persistence', '    assignees: [ghost]', ''].join('\n');
    await push(probot, fake, pr, (f) => f.set(`${FOLDER}/orchestration.yml`, plan), 'push-ghost');
    fake.faults.push({
      method: 'POST',
      path: /\/repos\/acme\/app\/issues$/,
      status: 422,
      body: { message: 'Validation Failed', errors: [{ message: 'ghost cannot be assigned to this issue' }] },
    });
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    expect(subIssues()).toHaveLength(4);
    expect(subIssues()[0]?.assignees).toEqual([]);
    expect(lastReply(pr)).toContain('Task Group 1: GitHub would not assign @ghost');
  });

  it('12 task groups → 12 sub-issues, attached by their numeric ids in order', async () => {
    const groups = Array.from({ length: 12 }, (_, i) =>
      [
        `#### Task Group ${i + 1}: Part ${i + 1}`,
        '',
        `- [ ] ${i + 1}.0 Build part ${i + 1}`,
        `  - [ ] ${i + 1}.1 Write tests for part ${i + 1}`,
        '',
      ].join('\n'),
    );
    await push(
      probot,
      fake,
      pr,
      (f) => f.set(TASKS, ['# Task Breakdown: Twelve', '', '## Task List', '', ...groups].join('\n')),
      'push-12',
    );
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    const children = subIssues();
    expect(children).toHaveLength(12);
    expect(children.map((c) => parseSubIssueMarker(c.body)?.group)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
    const attached = fake.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/issues/12/sub_issues'))
      .map((r) => (r.body as { sub_issue_id: number }).sub_issue_id);
    expect(attached).toEqual(children.map((c) => c.number * 10));
  });

  it('refuses a read-only user and changes nothing', async () => {
    await say(probot, fake, pr, '/orchestrate-tasks', VISITOR);
    expect(changes()).toEqual([]);
    expect(lastReply(pr)).toContain(
      '`/orchestrate-tasks` needs write permission on this repository, and you have read',
    );
  });

  it('finishes an earlier run that opened a sub-issue but stopped before attaching it', async () => {
    fake.faults.push({ method: 'POST', path: /\/issues\/12\/sub_issues$/, status: 502, times: 20 });
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    expect(lastReply(pr)).toMatch(/failed/);
    const opened = [...fake.issues.values()].filter((i) => parseSubIssueMarker(i.body) !== undefined);
    expect(opened).toHaveLength(1);
    fake.faults.splice(0);
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    const all = [...fake.issues.values()].filter((i) => parseSubIssueMarker(i.body) !== undefined);
    expect(all).toHaveLength(4);
    expect(subIssues()).toHaveLength(4);
  });
});

describe('sub-issues and tasks.md stay in step', () => {
  beforeEach(async () => {
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    fake.requests.splice(0);
  });

  it('closing a sub-issue as completed ticks exactly that group in tasks.md, in one commit, and the check follows', async () => {
    const before = tasksMd();
    const child = subIssues()[0];
    if (!child) throw new Error('no sub-issue');
    await closeIssue(probot, fake, child.number, { action: 'closed', reason: 'completed', sender: LEE }, 'close-1');

    const after = tasksMd();
    const parsedBefore = parseTaskFile(before);
    const group1 = new Set(parsedBefore.groups.find((g) => g.number === '1')?.tasks ?? []);
    expect(after.length).toBe(before.length);
    const changed = Array.from({ length: after.length }, (_, i) => i).filter((i) => after[i] !== before[i]);
    const group1Offsets = parsedBefore.tasks.filter((t) => group1.has(t.index)).map((t) => t.markerOffset);
    expect(changed).toEqual(group1Offsets);
    expect(commits()[0]?.message).toMatch(new RegExp(`^Tick Task Group 1 \\(#${child.number} closed by @lee\\)`));
    expect(lastReply(child.number)).toContain(`Ticked ${group1Offsets.length} tasks of Task Group 1`);
    expect(runsOn(head())[0]?.conclusion).toBe('failure');

    // A redelivery changes nothing.
    fake.requests.splice(0);
    await closeIssue(probot, fake, child.number, { action: 'closed', reason: 'completed', sender: LEE }, 'close-1');
    expect(fake.writes()).toEqual([]);
  });

  it('a read-only user closing it ticks nothing, and is told why', async () => {
    const child = subIssues()[1];
    if (!child) throw new Error('no sub-issue');
    const before = tasksMd();
    await closeIssue(probot, fake, child.number, { action: 'closed', reason: 'completed', sender: VISITOR }, 'close-v');
    expect(tasksMd()).toBe(before);
    expect(lastReply(child.number)).toContain(
      '@visitor closing this ticks Task Group 2 only for people with write permission, and you have read',
    );
  });

  it('closing as not planned or reopening changes no task, and says so', async () => {
    const child = subIssues()[2];
    if (!child) throw new Error('no sub-issue');
    const before = tasksMd();
    await closeIssue(probot, fake, child.number, { action: 'closed', reason: 'not_planned', sender: LEE }, 'close-np');
    expect(lastReply(child.number)).toContain(
      'Closed as not planned: the tasks of Task Group 3 were left as they are.',
    );
    await closeIssue(probot, fake, child.number, { action: 'reopened', sender: LEE }, 'reopen');
    expect(lastReply(child.number)).toContain('Reopened: the tasks of Task Group 3 stay ticked');
    expect(tasksMd()).toBe(before);
  });

  it('a group ticked in tasks.md closes its sub-issue as completed', async () => {
    const parsed = parseTaskFile(tasksMd());
    const group2 = parsed.groups.find((g) => g.number === '2');
    let text = tasksMd();
    for (const i of [...(group2?.tasks ?? [])].reverse()) {
      const t = parsed.tasks[i];
      if (t) text = `${text.slice(0, t.markerOffset)}x${text.slice(t.markerOffset + 1)}`;
    }
    await push(probot, fake, pr, (f) => f.set(TASKS, text), 'push-group-2');
    const children = subIssues();
    expect(children.map((c) => c.state)).toEqual(['open', 'closed', 'open', 'open']);
    expect(children[1]?.state_reason).toBe('completed');
  });

  it('ignores issues that are not our sub-issues, with no request', async () => {
    fake.addIssue({ number: 99, title: 'Unrelated', body: 'Nothing here', user: MARA });
    await closeIssue(probot, fake, 99, { action: 'closed', reason: 'completed', sender: LEE }, 'close-99');
    expect(fake.requests.filter((r) => !r.path.includes('access_tokens'))).toEqual([]);
  });
});

describe('verification and the merge', () => {
  it('shape-spec linked the spec to its roadmap item in the pull request description', () => {
    expect(fake.issues.get(pr)?.body).toContain(
      'Roadmap: delivers item 2, **Team invites by email**, of `agent-os/product/roadmap.md` (ticked when this pull request merges).',
    );
  });

  it('writes the verification report once the gate turns green, and only once', async () => {
    await push(probot, fake, pr, (f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), 'push-all');
    const report = files().get(VERIFICATION) ?? '';
    expect(report).toMatch(/^# Verification Report: Team invites by email\n/);
    expect(report).toContain('## 1. Tasks Verification\n\n**Status:** ✅ All complete');
    expect(report).toContain(
      '## 3. Roadmap Updates\n\n**Status:** ✅ A pull request ticking it opens when this pull request merges\n\n- [ ] 2. Team invites by email',
    );
    expect(report).toContain('## 4. Test Suite Results');
    expect(commits()[0]?.message).toMatch(/^Verify #12: every required task is complete/);

    const count = commits().length;
    fake.requests.splice(0);
    await push(probot, fake, pr, (f) => f.set('README.md', '# app\n\nMore.\n'), 'push-readme');
    expect(commits()).toHaveLength(count + 1);
    expect(fake.writes().filter((r) => r.path.includes('/contents/'))).toEqual([]);
  });

  it('on merge: ticks the roadmap item through a pull request, closes the issue with a summary, moves the label to done; a redelivery writes nothing', async () => {
    await push(probot, fake, pr, (f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), 'push-all');
    await mergePullRequest(probot, fake, pr, 'merge');

    const roadmapPr = [...fake.issues.values()].find((i) => i.pull_request?.head === 'agent-os/roadmap-12');
    expect(roadmapPr?.title).toBe('Roadmap: Team invites by email is done');
    const ticked = fake.git.filesAt('agent-os/roadmap-12')?.get('agent-os/product/roadmap.md') ?? '';
    expect(ticked).toBe(ROADMAP.replace('2. [ ] Team', '2. [x] Team'));
    expect(fake.git.filesAt('main')?.get('agent-os/product/roadmap.md')).toBe(
      ROADMAP.replace('2. [ ] Team', '2. [ ] Team'),
    );

    const issue = fake.issues.get(12);
    expect(issue?.state).toBe('closed');
    expect(issue?.state_reason).toBe('completed');
    expect(issue?.labels).toContain('agent-os: done');
    expect(issue?.labels).not.toContain('agent-os: spec written');
    expect(lastReply(12)).toContain(`The spec pull request #${pr} merged`);
    expect(lastReply(12)).toContain(`is ticked in #${roadmapPr?.number ?? 0}`);

    fake.requests.splice(0);
    await mergePullRequestAgain(pr);
    expect(fake.writes()).toEqual([]);
  });

  it("a fork's pull request whose branch is named like the spec's closes no sub-issue and writes nothing on the spec branch", async () => {
    await say(probot, fake, pr, '/orchestrate-tasks', LEE);
    fake.git.commitOnBranch(BRANCH, (f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), 'Ticked in a fork');
    const before = commits().length;
    fake.requests.splice(0);
    const payload = pullRequestPayload(fake, pr);
    Object.assign(payload.pull_request.head.repo, { full_name: 'mallory/app' });
    await deliver(probot, 'pull_request', payload, 'fork-push');
    expect(subIssues().every((c) => c.state === 'open')).toBe(true);
    expect(commits()).toHaveLength(before);
    expect(
      fake
        .writes()
        .filter((r) => !r.path.endsWith('/check-runs') && !/\/issues\/(comments\/)?\d+(\/comments)?$/.test(r.path)),
    ).toEqual([]);

    fake.mergePull(pr);
    const merged = examplePayload('pull_request.closed', (p) => {
      p.number = pr;
      p.pull_request.number = pr;
      p.pull_request.head.ref = BRANCH;
      (p.pull_request as { merged: boolean }).merged = true;
      Object.assign(p.pull_request.head.repo, { full_name: 'mallory/app' });
    });
    fake.requests.splice(0);
    await deliver(probot, 'pull_request', merged, 'fork-merge');
    expect(fake.requests).toEqual([]);
    expect(fake.issues.get(12)?.state).toBe('open');
  });

  it('on merge with roadmap_update: push to a protected default branch: the issue is still closed, and the summary says the item could not be ticked', async () => {
    fake.git.commitOnBranch('main', (f) => f.set('.github/agent-os.yml', 'roadmap_update: push\n'), 'Configure');
    await push(probot, fake, pr, (f) => f.set(TASKS, tickAll(f.get(TASKS) ?? '')), 'push-all');
    fake.faults.push({
      method: 'PUT',
      path: /\/contents\/agent-os\/product\/roadmap\.md$/,
      status: 403,
      body: { message: 'Protected branch update failed for refs/heads/main.' },
      times: 5,
    });
    await mergePullRequest(probot, fake, pr, 'merge-protected');
    const issue = fake.issues.get(12);
    expect(issue?.state).toBe('closed');
    expect(issue?.labels).toContain('agent-os: done');
    expect(lastReply(12)).toContain('Its roadmap item could not be ticked:');
    expect(lastReply(12)).toContain('Protected branch update failed');
    expect(fake.git.filesAt('main')?.get('agent-os/product/roadmap.md')).toBe(ROADMAP);
  });

  it('ignores merged pull requests that are not specs', async () => {
    fake.git.refs.set('heads/feature', fake.git.resolve('main')?.sha ?? '');
    fake.git.commitOnBranch('feature', (f) => f.set('x.txt', 'x'), 'x');
    const other = fake.addIssue({
      title: 'A feature',
      body: '',
      user: MARA,
      pull_request: { head: 'feature', base: 'main', draft: false },
    });
    await mergePullRequest(probot, fake, other.number, 'merge-other');
    expect(fake.writes()).toEqual([]);
    expect(BOT.type).toBe('Bot');
  });
});

/** GitHub redelivers `pull_request.closed` (the pull request is already merged in the fake). */
async function mergePullRequestAgain(number: number): Promise<void> {
  const issue = fake.issues.get(number);
  if (!issue?.pull_request) throw new Error('no pull request');
  const payload = examplePayload('pull_request.closed', (p) => {
    p.number = number;
    p.pull_request.number = number;
    p.pull_request.head.ref = issue.pull_request?.head ?? '';
    (p.pull_request as { merged: boolean }).merged = true;
    p.repository.default_branch = fake.defaultBranch;
  });
  await deliver(probot, 'pull_request', payload, 'merge');
}
