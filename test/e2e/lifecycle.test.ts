// End to end: the real App server (started once for this file, as `npm start` starts it) against a fresh in-memory
// GitHub per test, served over HTTP as GitHub Enterprise, fed signed webhooks; and the bundled Action run as a
// runner runs it. Every assertion is about what a person sees on GitHub: comments, labels, reactions, check runs
// and the files on the spec branch.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSuiteRequested, commentEvent, labelEvent, pullRequestEvent } from '../../demo/payloads.js';
import { followUpAnswer } from '../../demo/sample.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { BOT, FakeGitHub, type FakeRequest } from '../../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../../support/fake-github/http-binding.js';
import { barrier, startAppStage, until, wake, type AppStage } from './support/app-stage.js';
import { documentedRouteCount, refusedRequests } from './support/rest-routes.js';
import { runAction } from './support/run-action.js';
import {
  ANSWERS,
  BRANCH,
  FOLDER,
  ISSUE_NUMBER as ISSUE,
  LEE,
  MARA,
  REQUIREMENTS,
  RITA,
  SPEC,
  Story,
  TASKS,
  VERIFICATION,
  sampleRepository,
  tickInChecklist,
  visible,
  type Mode,
} from './support/story.js';

/** The spec pull request the App opens: the next number after the issue. */
const PR = 13;
const FOLLOW_UP = followUpAnswer(8);
/** ANSWERS as numbered answers: `[1, 'Owners and admins only. …']`. */
const NUMBERED = [...ANSWERS.matchAll(/^(\d+)\. (.*)$/gm)].map((m) => [Number(m[1]), m[2] ?? ''] as const);

let stage: AppStage;

beforeAll(async () => {
  stage = await startAppStage(2);
});

afterAll(async () => {
  await stage.close();
});

afterEach(() => {
  stage.intercept(undefined);
});

let repositories = 0;

/** A fresh sample repository (issue #12 by mara), under a name of its own, plugged into the running servers. */
function newStory(mode: Mode = 'once'): Story {
  repositories += 1;
  const fake = sampleRepository(`app-${String(repositories)}`);
  stage.use(fake);
  return new Story(stage, fake, mode);
}

