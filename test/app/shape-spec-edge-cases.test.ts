import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { BOT, FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { commentPayload, edit, label, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const REQUIREMENTS = 'agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md';

let fake: FakeGitHub;
let probot: Probot;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({
    number: 12,
    title: 'Team invites by email',
    body: '## Requirements\n- Owners invite people by email\n',
    user: MARA,
  });
  fake.permissions.set('lee', 'write');
  bindToNock(fake);
  probot = await createTestProbot();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const requirements = () => fake.git.filesAt(BRANCH)?.get(REQUIREMENTS) ?? '';
const commits = () => fake.git.history(BRANCH).filter((c) => c.parents.length > 0);
const ours = () => fake.comments.filter((c) => c.user.type === 'Bot');

describe('shape-spec edge cases', () => {
  it('a failed label event is retried by its redelivery, and reports its failure only once', async () => {
    fake.faults.push({ method: 'POST', path: /\/git\/refs$/, status: 502, times: 2 });
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain('<!-- agent-os-github:failed event=delivery-1 -->');
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(commits()).toHaveLength(1);
    expect(ours().filter((c) => c.body.includes('agent-os-github:questions'))).toHaveLength(1);
    // The failure report no longer says it failed: it says the redelivery went through, the old report folded away.
    const [report, ...others] = ours().filter((c) => c.body.includes('agent-os-github:failed'));
    expect(others).toEqual([]);
    expect(report?.body.split('\n').slice(1, 4)).toEqual([
      '✅ **Done on a later try.** Shaping this issue into a spec went through when it was tried again, so nothing more is needed.',
      '',
      '<details><summary>What failed before</summary>',
    ]);
    expect(report?.body).toContain('Could not shape this issue into a spec: ');
  });

  it('refuses to shape again an issue whose spec was merged and its branch deleted', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    fake.git.refs.set('heads/main', fake.git.resolve(BRANCH)?.sha ?? '');
    fake.git.refs.delete(`heads/${BRANCH}`);
    await say(probot, fake, 12, '/shape-spec', LEE);
    expect(ours().pop()?.body).toContain(
      "This issue's spec is already on `main` in `agent-os/specs/2026-03-14-team-invites-by-email`",
    );
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
  });

  it('labelled again three times after its spec was merged: one comment, edited in place, no failure replies', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    fake.git.refs.set('heads/main', fake.git.resolve(BRANCH)?.sha ?? '');
    fake.git.refs.delete(`heads/${BRANCH}`);
    for (const delivery of ['delivery-2', 'delivery-3', 'delivery-4'])
      await label(probot, fake, 12, 'shape-spec', delivery);
    const notes = ours().slice(1);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body.split('\n')[0]).toBe('<!-- agent-os-github:spec-status event=delivery-2 -->');
    expect(notes[0]?.body).toContain(
      "This issue's spec is already on `main` in `agent-os/specs/2026-03-14-team-invites-by-email`",
    );
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
  });

  it('removes a second questions comment a race left behind', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const [questions] = ours();
    fake.addComment(12, questions?.body ?? '', BOT);
    await say(probot, fake, 12, '/shape-spec', LEE);
    expect(
      ours()
        .filter((c) => c.body.includes('agent-os-github:questions'))
        .map((c) => c.id),
    ).toEqual([questions?.id]);
  });
});

describe('answer edge cases', () => {
  beforeEach(async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-shape');
  });

  it('a reply with notes, delivered again, writes nothing', async () => {
    const reply = await say(probot, fake, 12, '1. Owners only.\n\nAlso see `src/mail/send.ts`.', MARA, 'a1');
    const writes = fake.writes().length;
    await deliver(probot, 'issue_comment', commentPayload(fake, 12, reply), 'a1');
    expect(fake.writes().length).toBe(writes);
  });

  it('folds the comment as it is now, not as a replayed payload had it; a deleted reply folds nothing', async () => {
    const reply = await say(probot, fake, 12, '1. Owners only.', MARA, 'a1');
    const stale = commentPayload(fake, 12, { ...reply, body: '1. Everyone.' }, 'edited');
    await deliver(probot, 'issue_comment', stale, 'stale');
    expect(requirements()).toContain('**Answer:** Owners only.');
    expect(requirements()).not.toContain('Everyone.');
    fake.comments.splice(fake.comments.indexOf(reply), 1);
    const writes = fake.writes().length;
    await deliver(
      probot,
      'issue_comment',
      commentPayload(fake, 12, { ...reply, body: '1. Nobody.' }, 'edited'),
      'gone',
    );
    expect(fake.writes().length).toBe(writes);
  });

  it('after /write-spec, an edited answer is still folded in, with a reminder to write the spec again', async () => {
    const reply = await say(probot, fake, 12, '1. Owners only.', MARA);
    await say(probot, fake, 12, '/write-spec', LEE);
    await edit(probot, fake, reply.id, '1. Owners and admins.');
    expect(requirements()).toContain('**Answer:** Owners and admins.');
    expect(ours().pop()?.body).toContain(
      'your answers are in `requirements.md`. `spec.md` was written before them: comment `/write-spec` to bring it up to date.',
    );
  });

  it('/shape-spec --force after a hand edit keeps every answer, including those the edit blocked', async () => {
    await say(probot, fake, 12, '1. Owners only.', MARA);
    fake.git.commitOnBranch(
      BRANCH,
      (f) => f.set(REQUIREMENTS, `${f.get(REQUIREMENTS) ?? ''}\nA line added by hand.\n`),
      'Hand edit',
    );
    await say(probot, fake, 12, '2. Yes, exactly that.', MARA);
    expect(requirements()).not.toContain('Yes, exactly that.');
    expect(ours().pop()?.body).toContain('was changed by hand since the App last wrote it');
    await say(probot, fake, 12, '/shape-spec --force', LEE);
    expect(requirements()).toContain('**Answer:** Owners only.');
    expect(requirements()).toContain('**Answer:** Yes, exactly that.');
    expect(requirements()).not.toContain('A line added by hand.');
  });

  it('a GitHub error while folding is reported with 😕, and editing the reply tries again', async () => {
    fake.faults.push({ method: 'PUT', path: /requirements\.md$/, status: 500, times: 2 });
    const reply = await say(probot, fake, 12, '1. Owners only.', MARA);
    expect(fake.reactions.filter((r) => r.comment === reply.id).map((r) => r.content)).toEqual(['confused']);
    expect(ours().pop()?.body).toContain('your answers could not be folded into the requirements: Writing');
    await edit(probot, fake, reply.id, '1. Owners only!');
    expect(requirements()).toContain('**Answer:** Owners only!');
  });
});
