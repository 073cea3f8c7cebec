import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { label, labeledPayload, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const REQUIREMENTS = `${FOLDER}/planning/requirements.md`;
const BODY = [
  '### Problem',
  '',
  'Owners paste raw join links into Slack. Invites that expire cause errors.',
  '',
  '### Requirements',
  '',
  '- Owners and admins can invite people by email from the **Members** page',
  '- Each invite has a single-use link that expires after 7 days',
  '',
  '### Acceptance criteria',
  '',
  '- [ ] An expired link shows "This invite has expired"',
  '',
  '### Out of scope',
  '',
  '- SSO / SCIM provisioning',
].join('\r\n');

let fake: FakeGitHub;
let probot: Probot;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('mara', 'write');
  bindToNock(fake);
  probot = await createTestProbot();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const branchCommits = () => fake.git.history(BRANCH).filter((c) => c.parents.length > 0);
const fileOnBranch = (path: string) => fake.git.filesAt(BRANCH)?.get(path);
const ours = () => fake.comments.filter((c) => c.user.type === 'Bot');
const pulls = () => [...fake.issues.values()].filter((i) => i.pull_request);

describe('label shape-spec', () => {
  it('creates the spec branch with requirements.md in one commit, a draft PR, the questions comment and the phase label', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');

    expect(fake.log()).toEqual([
      'POST /app/installations/4242/access_tokens',
      // The repository's configuration: its root listing shows no .github folder; then the owner's .github.
      'GET /contents',
      'GET /repos/acme/.github/contents/.github/agent-os.yml',
      'GET /issues/12/comments',
      'GET /issues/12',
      'GET /git/matching-refs/heads/agent-os/12-',
      // A merged spec, and the roadmap, on the default branch: its root listing again (a 304), no agent-os folder.
      'GET /contents',
      // The repository's paths, for questions that fit it (one recursive tree read).
      'GET /git/trees/main',
      'GET /branches/main',
      'POST /git/trees',
      'POST /git/commits',
      'POST /git/refs',
      // A branch made a moment ago has no pull request to look for.
      'POST /pulls',
      'POST /issues/12/comments',
      'POST /issues/12/labels',
      // The new head's check, from what was written: the task file the description names is not on main (a 304).
      'GET /contents',
      'POST /check-runs',
    ]);
    expect(
      fake.requests.filter((r) => r.path.endsWith('/contents')).map((r) => r.headers['if-none-match'] !== undefined),
    ).toEqual([false, true, true]);
    const [commit, ...more] = branchCommits();
    expect(more).toHaveLength(0);
    expect(commit?.message).toBe(
      `Shape spec for #12: Team invites by email\n\nAdds ${REQUIREMENTS} from the issue, with the clarifying questions.`,
    );
    const requirements = fileOnBranch(REQUIREMENTS) ?? '';
    expect(requirements).toContain('# Spec Requirements: Team invites by email\n');
    expect(requirements).toContain('## Initial Description\n');
    expect(requirements).toContain(BODY.replace(/\r\n/g, '\n'));
    expect(requirements).toContain('[#12](https://github.com/acme/app/issues/12)');
    for (const line of [
      '- Owners and admins can invite people by email from the **Members** page',
      '- Each invite has a single-use link that expires after 7 days',
      '- An expired link shows "This invite has expired"',
      '- SSO / SCIM provisioning',
    ]) {
      expect(requirements).toContain(`${line}\n`);
    }

    const [pr] = pulls();
    expect(pr).toMatchObject({
      title: 'Spec: Team invites by email',
      pull_request: { head: BRANCH, base: 'main', draft: true },
    });
    expect(pr?.body).toContain('Spec for #12: Team invites by email');
    expect(pr?.body).toContain(`Spec: \`${FOLDER}\``);

    const [questions, ...others] = ours();
    expect(others).toHaveLength(0);
    const text = questions?.body ?? '';
    expect(text.split('\n', 1)[0]).toBe('<!-- agent-os-github:questions event=delivery-1 -->');
    expect(text).toContain(`[\`${BRANCH}\`](https://github.com/acme/app/tree/agent-os/12-team-invites-by-email)`);
    expect(text).toContain(
      `draft pull request [#${pr?.number ?? 0}](https://github.com/acme/app/pull/${pr?.number ?? 0})`,
    );
    const numbered = text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered.length).toBeGreaterThanOrEqual(6);
    expect(numbered.length).toBeLessThanOrEqual(10);
    expect(numbered.map((l) => Number(/^(\d+)/.exec(l)?.[1]))).toEqual(numbered.map((_, i) => i + 1));
    expect(numbered.slice(0, -2).every((l) => l.includes('I assume'))).toBe(true);
    expect(text).toContain('**Existing code to reuse**');
    expect(text).toContain('**Visual assets**');
    expect(text).toContain('**How to answer:** reply on this issue with numbered answers');
    expect(fake.issues.get(12)?.labels).toEqual(['shape-spec', 'agent-os: shaping']);
  });

  it('does nothing more when the same label event is delivered three more times', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const writes = fake.writes().length;
    for (let i = 0; i < 3; i += 1) await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(fake.writes().length).toBe(writes);
    expect(branchCommits()).toHaveLength(1);
    expect(pulls()).toHaveLength(1);
    expect(ours()).toHaveLength(1);
  });

  it('labelled again later: says where the spec is, once, and changes nothing else', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    await label(probot, fake, 12, 'shape-spec', 'delivery-2');
    await label(probot, fake, 12, 'shape-spec', 'delivery-2');
    expect(branchCommits()).toHaveLength(1);
    expect(pulls()).toHaveLength(1);
    const notices = ours().slice(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.split('\n')[0]).toBe('<!-- agent-os-github:spec-status event=delivery-2 -->');
    expect(notices[0]?.body).toContain('The spec for this issue already exists');
  });

  it('labelled again three times, and again after each phase: one reply, edited in place, saying the phase the spec is in now', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const questions = ours()[0];
    for (const delivery of ['delivery-2', 'delivery-3', 'delivery-4'])
      await label(probot, fake, 12, 'shape-spec', delivery);
    const status = () => ours().filter((c) => c.body.startsWith('<!-- agent-os-github:spec-status '));
    expect(ours()).toHaveLength(2);
    expect(status()).toHaveLength(1);
    const pr = pulls()[0]?.number ?? 0;
    expect(status()[0]?.body.split('\n').slice(1)).toEqual([
      `The spec for this issue already exists: [\`${FOLDER}\`](https://github.com/acme/app/tree/${BRANCH}/${FOLDER}) on the branch [\`${BRANCH}\`](https://github.com/acme/app/tree/${BRANCH}), in draft pull request [#${pr}](https://github.com/acme/app/pull/${pr}).`,
      '',
      '**Phase: shaping.** `planning/requirements.md` holds the issue; `spec.md` is not written yet.',
      '',
      `**Next:** answer [the clarifying questions](https://github.com/acme/app/issues/12#issuecomment-${questions?.id ?? 0}) in a reply (anything left unanswered keeps its proposed default), then comment \`/write-spec\`.`,
      '',
      'To rebuild `requirements.md` from the issue and every answer on it, comment `/shape-spec --force`.',
    ]);

    // The spec is written: the same comment now says so, and no longer asks for answers.
    fake.git.commitOnBranch(
      BRANCH,
      (files) => files.set(`${FOLDER}/spec.md`, '# Specification: Team invites by email\n'),
      'Write spec',
    );
    const edits = () =>
      fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/')).length;
    const before = edits();
    await label(probot, fake, 12, 'shape-spec', 'delivery-5');
    expect(status()).toHaveLength(1);
    expect(edits()).toBe(before + 1);
    expect(status()[0]?.body).toContain('**Phase: spec written.**');
    expect(status()[0]?.body).toContain('comment `/create-tasks`');
    expect(status()[0]?.body).not.toContain('answer [the clarifying questions]');

    // Tasks written: the phase is their progress, and the next command is /orchestrate-tasks.
    const tasks = [
      '#### Task Group 1: Invites',
      '- [x] 1.0 Invites',
      '  - [x] 1.1 Tests',
      '  - [ ] 1.2 Endpoint',
      '',
    ].join('\n');
    fake.git.commitOnBranch(BRANCH, (files) => files.set(`${FOLDER}/tasks.md`, tasks), 'Create tasks');
    await label(probot, fake, 12, 'shape-spec', 'delivery-6');
    expect(status()).toHaveLength(1);
    expect(status()[0]?.body).toContain(
      '**Phase: implementing.** [`tasks.md`](https://github.com/acme/app/blob/agent-os/12-team-invites-by-email/',
    );
    expect(status()[0]?.body).toContain('is written: 1 of 3 required tasks complete.');
    expect(status()[0]?.body).toContain('comment `/orchestrate-tasks`');
    expect(ours()).toHaveLength(2);

    // Nothing changed since: labelled again, nothing is written at all.
    const writes = fake.writes().length;
    await label(probot, fake, 12, 'shape-spec', 'delivery-7');
    expect(fake.writes().length).toBe(writes);
  });

  it('two deliveries racing in one process, or on two replicas, leave one branch, one commit, one PR, one questions comment', async () => {
    await Promise.all([
      label(probot, fake, 12, 'shape-spec', 'delivery-a'),
      label(probot, fake, 12, 'shape-spec', 'delivery-b'),
    ]);
    const replica = await createTestProbot();
    fake.git.refs.delete(`heads/${BRANCH}`);
    for (const id of [...fake.issues.keys()]) if (fake.issues.get(id)?.pull_request) fake.issues.delete(id);
    fake.comments.splice(0);
    await Promise.all([
      label(probot, fake, 12, 'shape-spec', 'delivery-c'),
      label(replica, fake, 12, 'shape-spec', 'delivery-d'),
    ]);
    expect(branchCommits()).toHaveLength(1);
    expect(pulls()).toHaveLength(1);
    expect(ours().filter((c) => c.body.includes('agent-os-github:questions'))).toHaveLength(1);
  });

  it('opens a normal pull request where drafts are not available, and says so', async () => {
    fake.draftsAllowed = false;
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(pulls()[0]?.pull_request?.draft).toBe(false);
    expect(ours()[0]?.body).toContain('(a normal one: this repository does not allow draft pull requests)');
  });

  it('a GitHub error half-way is reported on the issue, and the next event finishes the job without a second branch', async () => {
    fake.faults.push({ method: 'POST', path: /\/pulls$/, status: 502, body: { message: 'Bad Gateway' } });
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(pulls()).toHaveLength(0);
    const [failure] = ours();
    expect(failure?.body).toContain(
      'Could not shape this issue into a spec: Opening the pull request from agent-os/12-team-invites-by-email failed: GitHub answered 502',
    );
    expect(failure?.body).toContain('remove and add the `shape-spec` label again, or comment `/shape-spec`');

    await say(probot, fake, 12, '/shape-spec', MARA);
    expect(branchCommits()).toHaveLength(1);
    expect(pulls()).toHaveLength(1);
    expect(ours().filter((c) => c.body.includes('agent-os-github:questions'))).toHaveLength(1);
    expect(fake.issues.get(12)?.labels).toContain('agent-os: shaping');
  });

  it('gives hostile titles a safe branch and folder', async () => {
    fake.addIssue({ number: 13, title: '../../etc/passwd 🚀 "quoted"', body: '- one requirement', user: MARA });
    fake.addIssue({ number: 14, title: '🚀🎉', body: '', user: MARA });
    await label(probot, fake, 13, 'shape-spec', 'd-13');
    await label(probot, fake, 14, 'shape-spec', 'd-14');
    expect([...fake.git.refs.keys()].sort()).toEqual([
      'heads/agent-os/13-etc-passwd-quoted',
      'heads/agent-os/14-issue-14',
      'heads/main',
    ]);
    expect([...(fake.git.filesAt('agent-os/14-issue-14')?.keys() ?? [])]).toContain(
      'agent-os/specs/2026-03-14-issue-14/planning/requirements.md',
    );
  });

  it('ignores other labels and labels on pull requests', async () => {
    await label(probot, fake, 12, 'bug', 'delivery-1');
    // shape-spec on a pull request (GitHub sends issues.labeled with `issue.pull_request` set for those).
    const pull = fake.addIssue({
      title: 'Add invites',
      body: 'x',
      pull_request: { head: 'feature', base: 'main', draft: false },
    });
    const onPull = labeledPayload(fake, pull.number, 'shape-spec');
    onPull.issue.pull_request = {
      url: `https://api.github.com/repos/acme/app/pulls/${String(pull.number)}`,
      html_url: '',
      diff_url: '',
      patch_url: '',
    };
    await deliver(probot, 'issues', onPull, 'delivery-2');
    expect(fake.writes().filter((r) => !r.path.includes('access_tokens'))).toEqual([]);
    expect(pulls().map((p) => p.number)).toEqual([pull.number]);
  });
});