/** `/repos/acme/app-7`: where the story's repository is in the API. */
function repoPath(story: Story): string {
  return `/repos/${story.fake.owner}/${story.fake.repo}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** First visible line of a comment or summary. */
function headline(body: string | undefined): string {
  return (
    visible(body ?? '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? ''
  );
}

/** Tick every open box of task group `group` (all of them without a group) in a task file. */
function tickGroup(text: string, group?: number): string {
  return text.replace(group === undefined ? /- \[ \] /g : new RegExp(`- \\[ \\] ${String(group)}\\.`, 'g'), (m) =>
    m.replace('[ ]', '[x]'),
  );
}

/** Plays the story up to a point, each webhook once; GitHub's follow-on webhooks only if `echoes`. */
async function prepare(story: Story, until: 'shaped' | 'answered' | 'spec' | 'tasks', echoes = false): Promise<void> {
  story.echoes = echoes;
  await story.label(ISSUE, 'shape-spec', MARA);
  if (until === 'shaped') return;
  await story.comment(ISSUE, ANSWERS, MARA);
  if (until === 'answered') return;
  await story.comment(ISSUE, '/write-spec', MARA);
  if (until === 'spec') return;
  await story.comment(PR, '/create-tasks', LEE);
}

describe('the lifecycle over signed webhooks, from an issue to a green merge gate', () => {
  it('label → questions → answers folded → /write-spec → /create-tasks → checklist and failing check → push and tick → success', async () => {
    const story = newStory();
    const { fake } = story;

    // 1. mara labels the issue: a spec branch with requirements.md, a draft pull request, the questions.
    await story.label(ISSUE, 'shape-spec', MARA);
    expect(story.branches()).toEqual([BRANCH]);
    expect(story.specCommits().map((c) => [c.message.split('\n')[0], c.changed])).toEqual([
      ['Shape spec for #12: Team invites by email', [REQUIREMENTS]],
    ]);
    const requirements = story.file(REQUIREMENTS) ?? '';
    expect(requirements).toContain('# Spec Requirements: Team invites by email');
    expect(requirements).toContain('- Each invite email contains a single-use link that expires after 7 days');
    expect(requirements).toContain('- [ ] An expired or revoked link shows "This invite has expired"');
    const pull = fake.issues.get(PR);
    expect(pull?.title).toBe('Spec: Team invites by email');
    expect(pull?.pull_request).toEqual({ head: BRANCH, base: 'main', draft: true });
    expect(pull?.body).toContain(`Spec: \`${FOLDER}\``);
    const [questions, ...moreQuestions] = story.marked(ISSUE, 'questions');
    expect(moreQuestions).toEqual([]);
    const asked = visible(questions?.body ?? '');
    expect(headline(asked)).toBe('### Shaping this spec: a few questions first');
    expect(asked).toContain(`draft pull request [#${String(PR)}]`);
    expect(asked.match(/^\d+\. \*\*/gm)).toHaveLength(7);
    expect(asked).toMatch(/^6\. \*\*Existing code to reuse\.\*\*/m);
    expect(asked).toMatch(/^7\. \*\*Visual assets\.\*\*/m);
    expect(story.labels(ISSUE)).toEqual(['shape-spec', 'agent-os: shaping']);
    // GitHub's pull_request.opened for the App's own pull request: no task file yet, a neutral check.
    expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['neutral', 'No task file in this pull request'],
    ]);

    // 2. mara answers; answer 5 is too vague, so a follow-up question is asked.
    const answers = await story.comment(ISSUE, ANSWERS, MARA);
    const folded = story.file(REQUIREMENTS) ?? '';
    // Each answer word for word under its question (the vague one too, which keeps its follow-up).
    for (const [n, text] of NUMBERED)
      expect(folded).toMatch(
        new RegExp(`^\\*\\*Q${String(n)}:\\*\\* .+\\n\\*\\*Answer:\\*\\* ${escapeRegExp(text)}$`, 'm'),
      );
    expect(folded).toContain('- `src/mail/send.ts` (from the answer to the reuse question)');
    expect(story.reactionsTo(answers)).toEqual(['rocket']);
    const followUps = story.marked(ISSUE, 'follow-ups');
    expect(followUps).toHaveLength(1);
    expect(visible(followUps[0]?.body ?? '')).toContain('8. About question 5, your answer was “not sure”.');
    expect(story.specCommits()).toHaveLength(2);

    // … and answers the follow-up.
    await story.comment(ISSUE, FOLLOW_UP, MARA);
    expect(story.file(REQUIREMENTS)).toContain(`**Answer:** ${FOLLOW_UP.slice(3)}`);
    expect(story.specCommits()).toHaveLength(3);

    // 3. /write-spec: spec.md with the Agent OS sections, a reply with a link, the label moves on.
    const writeSpec = await story.comment(ISSUE, '/write-spec', MARA);
    const spec = story.file(SPEC) ?? '';
    const headings = spec.match(/^## .+$/gm) ?? [];
    expect(headings).toEqual([
      '## Goal',
      '## User Stories',
      '## Specific Requirements',
      '## Visual Design',
      '## Existing Code to Leverage',
      '## Out of Scope',
    ]);
    expect(spec.split('\n', 1)[0]).toBe('# Specification: Team invites by email');
    expect(spec).toContain(
      '- Pending invites are listed with their status (`pending`, `accepted`, `expired`) and can be revoked',
    );
    expect(spec).toContain(
      "**Answer:** Owners and admins only. Regular members shouldn't see the invite button at all.",
    );
    expect(spec).toContain(`**Answer:** ${FOLLOW_UP.slice(3)}`);
    // Each answer where it answers: the data answer is a requirement (and so a task), the scope answer is out of scope.
    expect(spec).toContain(
      '**6. Data: No, we need a new invites table (email, role, token hash, expires_at); nothing existing needs migrating**',
    );
    expect(spec).toContain('- inviting people to several workspaces at once. (from the answer to Q2)');
    expect(spec).toContain('- `src/mail/send.ts`');
    expect(spec).toContain('- SSO / SCIM provisioning');
    const specReply = story.marked(ISSUE, 'reply');
    expect(specReply).toHaveLength(1);
    expect(visible(specReply[0]?.body ?? '')).toBe(
      `[\`spec.md\`](${fake.html}/blob/${BRANCH}/${SPEC}) was written from \`requirements.md\` on \`${BRANCH}\`: 4 functional requirements, ` +
        '2 acceptance criteria, 8 decisions from the discussion (0 defaults accepted), 2 out-of-scope items. Review it in the spec pull request.',
    );
    expect(story.reactionsTo(writeSpec)).toEqual(['eyes', 'rocket']);
    expect(story.labels(ISSUE)).toEqual(['shape-spec', 'agent-os: spec written']);
    expect(story.specCommits().at(-1)?.changed).toEqual([SPEC]);

    // 4. /create-tasks on the pull request: tasks.md, the checklist comment, a failing check.
    const createTasks = await story.comment(PR, '/create-tasks', LEE);
    const tasksText = story.file(TASKS) ?? '';
    const tasks = parseTaskFile(tasksText, { path: TASKS });
    expect(tasks.dialect).toBe('agent-os');
    expect(tasks.diagnostics).toEqual([]);
    expect(tasks.groups.filter((g) => g.tasks.length > 0).map((g) => g.title)).toEqual([
      'Task Group 1: Data Models and Persistence',
      'Task Group 2: Core Logic',
      'Task Group 3: User Interface',
      'Task Group 4: Test Review and Gap Analysis',
    ]);
    expect(tasks.tasks.filter((t) => /^Implement Specific Requirement \d+:/.test(t.text)).map((t) => t.id)).toEqual([
      '1.2',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '2.7',
      '3.2',
    ]);
    const required = tasks.tasks.filter((t) => t.required).length;
    expect(required).toBe(23);
    expect(tasks.tasks.some((t) => t.complete)).toBe(false);
    expect(story.specCommits().at(-1)?.changed).toEqual([TASKS]);
    expect(visible(story.marked(PR, 'reply')[0]?.body ?? '')).toContain(
      'was written from `spec.md`: 23 tasks in 4 task groups, covering 8 specific requirements. The checklist on #13 follows it, and the `Agent OS: tasks` check fails until its tasks are ticked.',
    );
    expect(story.reactionsTo(createTasks)).toEqual(['eyes', 'rocket']);
    const checklist = story.checklist(PR);
    expect(headline(checklist?.body)).toBe('### Agent OS tasks: 0 of 23 required tasks complete');
    expect(visible(checklist?.body ?? '').match(/^ *- \[ \] /gm)).toHaveLength(23);
    const [created, ...extraRuns] = story.runsOn(story.head());
    expect(extraRuns).toEqual([]);
    expect([created?.conclusion, created?.output.title]).toEqual(['failure', '0 of 23 tasks complete']);
    expect(created?.output.annotations).toHaveLength(23);

    // 5. lee pushes work that ticks Task Group 1 in tasks.md.
    await story.push(PR, LEE, 'Add the invites table and the invite API', (files) => {
      files.set('db/migrations/20260316_create_invites.sql', 'CREATE TABLE invites (id uuid PRIMARY KEY);\n');
      files.set(TASKS, tickGroup(files.get(TASKS) ?? '', 1));
    });
    expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['failure', '4 of 23 tasks complete'],
    ]);
    expect(headline(story.checklist(PR)?.body)).toBe('### Agent OS tasks: 4 of 23 required tasks complete');

    // 6. lee ticks 2.1 in the checklist comment: the App commits exactly that box, naming him.
    const comment = story.checklist(PR);
    if (!comment) throw new Error('no checklist comment');
    const before = story.file(TASKS) ?? '';
    const tick = tickInChecklist(comment.body, '2.1');
    await story.edit(comment, tick.body, LEE);
    const ticked = story.specCommits().at(-1);
    expect(ticked?.message).toBe('Tick 2.1 in tasks.md\n\n@lee ticked it in the checklist of #13.');
    expect(ticked?.changed).toEqual([TASKS]);
    const after = story.file(TASKS) ?? '';
    expect(after.length).toBe(before.length);
    const differing = Array.from({ length: after.length }, (_, i) => i).filter((i) => after[i] !== before[i]);
    expect(differing.map((i) => [before[i], after[i]])).toEqual([[' ', 'x']]);
    expect(parseTaskFile(after, { path: TASKS }).tasks.find((t) => t.id === '2.1')?.complete).toBe(true);
    expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['failure', '5 of 23 tasks complete'],
    ]);
    expect(headline(story.checklist(PR)?.body)).toBe('### Agent OS tasks: 5 of 23 required tasks complete');
    expect(visible(story.checklist(PR)?.body ?? '')).toMatch(/^ {2}- \[x\] 2\.1 Write 2-8 focused tests/m);

    // 7. lee pushes the rest: the gate turns green.
    await story.push(PR, LEE, 'Invite dialog, pending invites tab and the accept flow', (files) => {
      files.set(TASKS, tickGroup(files.get(TASKS) ?? ''));
    });
    expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['success', '23 of 23 tasks complete'],
    ]);
    expect(headline(story.checklist(PR)?.body)).toBe('### Agent OS tasks: 23 of 23 required tasks complete');
    expect(parseTaskFile(story.file(TASKS) ?? '', { path: TASKS }).tasks.every((t) => t.complete)).toBe(true);
    // Green on the whole spec: the verification report lands on the branch, once.
    expect(story.specCommits().at(-1)?.changed).toEqual([VERIFICATION]);
    expect(story.file(VERIFICATION)).toMatch(
      /^# Verification Report: Team invites by email\n[\s\S]*## 1\. Tasks Verification\n\n\*\*Status:\*\* ✅ All complete/,
    );

    // In all: one branch, one pull request, one checklist, no failure reported, every webhook answered 200.
    expect(story.specCommits()).toHaveLength(9);
    expect(story.pullRequests()).toEqual([PR]);
    expect(story.marked(PR, 'checklist')).toHaveLength(1);
    expect([...story.marked(ISSUE, 'failed'), ...story.marked(PR, 'failed')]).toEqual([]);
    expect(story.answered.filter((a) => a.status !== 200)).toEqual([]);
    // Every request the App sent is one GitHub's REST description allows: route, path and query parameters, body.
    expect(documentedRouteCount()).toBeGreaterThan(1000);
    expect(refusedRequests(fake.requests)).toEqual([]);
    expect(fake.invalidRequests).toEqual([]);
  });
});

