// A contributor implements a spec that is already on main from a fork whose branch is also named `main`, and names
// the spec with a `Spec:` line. The App gates the pull request (read-only) and keeps its checklist, but writes
// nothing to a branch: not the ticks of the checklist, not what a command makes. It says once how the author
// updates tasks.md in their own branch.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { commentPayload, editAs, label, pullRequestPayload, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const TASKS = `${FOLDER}/tasks.md`;
const FORK = 'contrib/app';
const BODY = [
  '## Requirements',
  '- Owners can invite people by email',
  '- Store each invite with its token and expiry date',
].join('\n');

let fake: FakeGitHub;
let probot: Probot;
let pr: number;
let forkSha: string;

const refs = () => new Map(fake.git.refs);
const bot = (kind: string) =>
  fake.comments.filter(
    (c) => c.issue === pr && c.user.type === 'Bot' && c.body.startsWith(`<!-- agent-os-github:${kind}`),
  );
/** Writes other than the pull request's comments, reactions and check runs: writes to the repository's branches. */
const branchWrites = () =>
  fake
    .writes()
    .filter(
      (r) =>
        !/\/check-runs(\/\d+)?$/.test(r.path) &&
        !/\/issues\/(comments\/)?\d+(\/comments|\/reactions)?$/.test(r.path) &&
        !/\/reactions$/.test(r.path),
    );

function forkPayload(action: 'opened' | 'synchronize' = 'opened') {
  const payload = pullRequestPayload(fake, pr, action);
  payload.pull_request.head.sha = forkSha;
  Object.assign(payload.pull_request.head.repo, {
    full_name: FORK,
    name: 'app',
    owner: { ...payload.pull_request.head.repo.owner, login: 'contrib' },
  });
  return payload;
}

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('lee', 'write');
  bindToNock(fake);
  probot = await createTestProbot();
  // The spec's whole lifecycle, then its pull request merged: tasks.md is on main.
  await label(probot, fake, 12, 'shape-spec', 'delivery-shape');
  await say(probot, fake, 12, '/write-spec', LEE);
  const spec = [...fake.issues.values()].find((i) => i.pull_request)?.number ?? 0;
  await say(probot, fake, spec, '/create-tasks', LEE);
  fake.mergePull(spec);
  // The contributor's fork: its `main` is this main plus a commit of theirs (the commit is fetchable here, as
  // GitHub makes a fork pull request's commits; the branch is not).
  const main = fake.git.resolve('main')?.sha ?? '';
  fake.git.refs.set('heads/fork-main', main);
  forkSha = fake.git.commitOnBranch(
    'fork-main',
    (f) => f.set('src/invites.ts', 'export const invites = [];\n'),
    'Invites model',
  ).sha;
  fake.git.refs.delete('heads/fork-main');
  pr = fake.addIssue({
    title: 'Team invites',
    body: `Implements the team invites.\n\nSpec: ${FOLDER}`,
    user: { login: 'contrib', type: 'User' },
    pull_request: { head: 'main', base: 'main', draft: false, fork: { repo: FORK, sha: forkSha } },
  }).number;
  fake.requests.splice(0);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("a fork's pull request whose head branch is named main", () => {
  it('is gated read-only: a check run on the fork commit and a checklist, no write to the base repository', async () => {
    const before = refs();
    await deliver(probot, 'pull_request', forkPayload(), 'fork-opened');

    expect(fake.checkRuns.filter((r) => r.head_sha === forkSha).map((r) => [r.name, r.conclusion])).toEqual([
      ['Agent OS: tasks', 'failure'],
    ]);
    expect(bot('checklist')).toHaveLength(1);
    expect(refs()).toEqual(before);
    expect(branchWrites()).toEqual([]);
  });

  it("a maintainer's tick in the checklist commits nothing to main: the checklist is put back and one reply says how the author updates tasks.md", async () => {
    await deliver(probot, 'pull_request', forkPayload(), 'fork-opened');
    const checklist = bot('checklist')[0];
    if (!checklist) throw new Error('no checklist');
    const before = checklist.body;
    const ticked = before.replace(/^(\s+- )\[ \] (\d+\.[1-9]\d*) /m, '$1[x] $2 ');
    expect(ticked).not.toBe(before);
    const mainBefore = fake.git.resolve('main')?.sha;
    const tasksBefore = fake.git.filesAt('main')?.get(TASKS);

    await editAs(probot, fake, checklist.id, ticked, LEE, 'tick-1');
    // The same delivery again (GitHub's redelivery, or a load balancer's retry): nothing more.
    const again = commentPayload(fake, pr, { ...checklist, body: ticked }, 'edited');
    Object.assign(again, { changes: { body: { from: before } } });
    Object.assign(again.sender, { login: LEE.login, type: LEE.type });
    await deliver(probot, 'issue_comment', again, 'tick-1');

    expect(fake.git.resolve('main')?.sha).toBe(mainBefore);
    expect(fake.git.filesAt('main')?.get(TASKS)).toBe(tasksBefore);
    expect(branchWrites()).toEqual([]);
    expect(fake.comments.find((c) => c.id === checklist.id)?.body).toBe(before);
    const replies = bot('reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain(`@lee your ticks were not committed, and the checklist was put back as it was.`);
    expect(replies[0]?.body).toContain(
      `This pull request's branch \`main\` is in the fork \`${FORK}\`, not in this repository, so the App writes nothing to it`,
    );
    expect(replies[0]?.body).toContain(
      "The pull request's author updates `tasks.md` in their branch: tick the finished tasks there (`- [x]`) and push.",
    );
  });

  it('/create-tasks on it writes nothing and says why, once', async () => {
    const before = refs();
    const command = await say(probot, fake, pr, '/create-tasks', LEE, 'create-on-fork');

    expect(refs()).toEqual(before);
    expect(branchWrites()).toEqual([]);
    const failed = bot('failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.body).toContain(
      `\`/create-tasks\` failed: This pull request's branch \`main\` is in the fork \`${FORK}\``,
    );
    expect(failed[0]?.body).toContain('`/create-tasks` was not run.');
    expect(fake.reactions.filter((r) => r.comment === command.id).map((r) => r.content)).toEqual(['eyes', 'confused']);
  });
});
