import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { parseSpec } from '../../src/core/spec/parse-spec.js';
import { BOT, FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { editAs, label, pullRequestPayload, push, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const VISITOR: FakeUser = { login: 'visitor', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const TASKS = `${FOLDER}/tasks.md`;
const BODY = [
  '## Requirements',
  '- Owners can invite people by email; the invite email holds a single-use link',
  '- Store each invite in an `invites` table with its token and expiry date',
  '- The Members page shows pending invites with a button to revoke each',
  '',
  '## Acceptance criteria',
  '- [ ] An expired link shows "This invite has expired"',
].join('\n');

let fake: FakeGitHub;
let probot: Probot;
let pr: number;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('lee', 'write');
  fake.permissions.set('visitor', 'read');
  bindToNock(fake);
  probot = await createTestProbot();
  await label(probot, fake, 12, 'shape-spec', 'delivery-shape');
  await say(probot, fake, 12, '/write-spec', LEE);
  pr = [...fake.issues.values()].find((i) => i.pull_request)?.number ?? 0;
  fake.requests.splice(0);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const tasksMd = () => fake.git.filesAt(BRANCH)?.get(TASKS) ?? '';
const commits = () => fake.git.history(BRANCH).filter((c) => c.parents.length > 0);
const checklists = () =>
  fake.comments.filter(
    (c) => c.issue === pr && c.user.type === 'Bot' && c.body.startsWith('<!-- agent-os-github:checklist'),
  );
const lastReply = () => fake.comments.filter((c) => c.user.type === 'Bot').pop()?.body ?? '';
/** Newest first, as GitHub and branch protection read them. */
const runsOn = (sha: string) =>
  fake.checkRuns.filter((r) => r.head_sha === sha && r.name === 'Agent OS: tasks').reverse();
const head = () => fake.git.resolve(BRANCH)?.sha ?? '';

describe('/create-tasks', () => {
  it('writes tasks.md from spec.md in one commit, in the Agent OS layout, every requirement traced, then the checklist and the check', async () => {
    const before = commits().length;
    await say(probot, fake, pr, '/create-tasks', LEE);
    expect(commits()).toHaveLength(before + 1);
    expect(commits()[0]?.message).toMatch(
      /^Create tasks for #12: Team invites by email\n\nFrom .*spec\.md: 3 specific requirements in \d task groups\.$/,
    );

    const text = tasksMd();
    const file = parseTaskFile(text, { path: TASKS });
    expect(file.dialect).toBe('agent-os');
    expect(text.startsWith('# Task Breakdown: Team invites by email\n\n## Overview\n\nTotal Tasks: ')).toBe(true);
    const groups = file.groups.filter((g) => g.tasks.length > 0);
    expect(groups.map((g) => g.number)).toEqual(groups.map((_, i) => String(i + 1)));
    expect(groups.map((g) => g.title)).toEqual([
      'Task Group 1: Data Models and Persistence',
      'Task Group 2: Core Logic',
      'Task Group 3: User Interface',
      'Task Group 4: Test Review and Gap Analysis',
    ]);
    for (const group of groups.slice(0, -1)) {
      const tasks = group.tasks.map((i) => file.tasks[i]);
      expect(tasks[0]?.id).toBe(`${group.number ?? ''}.0`);
      expect(tasks[1]?.text).toMatch(/^Write 2-8 focused tests for /);
      expect(tasks[tasks.length - 1]?.text).toMatch(/^Ensure the .* tests pass$/);
      expect(group.dependencies).toBe(group.number === '1' ? 'None' : `Task Group ${Number(group.number) - 1}`);
    }
    const spec = parseSpec(fake.git.filesAt(BRANCH)?.get(`${FOLDER}/spec.md`) ?? '');
    expect(spec.requirements).toHaveLength(3);
    for (const r of spec.requirements) {
      expect(file.tasks.some((t) => t.text.startsWith(`Implement Specific Requirement ${r.number}: `))).toBe(true);
    }
    expect(text).toContain('**Acceptance Criteria:**\n\n- The 2-8 tests written in 1.1 pass');
    expect(text).toContain('- An expired link shows "This invite has expired"');
    expect(text).toContain('## Execution Order\n\n1. Database Layer: Data Models and Persistence (Task Group 1)');

    const [checklist, ...more] = checklists();
    expect(more).toHaveLength(0);
    expect(checklist?.body).toContain(`### Agent OS tasks: 0 of ${file.tasks.length} required tasks complete`);
    expect(checklist?.body).toContain(`[\`${TASKS}\`](https://github.com/acme/app/blob/${head()}/${TASKS})`);
    expect(runsOn(head())).toHaveLength(1);
    expect(runsOn(head())[0]).toMatchObject({
      conclusion: 'failure',
      output: { title: `0 of ${file.tasks.length} tasks complete` },
    });
    expect(lastReply()).toContain(
      `tasks in 4 task groups, covering 3 specific requirements. The checklist on #${pr} follows it`,
    );
  });

  it('leaves an existing tasks.md alone unless --force', async () => {
    await say(probot, fake, pr, '/create-tasks', LEE);
    const count = commits().length;
    await say(probot, fake, 12, '/create-tasks', LEE);
    expect(commits()).toHaveLength(count);
    expect(lastReply()).toContain(
      'already exists on `agent-os/12-team-invites-by-email`, so it was left as it is. Comment `/create-tasks --force`',
    );
    fake.git.commitOnBranch(
      BRANCH,
      (f) => f.set(TASKS, (f.get(TASKS) ?? '').replace('- [ ] 1.1', '- [x] 1.1')),
      'tick',
    );
    await say(probot, fake, 12, '/create-tasks --force', LEE);
    expect(tasksMd()).toContain('- [ ] 1.1');
  });

  it('explains what is missing before there is a spec.md', async () => {
    fake.git.commitOnBranch(BRANCH, (f) => f.delete(`${FOLDER}/spec.md`), 'no spec');
    await say(probot, fake, 12, '/create-tasks', LEE);
    expect(lastReply()).toContain(
      '`/create-tasks` failed: The branch `agent-os/12-team-invites-by-email` has no `spec.md` yet',
    );
  });
});

describe('the checklist comment', () => {
  beforeEach(async () => {
    await say(probot, fake, pr, '/create-tasks', LEE);
    fake.requests.splice(0);
  });

  it('follows a push that changes tasks.md, in place, and a redelivery changes nothing', async () => {
    await push(probot, fake, pr, (f) => f.set(TASKS, (f.get(TASKS) ?? '').replace('- [ ] 1.1', '- [x] 1.1')), 'push-1');
    expect(checklists()).toHaveLength(1);
    expect(checklists()[0]?.body).toContain('  - [x] 1.1 Write 2-8 focused tests for');
    expect(runsOn(head())[0]?.output.title).toMatch(/^1 of \d+ tasks complete$/);
    const writes = fake.writes().length;
    await deliver(probot, 'pull_request', pullRequestPayload(fake, pr), 'push-1');
    expect(fake.writes().length).toBe(writes);
  });

  it('a tick in the comment becomes one commit changing one character, naming the person; the check follows', async () => {
    const before = tasksMd();
    const comment = checklists()[0];
    if (!comment) throw new Error('no checklist');
    const ticked = comment.body.replace('  - [ ] 1.1 Write', '  - [x] 1.1 Write');
    await editAs(probot, fake, comment.id, ticked, LEE, 'tick-1');

    const after = tasksMd();
    expect(after.length).toBe(before.length);
    const diffs = Array.from({ length: after.length }, (_, i) => i).filter((i) => after[i] !== before[i]);
    expect(diffs).toHaveLength(1);
    expect(after.slice((diffs[0] ?? 0) - 1, (diffs[0] ?? 0) + 8)).toBe('[x] 1.1 W');
    expect(commits()[0]?.message).toBe(`Tick 1.1 in tasks.md\n\n@lee ticked it in the checklist of #${pr}.`);
    expect(runsOn(head())[0]?.output.title).toMatch(/^1 of \d+ tasks complete$/);
    expect(checklists()).toHaveLength(1);

    // GitHub then delivers the push; nothing is left to do.
    const writes = fake.writes().length;
    await deliver(probot, 'pull_request', pullRequestPayload(fake, pr), 'sync-after-tick');
    expect(fake.writes().length).toBe(writes);
  });

  it('undoes a tick by someone without write access, with a short reply, and commits nothing', async () => {
    const comment = checklists()[0];
    if (!comment) throw new Error('no checklist');
    const original = comment.body;
    const count = commits().length;
    await editAs(
      probot,
      fake,
      comment.id,
      original.replace('  - [ ] 1.1 Write', '  - [x] 1.1 Write'),
      VISITOR,
      'tick-2',
    );
    expect(commits()).toHaveLength(count);
    expect(checklists()[0]?.body).toBe(original);
    expect(lastReply()).toContain(
      '@visitor ticking tasks here needs write permission on this repository, and you have read, so the checklist was put back as it was.',
    );
  });

  it('retries a tick that meets a concurrent change of tasks.md, never overwriting it', async () => {
    const comment = checklists()[0];
    if (!comment) throw new Error('no checklist');
    fake.faults.push({ method: 'PUT', path: /tasks\.md$/, status: 409, body: { message: 'tasks.md does not match' } });
    await editAs(
      probot,
      fake,
      comment.id,
      comment.body.replace('  - [ ] 1.1 Write', '  - [x] 1.1 Write'),
      LEE,
      'tick-3',
    );
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(tasksMd()).toContain('  - [x] 1.1 Write');
  });

  it('two deliveries racing for a new push leave one checklist comment and one check run', async () => {
    fake.git.commitOnBranch(
      BRANCH,
      (f) => f.set(TASKS, (f.get(TASKS) ?? '').replace('- [ ] 1.1', '- [x] 1.1')),
      'push',
    );
    await Promise.all([
      deliver(probot, 'pull_request', pullRequestPayload(fake, pr), 'race-a'),
      deliver(probot, 'pull_request', pullRequestPayload(fake, pr), 'race-b'),
    ]);
    expect(checklists()).toHaveLength(1);
    expect(checklists()[0]?.body).toContain('  - [x] 1.1 Write');
    expect(runsOn(head())).toHaveLength(1);
  });

  it('ignores its own edits, and keeps the oldest comment when a race left two', async () => {
    const comment = checklists()[0];
    if (!comment) throw new Error('no checklist');
    await editAs(
      probot,
      fake,
      comment.id,
      comment.body.replace('  - [ ] 1.1 Write', '  - [x] 1.1 Write'),
      BOT,
      'self-edit',
    );
    expect(fake.writes()).toEqual([]);
    fake.addComment(pr, comment.body, BOT);
    await push(probot, fake, pr, (f) => f.set('README.md', 'changed\n'), 'push-2');
    expect(checklists().map((c) => c.id)).toEqual([comment.id]);
  });
});

describe('declared scope', () => {
  beforeEach(async () => {
    await say(probot, fake, pr, '/create-tasks', LEE);
  });

  it('/implement-tasks 1 records the scope in the description; the gate then requires only that group', async () => {
    await push(
      probot,
      fake,
      pr,
      (f) => f.set(TASKS, (f.get(TASKS) ?? '').replace(/- \[ \] 1\./g, '- [x] 1.')),
      'push-3',
    );
    expect(runsOn(head())[0]?.conclusion).toBe('failure');
    await say(probot, fake, pr, '/implement-tasks 1', LEE);
    expect(fake.issues.get(pr)?.body).toContain('\n\nImplements: Task Group 1');
    const run = runsOn(head())[0];
    expect(run?.conclusion).toBe('success');
    expect(run?.output.summary).toContain('This pull request implements **Task Group 1**');
    expect(checklists()[0]?.body).toContain("_(not in this pull request's scope)_");
    expect(lastReply()).toContain(
      'This pull request implements Task Group 1: the `Agent OS: tasks` check now requires only their tasks',
    );
    // The hand-off: the group's prompt, collapsed, and how to run it; the prompt files are not committed yet.
    const reply = lastReply();
    expect(reply).toContain(
      '<details><summary>Implementation prompt: Task Group 1 — Data Models and Persistence</summary>',
    );
    expect(reply).not.toContain('Implementation prompt: Task Group 2');
    expect(reply).toContain(
      'The prompt files are not on `agent-os/12-team-invites-by-email` yet: comment `/orchestrate-tasks` to commit them',
    );
    expect(reply).toContain(`claude "$(cat ${FOLDER}/implementation/prompts/1-data-models-and-persistence.md)"`);
    expect(reply).toContain('# Implement Task Group 1: Data Models and Persistence');
  });

  it('rejects /implement-tasks without group numbers, and on an issue', async () => {
    await say(probot, fake, pr, '/implement-tasks', LEE);
    expect(lastReply()).toContain(
      'Name the task groups this pull request implements by number, e.g. `/implement-tasks 1 3`',
    );
    await say(probot, fake, 12, '/implement-tasks 1', LEE);
    expect(lastReply()).toContain('`/implement-tasks` works on pull requests');
  });
});