/** Plays the whole story and checks after each step that nothing was written twice. */
async function playCounting(story: Story): Promise<void> {
  const commitsAfter: number[] = [];
  const step = async (act: () => Promise<unknown>) => {
    await act();
    commitsAfter.push(story.specCommits().length);
    expect(story.branches()).toEqual([BRANCH]);
    expect(story.pullRequests()).toEqual([PR]);
    expect(story.marked(ISSUE, 'questions')).toHaveLength(1);
  };
  await step(() => story.label(ISSUE, 'shape-spec', MARA));
  await step(() => story.comment(ISSUE, ANSWERS, MARA));
  await step(() => story.comment(ISSUE, FOLLOW_UP, MARA));
  const writeSpec = story.comment(ISSUE, '/write-spec', MARA);
  await step(() => writeSpec);
  const createTasks = story.comment(PR, '/create-tasks', LEE);
  await step(() => createTasks);
  await step(() =>
    story.push(PR, LEE, 'Work on Task Group 1', (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? '', 1))),
  );
  await step(async () => {
    const comment = story.checklist(PR);
    if (!comment) throw new Error('no checklist comment');
    await story.edit(comment, tickInChecklist(comment.body, '2.1').body, LEE);
  });
  await step(() => story.push(PR, LEE, 'The rest', (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? ''))));

  // One commit per step, as when each webhook came once: shape, 2 folds, spec, tasks, push, tick, push (and the
  // verification report it turns green).
  expect(commitsAfter).toEqual([1, 2, 3, 4, 5, 6, 7, 9]);
  expect(story.specCommits().map((c) => c.message.split('\n')[0])).toEqual([
    'Shape spec for #12: Team invites by email',
    'Fold answers from @mara into the requirements for #12',
    'Fold answers from @mara into the requirements for #12',
    'Write spec for #12: Team invites by email',
    'Create tasks for #12: Team invites by email',
    'Work on Task Group 1',
    'Tick 2.1 in tasks.md',
    'The rest',
    'Verify #12: every required task is complete',
  ]);
  expect(story.marked(ISSUE, 'follow-ups')).toHaveLength(1);
  expect(story.marked(ISSUE, 'reply')).toHaveLength(1);
  expect(story.marked(PR, 'reply')).toHaveLength(1);
  expect(story.marked(PR, 'checklist')).toHaveLength(1);
  expect([...story.marked(ISSUE, 'failed'), ...story.marked(PR, 'failed')]).toEqual([]);
  expect(story.reactionsTo(await writeSpec)).toEqual(['eyes', 'rocket']);
  expect(story.reactionsTo(await createTasks)).toEqual(['eyes', 'rocket']);
  // One check run per commit of the pull request, the last one green.
  const heads = [...new Set(story.fake.checkRuns.map((r) => r.head_sha))];
  expect(heads.map((sha) => story.runsOn(sha).length)).toEqual(heads.map(() => 1));
  expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title])).toEqual([
    ['success', '23 of 23 tasks complete'],
  ]);
  expect(headline(story.checklist(PR)?.body)).toBe('### Agent OS tasks: 23 of 23 required tasks complete');
  expect(story.answered.filter((a) => a.status !== 200)).toEqual([]);
}

describe('idempotency: redelivered and simultaneous webhooks change nothing more', () => {
  it('every webhook of the story delivered 3 times to one server (2 copies at once, then a redelivery, same X-GitHub-Delivery)', async () => {
    const story = newStory('redelivered');
    await playCounting(story);
    // Each person's webhook and each follow-on webhook went out 3 times.
    expect(story.answered.length).toBeGreaterThanOrEqual(3 * 10);
    expect(story.answered.length % 3).toBe(0);
  });

  it('the same label delivered to two replicas at once (in step), then redelivered: one branch, one commit, one pull request, one questions comment', async () => {
    const story = newStory('replicas');
    // In step: both look for the spec branch before either creates it.
    stage.intercept(
      barrier((r: FakeRequest) => r.method === 'GET' && r.path.startsWith(`${repoPath(story)}/git/matching-refs/`), 2),
    );
    await story.label(ISSUE, 'shape-spec', MARA);
    expect(story.branches()).toEqual([BRANCH]);
    expect(story.specCommits()).toHaveLength(1);
    expect(story.pullRequests()).toEqual([PR]);
    expect(story.marked(ISSUE, 'questions')).toHaveLength(1);
    expect(story.marked(ISSUE, 'reply')).toEqual([]);
    expect(story.marked(ISSUE, 'failed')).toEqual([]);
    expect(story.labels(ISSUE)).toEqual(['shape-spec', 'agent-os: shaping']);
    expect(story.answered.filter((a) => a.status !== 200)).toEqual([]);
  });

  // The second replica runs a few requests behind: it reads the issue's comments before the first posts the
  // questions, then finds the branch the first created and finishes the shaping from its stale comment list. It
  // reads the comments again after posting, and the newer of the two questions comments goes.
  it('the same label delivered to two replicas a moment apart leaves one questions comment', async () => {
    const story = newStory();
    const at = repoPath(story);
    let listed = 0;
    let looked = 0;
    let branchCreated = false;
    // Both replicas read the comments before either posts one; the second looks for the spec branch only once the
    // first has created it.
    stage.intercept((r: FakeRequest) => {
      if (!r.path.startsWith(`${at}/`)) return undefined;
      const path = r.path.slice(at.length);
      if (r.method === 'GET' && path === '/issues/12/comments') listed += 1;
      if (r.method === 'POST' && path === '/issues/12/comments') return until(() => listed >= 2);
      if (r.method === 'POST' && path === '/git/refs') branchCreated = true;
      if (r.method === 'GET' && path.startsWith('/git/matching-refs/')) {
        looked += 1;
        if (looked === 2) return until(() => branchCreated);
      }
      return undefined;
    });
    story.fake.issues.get(ISSUE)?.labels.push('shape-spec');
    const labeled = labelEvent(story.fake, ISSUE, 'shape-spec', MARA);
    const id = randomUUID();
    expect(await Promise.all([0, 1].map((replica) => story.post(labeled, { id, replica })))).toEqual([200, 200]);
    expect(story.branches()).toEqual([BRANCH]);
    expect(story.specCommits()).toHaveLength(1);
    expect(story.pullRequests()).toEqual([PR]);
    expect(story.marked(ISSUE, 'questions')).toHaveLength(1);
  });

  // GitHub sends pull_request.synchronize and check_suite.requested for the same push at the same moment; only the
  // first gates, so two replicas cannot each create a run on the new head (check runs cannot be deleted).
  it('one push, whose pull_request.synchronize and check_suite.requested land on two replicas at once, gets one check run', async () => {
    const story = newStory();
    await prepare(story, 'tasks');
    const before = story.head();
    const sha = story.fake.git.commitOnBranch(
      BRANCH,
      (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? '', 1)),
      'Work on Task Group 1',
    ).sha;
    // Were both replicas to gate the push, both would look for the run on the new head before either created one:
    // the first look is held until a second arrives, or until replica 1 has done its work without looking (no timer).
    const runs = `${repoPath(story)}/commits/${sha}/check-runs`;
    let looks = 0;
    let replicaOneDone = false;
    stage.intercept((r: FakeRequest) => {
      if (r.method !== 'GET' || r.path !== runs || looks >= 2) return undefined;
      looks += 1;
      return until(() => looks >= 2 || replicaOneDone);
    });
    const repository = `${story.fake.owner}/${story.fake.repo}`;
    const answers = await Promise.all([
      story.post(pullRequestEvent(story.fake, PR, LEE, 'synchronize', { before }), { replica: 0 }),
      story
        .post(checkSuiteRequested(story.fake, BRANCH, before), { replica: 1, answerOnly: true })
        .then(async (status) => {
          await stage.apps[1]?.idle(repository);
          replicaOneDone = true;
          wake();
          return status;
        }),
    ]);
    await stage.idle(repository);
    expect(answers).toEqual([200, 200]);
    expect(story.runsOn(sha).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['failure', '4 of 22 tasks complete'],
    ]);
  });

  // A burst: 20 webhooks for one head commit at the same moment (a busy organisation, a proxy retrying). The ones
  // that arrive while its gate waits in the queue join it; at most one more evaluation follows the last arrival.
  it('20 pull_request deliveries for one head at once, answered before their work: at most 2 gate evaluations, one check run, the checklist synced at most twice', async () => {
    const story = newStory();
    await prepare(story, 'tasks');
    const before = story.head();
    const sha = story.fake.git.commitOnBranch(
      BRANCH,
      (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? '', 1)),
      'Work on Task Group 1',
    ).sha;
    const gateRuns = async () => Number(/^agent_os_gate_runs_total (\S+)$/m.exec(await stage.metrics(0))?.[1]);
    const runsBefore = await gateRuns();
    const from = story.fake.requests.length;
    const delivery = pullRequestEvent(story.fake, PR, LEE, 'synchronize', { before });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => story.post(delivery, { replica: 0, answerOnly: true })),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => 200));
    await stage.idle(`${story.fake.owner}/${story.fake.repo}`);

    expect((await gateRuns()) - runsBefore).toBeLessThanOrEqual(2);
    // Issue #18: the whole burst costs at most 20 requests to GitHub (304s included), one per delivery at most.
    expect(story.fake.requests.length - from).toBeLessThanOrEqual(20);
    expect(story.runsOn(sha).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['failure', '4 of 22 tasks complete'],
    ]);
    const checklistEdits = story.writesSince(from).filter((w) => w.startsWith('PATCH /issues/comments/'));
    expect(checklistEdits.length).toBeGreaterThanOrEqual(1);
    expect(checklistEdits.length).toBeLessThanOrEqual(2);
    expect(headline(story.checklist(PR)?.body)).toBe('### Agent OS tasks: 4 of 22 required tasks complete');
  });

  // A command delivered to two replicas at once (a queue or proxy retrying a slow delivery): the replica that loses
  // the race to write tasks.md finds the very text it meant to write, and finishes quietly.
  it('a /create-tasks delivered to two replicas at once is done once and reported once, as a success', async () => {
    const story = newStory();
    await prepare(story, 'spec');
    const command = story.fake.addComment(PR, '/create-tasks', LEE);
    const delivery = commentEvent(story.fake, command, LEE);
    // Both replicas find no tasks.md before either writes it.
    stage.intercept(
      barrier((r: FakeRequest) => r.method === 'GET' && r.path === `${repoPath(story)}/contents/${TASKS}`, 2),
    );
    const id = randomUUID();
    expect(await Promise.all([0, 1].map((replica) => story.post(delivery, { id, replica })))).toEqual([200, 200]);
    expect(story.specCommits().filter((c) => c.changed.includes(TASKS))).toHaveLength(1);
    expect(story.marked(PR, 'reply').map((c) => visible(c.body))).toEqual([
      expect.stringContaining('was written from `spec.md`'),
    ]);
    expect(story.marked(PR, 'failed').map((c) => visible(c.body))).toEqual([]);
    expect(story.reactionsTo(command)).toEqual(['eyes', 'rocket']);
  });
});

const SECONDARY_RATE_LIMIT = {
  status: 403,
  headers: { 'retry-after': '1' },
  body: { message: 'You have exceeded a secondary rate limit' },
};
const BAD_GATEWAY = { status: 502, body: { message: 'Server Error' } };

interface FaultCase {
  route: string;
  method: string;
  path: RegExp;
  /** The step whose write fails. */
  step: 'shape' | 'write-spec' | 'create-tasks';
  /** The statuses of that route's requests after a secondary rate limit, before the next event. */
  afterRateLimit: number[];
}

const FAULT_ROUTES: FaultCase[] = [
  {
    route: 'POST git/refs (the spec branch)',
    method: 'POST',
    path: /^\/repos\/acme\/[\w-]+\/git\/refs$/,
    step: 'shape',
    afterRateLimit: [403],
  },
  {
    route: 'POST pulls (the spec pull request)',
    method: 'POST',
    path: /^\/repos\/acme\/[\w-]+\/pulls$/,
    step: 'shape',
    afterRateLimit: [403],
  },
  // The second request is the failure report itself, on the same route.
  {
    route: 'POST issues/12/comments (the questions)',
    method: 'POST',
    path: /^\/repos\/acme\/[\w-]+\/issues\/12\/comments$/,
    step: 'shape',
    afterRateLimit: [403, 201],
  },
  {
    route: 'PUT contents (spec.md)',
    method: 'PUT',
    path: new RegExp(`^/repos/acme/[\\w-]+/contents/${SPEC}$`),
    step: 'write-spec',
    afterRateLimit: [403],
  },
  // The second request is the check run saying it could not check.
  {
    route: 'POST check-runs (the gate after /create-tasks)',
    method: 'POST',
    path: /^\/repos\/acme\/[\w-]+\/check-runs$/,
    step: 'create-tasks',
    afterRateLimit: [403, 201],
  },
];

/** The statuses GitHub answered to the requests of a route, in order (from the `from`th exchange on). */
function statusesOf(story: Story, fault: FaultCase, from = 0): number[] {
  return story.fake.exchanges
    .slice(from)
    .filter((e) => e.request.method === fault.method && fault.path.test(e.request.path))
    .map((e) => e.response.status);
}

/** The story up to the step before the failing one, each webhook once. */
async function upTo(story: Story, step: FaultCase['step']): Promise<void> {
  if (step === 'shape') return;
  await prepare(story, step === 'write-spec' ? 'answered' : 'spec');
}

/** The failing step, by a person; GitHub's follow-on webhooks are held back. */
async function act(story: Story, step: FaultCase['step']) {
  story.echoes = false;
  if (step === 'shape') {
    await story.label(ISSUE, 'shape-spec', MARA);
    return undefined;
  }
  return story.comment(
    step === 'write-spec' ? ISSUE : PR,
    step === 'write-spec' ? '/write-spec' : '/create-tasks',
    step === 'write-spec' ? MARA : LEE,
  );
}

/** The step's job, done exactly once. */
function expectDone(story: Story, step: FaultCase['step']): void {
  expect(story.branches()).toEqual([BRANCH]);
  expect(story.pullRequests()).toEqual([PR]);
  expect(story.marked(ISSUE, 'questions')).toHaveLength(1);
  expect(story.labels(ISSUE)).toContain(step === 'shape' ? 'agent-os: shaping' : 'agent-os: spec written');
  const expected = { shape: 1, 'write-spec': 3, 'create-tasks': 4 }[step];
  expect(story.specCommits()).toHaveLength(expected);
  if (step === 'write-spec') {
    expect(story.file(SPEC)).toContain('## Specific Requirements');
    expect(story.marked(ISSUE, 'reply').map((c) => visible(c.body))).toEqual([
      expect.stringContaining('was written from `requirements.md`'),
    ]);
  }
  if (step === 'create-tasks') {
    expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title, r.output.annotations.length])).toEqual([
      ['failure', '0 of 22 tasks complete', 22],
    ]);
    expect(story.marked(PR, 'checklist')).toHaveLength(1);
  }
}

describe('GitHub failing a write: the App retries, or says so and the next event finishes the job', () => {
  // Each case has a repository of its own, so the cases run at once (Probot's retry waits overlap).
  it.concurrent.each(FAULT_ROUTES)(
    '$route answering 502 once: retried, and the job is done in the same delivery',
    async (fault) => {
      const story = newStory();
      await upTo(story, fault.step);
      story.fake.faults.push({ method: fault.method, path: fault.path, ...BAD_GATEWAY });
      // Earlier steps may use the route too (shape-spec reports its pull request's first check run).
      const from = story.fake.exchanges.length;
      await act(story, fault.step);
      // Probot's retry plugin sent it again a few seconds later (4 s here), and GitHub took it.
      const [first, retried] = statusesOf(story, fault, from);
      expect(first).toBe(502);
      expect(retried).toBeGreaterThanOrEqual(200);
      expect(retried).toBeLessThan(300);
      expectDone(story, fault.step);
      expect([...story.marked(ISSUE, 'failed'), ...story.marked(PR, 'failed')]).toEqual([]);
      expect(story.answered.every((a) => a.status === 200)).toBe(true);
    },
  );

  it.concurrent.each(FAULT_ROUTES)(
    '$route hitting a secondary rate limit: reported, and the next event finishes with nothing written twice',
    async (fault) => {
      const story = newStory();
      await upTo(story, fault.step);
      story.fake.faults.push({ method: fault.method, path: fault.path, ...SECONDARY_RATE_LIMIT });
      const from = story.fake.exchanges.length;
      const command = await act(story, fault.step);
      expect(story.answered.every((a) => a.status === 200)).toBe(true);

      // What people see right after the failure.
      if (fault.step === 'create-tasks') {
        // tasks.md and its checklist are there; the check run says it could not check (rather than nothing at all).
        expect(story.file(TASKS)).toBeDefined();
        const runs = story.runsOn(story.head());
        expect(runs.map((r) => [r.conclusion, r.output.title])).toEqual([['failure', 'Could not check the tasks']]);
        expect(runs[0]?.output.summary).toContain('GitHub answered 403 (You have exceeded a secondary rate limit');
        expect(runs[0]?.output.summary).toContain('Use **Re-run** on this check to try again.');
      } else {
        const [failure, ...more] = story.marked(ISSUE, 'failed');
        expect(more).toEqual([]);
        const text = visible(failure?.body ?? '');
        expect(text).toContain('GitHub answered 403 (You have exceeded a secondary rate limit');
        expect(text).toContain('GitHub is rate limiting requests; the next event or a re-run will finish the job.');
        if (fault.step === 'shape') {
          expect(text).toMatch(/^Could not shape this issue into a spec: /);
          expect(text).toContain('remove and add the `shape-spec` label again, or comment `/shape-spec`, to finish.');
        } else {
          expect(text).toMatch(
            /^`\/write-spec` failed: Writing agent-os\/specs\/2026-03-14-team-invites-by-email\/spec\.md failed: /,
          );
          expect(story.file(SPEC)).toBeUndefined();
          if (command) expect(story.reactionsTo(command)).toEqual(['eyes', 'confused']);
        }
      }
      // Nothing half-written: at most the branch with its one commit.
      expect(story.branches().length).toBeLessThanOrEqual(1);
      expect(story.specCommits().length).toBeLessThanOrEqual(
        { shape: 1, 'write-spec': 2, 'create-tasks': 4 }[fault.step],
      );
      // Probot does not retry a secondary rate limit (its onSecondaryRateLimit only logs): the write was sent once.
      expect(statusesOf(story, fault, from)).toEqual(fault.afterRateLimit);

      // The next event: GitHub's "Redeliver" of the same webhook, or (after /create-tasks) the pull_request event
      // GitHub sends for the App's commit.
      story.echoes = true;
      if (fault.step === 'create-tasks') {
        const before = story.specCommits().at(-2)?.sha ?? '';
        await story.deliver(pullRequestEvent(story.fake, PR, BOT, 'synchronize', { before }));
      } else {
        await story.redeliver();
      }
      expectDone(story, fault.step);
      // The failure report stays one comment (it is not repeated), and the job was done once.
      expect([...story.marked(ISSUE, 'failed'), ...story.marked(PR, 'failed')]).toHaveLength(
        fault.step === 'create-tasks' ? 0 : 1,
      );
      // … and, now that the redelivery went through, it says so instead of "failed".
      if (fault.step !== 'create-tasks')
        expect(headline(story.marked(ISSUE, 'failed')[0]?.body)).toMatch(
          /^✅ \*\*Done on a later try\.\*\* (Shaping this issue into a spec|`\/write-spec`) went through when it was tried again/,
        );
      if (command && fault.step === 'write-spec')
        expect(story.reactionsTo(command)).toEqual(['eyes', 'confused', 'rocket']);
      expect(story.answered.every((a) => a.status === 200)).toBe(true);
    },
  );

  // GitHub answers 409 to a contents write whose blob sha is stale (someone pushed in between). Resending the same
  // write can never succeed: after a 409 the App reads the file again before writing it again (found by this suite).
  it.concurrent(
    'a tick whose write GitHub answers 409 (tasks.md changed meanwhile) is retried on a fresh read, not resent as it was',
    async () => {
      const story = newStory();
      await prepare(story, 'tasks');
      const comment = story.checklist(PR);
      if (!comment) throw new Error('no checklist comment');
      story.fake.faults.push({
        method: 'PUT',
        path: new RegExp(`/contents/${TASKS}$`),
        status: 409,
        body: { message: `${TASKS} does not match the sha` },
      });
      const from = story.fake.requests.length;
      await story.edit(comment, tickInChecklist(comment.body, '1.1').body, LEE);
      const after = story.fake.requests.slice(from).map((r) => `${r.method} ${r.path.replace(repoPath(story), '')}`);
      const put = `PUT /contents/${TASKS}`;
      const first = after.indexOf(put);
      const second = after.indexOf(put, first + 1);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(second).toBeGreaterThan(first);
      expect(after.slice(first + 1, second)).toContain(`GET /contents/${TASKS}`);
      expect(story.specCommits().at(-1)?.message).toBe(
        'Tick 1.1 in tasks.md\n\n@lee ticked it in the checklist of #13.',
      );
    },
  );

  // GitHub's 422 "sha wasn't supplied" (the file was created between the App's read and its write) is a conflict,
  // and the failure comment quotes GitHub (it once read "[object Object]", found by this suite).
  it.concurrent(
    'when spec.md appears between the App’s read and its write, the failure comment quotes GitHub',
    async () => {
      const story = newStory();
      await prepare(story, 'answered');
      story.fake.faults.push({
        method: 'PUT',
        path: new RegExp(`/contents/${SPEC}$`),
        status: 422,
        body: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' },
      });
      await story.comment(ISSUE, '/write-spec', MARA);
      const [failure] = story.marked(ISSUE, 'failed').map((c) => visible(c.body));
      expect(failure).toMatch(
        /^`\/write-spec` failed: Writing agent-os\/specs\/2026-03-14-team-invites-by-email\/spec\.md failed: GitHub answered \d{3} \(Invalid request/,
      );
      expect(failure).not.toContain('[object Object]');
    },
  );
});

describe('security and people’s work', () => {
  it('a forged or missing signature is refused with 400, and GitHub is not called at all', async () => {
    const story = newStory();
    story.fake.issues.get(ISSUE)?.labels.push('shape-spec');
    const labeled = labelEvent(story.fake, ISSUE, 'shape-spec', MARA);
    const forged = await story.post(labeled, { signature: 'forged' });
    const missing = await story.post(labeled, { signature: 'missing' });
    // Work queued for this repository would show in its GitHub: wait until no replica has any, then look.
    await story.stage.idle(`${story.fake.owner}/${story.fake.repo}`);
    expect([forged, missing]).toEqual([400, 400]);
    expect(story.fake.requests).toEqual([]);
    expect(story.branches()).toEqual([]);
  });

  it('a read-only user’s /write-spec gets one refusal and changes nothing else', async () => {
    const story = newStory();
    await prepare(story, 'answered');
    const from = story.fake.requests.length;
    const command = await story.comment(ISSUE, '/write-spec', RITA);
    expect(story.writesSince(from)).toEqual(['POST /issues/12/comments']);
    expect(story.marked(ISSUE, 'reply').map((c) => visible(c.body))).toEqual([
      '@rita `/write-spec` needs write permission on this repository, and you have read. Nothing was changed.',
    ]);
    expect(story.reactionsTo(command)).toEqual([]);
    expect(story.file(SPEC)).toBeUndefined();
    expect(story.labels(ISSUE)).toEqual(['shape-spec', 'agent-os: shaping']);
  });

  it('a read-only user’s tick in the checklist is put back, with one reply, and tasks.md is not touched', async () => {
    const story = newStory();
    await prepare(story, 'tasks');
    const comment = story.checklist(PR);
    if (!comment) throw new Error('no checklist comment');
    const original = comment.body;
    const commits = story.specCommits().length;
    const from = story.fake.requests.length;
    await story.edit(comment, tickInChecklist(original, '1.1').body, RITA);
    expect(story.writesSince(from)).toEqual([
      `PATCH /issues/comments/${String(comment.id)}`,
      'POST /issues/13/comments',
    ]);
    expect(comment.body).toBe(original);
    expect(visible(story.marked(PR, 'reply').at(-1)?.body ?? '')).toBe(
      '@rita ticking tasks here needs write permission on this repository, and you have read, so the checklist was put back as it was. Nothing was changed.',
    );
    expect(story.specCommits()).toHaveLength(commits);
  });

  it('spec.md edited by hand on the spec branch is kept by /write-spec, which says so', async () => {
    const story = newStory();
    await prepare(story, 'spec');
    const edited = `${story.file(SPEC) ?? ''}\nA note by lee: invites must also work for SSO users later.\n`.replace(
      '## Goal',
      '## Goal\n\nShip invites before the Q3 launch.',
    );
    story.commitByHand(BRANCH, 'Edit the spec by hand', (files) => files.set(SPEC, edited));
    const commits = story.specCommits().length;
    await story.comment(ISSUE, '/write-spec', MARA);
    expect(story.file(SPEC)).toBe(edited);
    expect(story.specCommits()).toHaveLength(commits);
    expect(visible(story.marked(ISSUE, 'reply').at(-1)?.body ?? '')).toContain(
      'was changed by someone since the App wrote it, so it was left as it is. Comment `/write-spec --force` to write it again',
    );
  });

  it('tasks.md edited by hand is kept by a second /create-tasks, which says so', async () => {
    const story = newStory();
    await prepare(story, 'tasks');
    const edited = `${story.file(TASKS) ?? ''}\n- [ ] 3.5 Load-test the invite endpoint\n`;
    story.commitByHand(BRANCH, 'Add a task by hand', (files) => files.set(TASKS, edited));
    const commits = story.specCommits().length;
    await story.comment(PR, '/create-tasks', MARA);
    expect(story.file(TASKS)).toBe(edited);
    expect(story.specCommits()).toHaveLength(commits);
    expect(visible(story.marked(PR, 'reply').at(-1)?.body ?? '')).toContain(
      'already exists on `agent-os/12-team-invites-by-email`, so it was left as it is.',
    );
  });

  it('a tick in a checklist older than a hand edit of tasks.md lands on top of the edit, which is kept', async () => {
    const story = newStory();
    await prepare(story, 'tasks');
    const comment = story.checklist(PR);
    if (!comment) throw new Error('no checklist comment');
    const edited = (story.file(TASKS) ?? '').replace(
      '## Execution Order',
      '## Notes\n\nDesign review on Friday.\n\n## Execution Order',
    );
    story.commitByHand(BRANCH, 'A note by hand', (files) => files.set(TASKS, edited));
    await story.edit(comment, tickInChecklist(comment.body, '1.1').body, LEE);
    const after = story.file(TASKS) ?? '';
    expect(after).toContain('Design review on Friday.');
    expect(after).toBe(edited.replace('- [ ] 1.1 ', '- [x] 1.1 '));
    expect(story.specCommits().at(-1)?.message).toBe('Tick 1.1 in tasks.md\n\n@lee ticked it in the checklist of #13.');
  });

  it('requirements.md edited by hand keeps the hand edit: later answers are not folded, and the reply says so', async () => {
    const story = newStory();
    await prepare(story, 'shaped');
    const edited = (story.file(REQUIREMENTS) ?? '').replace(
      '## Visual Assets',
      '## Visual Assets\n\nSee the Figma file from the kickoff.',
    );
    story.commitByHand(BRANCH, 'Edit the requirements by hand', (files) => files.set(REQUIREMENTS, edited));
    await story.comment(ISSUE, '1. Owners only.', MARA);
    expect(story.file(REQUIREMENTS)).toBe(edited);
    expect(visible(story.marked(ISSUE, 'reply').at(-1)?.body ?? '')).toContain(
      '@mara `agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md` was changed by hand since the App last wrote it, so these answers were not folded in (nothing is overwritten).',
    );
  });
});

describe('the bundled Action on a pull_request event (node dist/index.js, as a runner runs it)', () => {
  const TASK_FILE = `# Task Breakdown: Team invites by email

## Task List

#### Task Group 1: API and Core Logic

**Dependencies:** None

- [ ] 1.0 Complete the API and core logic
  - [ ] 1.1 Write 2-8 focused tests for invites
  - [ ] 1.2 Implement the invite endpoint

#### Task Group 2: User Interface

**Dependencies:** Task Group 1

- [ ] 2.0 Complete the user interface
  - [ ] 2.1 Add the invite dialog
`;
  let fake: FakeGitHub;
  let api: FakeGitHubServer;
  let workdir: string;

  beforeEach(async () => {
    fake = new FakeGitHub();
    fake.permissions.set('lee', 'write');
    fake.addIssue({ number: ISSUE, title: 'Team invites by email', body: 'Invites by email.', user: MARA });
    fake.git.refs.set(`heads/${BRANCH}`, fake.git.resolve('main')?.sha ?? '');
    fake.git.commitOnBranch(BRANCH, (files) => files.set(TASKS, TASK_FILE), 'Create tasks');
    fake.addIssue({
      number: PR,
      title: 'Spec: Team invites by email',
      body: `Spec for #12\n\nSpec: \`${FOLDER}\``,
      user: BOT,
      pull_request: { head: BRANCH, base: 'main', draft: false },
    });
    api = await serveFakeGitHub(fake);
    workdir = await mkdtemp(join(tmpdir(), 'agent-os-e2e-action-'));
  });

  afterEach(async () => {
    await api.close();
    await rm(workdir, { recursive: true, force: true });
  });

  const action = (eventName: string, payload: object, runId: string) =>
    runAction({ apiUrl: api.url, workdir, eventName, payload, runId });
  const checklists = () =>
    fake.comments.filter((c) => c.user.type === 'Bot' && c.body.startsWith('<!-- agent-os-github:checklist'));

  it('posts the checklist comment and fails the job while tasks are open; a push ticking them all makes it pass, same comment', async () => {
    const opened = await action('pull_request', pullRequestEvent(fake, PR, LEE, 'opened').payload, '501');
    expect(opened.code).toBe(1);
    expect(opened.stdout).toContain('::error::0 of 5 tasks complete');
    expect(opened.stdout).toContain(
      `::error title=Task 1.1 is open,file=${TASKS},line=10::Write 2-8 focused tests for invites`,
    );
    expect(opened.outputs).toMatchObject({
      conclusion: 'failure',
      tasks: '5',
      required: '5',
      complete: '0',
      incomplete: '5',
    });
    expect(opened.summary).toContain('0 of 5 required tasks complete');
    expect(checklists()).toHaveLength(1);
    expect(headline(checklists()[0]?.body)).toBe('### Agent OS tasks: 0 of 5 required tasks complete');
    expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

    const before = fake.git.resolve(BRANCH)?.sha ?? '';
    fake.git.commitOnBranch(BRANCH, (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? '')), 'All done');
    const pushed = await action(
      'pull_request',
      pullRequestEvent(fake, PR, LEE, 'synchronize', { before }).payload,
      '502',
    );
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).not.toContain('::error');
    expect(pushed.outputs).toMatchObject({ conclusion: 'success', complete: '5', incomplete: '0' });
    expect(checklists()).toHaveLength(1);
    expect(headline(checklists()[0]?.body)).toBe('### Agent OS tasks: 5 of 5 required tasks complete');
    expect(fake.checkRuns).toEqual([]);
  });

  it('on issue_comment.edited, commits a tick made in the checklist comment to tasks.md', async () => {
    await action('pull_request', pullRequestEvent(fake, PR, LEE, 'opened').payload, '601');
    const comment = checklists()[0];
    if (!comment) throw new Error('no checklist comment');
    const previous = comment.body;
    comment.body = tickInChecklist(previous, '1.1').body;
    const ticked = await action('issue_comment', commentEvent(fake, comment, LEE, 'edited', previous).payload, '602');
    expect(ticked.code).toBe(0);
    expect(ticked.outputs).toEqual({ phase: 'tick', status: 'committed' });
    expect(fake.git.filesAt(BRANCH)?.get(TASKS)).toBe(TASK_FILE.replace('- [ ] 1.1 ', '- [x] 1.1 '));
    expect(fake.git.resolve(BRANCH)?.message).toBe('Tick 1.1 in tasks.md\n\n@lee ticked it in the checklist of #13.');
    expect(headline(checklists()[0]?.body)).toBe('### Agent OS tasks: 1 of 5 required tasks complete');
  });
});
