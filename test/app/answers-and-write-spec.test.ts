import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { commentPayload, edit, label, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const VISITOR: FakeUser = { login: 'visitor', type: 'User' };
const OTHER_BOT: FakeUser = { login: 'renovate[bot]', type: 'Bot' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const REQUIREMENTS = `${FOLDER}/planning/requirements.md`;
const SPEC = `${FOLDER}/spec.md`;
const BODY = [
  '## Requirements',
  '- Owners and admins can invite people by email from the **Members** page',
  '- Each invite has a single-use link that expires after 7 days',
  '',
  '## Acceptance criteria',
  '- [ ] An expired link shows "This invite has expired"',
  '',
  '## Out of scope',
  '- SSO / SCIM provisioning',
].join('\n');

let fake: FakeGitHub;
let probot: Probot;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('mara', 'read');
  fake.permissions.set('lee', 'write');
  fake.permissions.set('visitor', 'read');
  bindToNock(fake);
  probot = await createTestProbot();
  await label(probot, fake, 12, 'shape-spec', 'delivery-shape');
  fake.requests.splice(0);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const branchCommits = () => fake.git.history(BRANCH).filter((c) => c.parents.length > 0);
const fileOnBranch = (path: string) => fake.git.filesAt(BRANCH)?.get(path) ?? '';
const ours = () => fake.comments.filter((c) => c.user.type === 'Bot');
const lastOurs = () => ours()[ours().length - 1]?.body ?? '';
const reactionsOn = (id: number) => fake.reactions.filter((r) => r.comment === id).map((r) => r.content);
const specPr = () => [...fake.issues.values()].find((i) => i.pull_request)?.number ?? 0;

describe('answers to the clarifying questions', () => {
  it("folds the issue author's answers verbatim in one commit, records defaults, and asks a follow-up for an unclear one", async () => {
    const reply = await say(
      probot,
      fake,
      12,
      'Thanks! Answers:\n\n1. Owners *and* admins only.\n2. not sure\n\nThe mailer is in `src/mail/send.ts`.',
      MARA,
    );

    const commits = branchCommits();
    expect(commits).toHaveLength(2);
    expect(commits[0]?.message).toBe(
      `Fold answers from @mara into the requirements for #12\n\nAnswers to Q1, Q2 from https://github.com/acme/app/issues/12#issuecomment-${reply.id}`,
    );
    const requirements = fileOnBranch(REQUIREMENTS);
    expect(requirements).toMatch(/\*\*Q1:\*\* [^\n]*I assume [^\n]+\n\*\*Answer:\*\* Owners \*and\* admins only\.\n/);
    expect(requirements).toMatch(/\*\*Q2:\*\* [^\n]*I assume [^\n]+\n\*\*Answer:\*\* not sure\n/);
    expect(requirements).toMatch(
      /\*\*Q3:\*\* [^\n]*I assume [^\n]+\n\*\*Answer:\*\* _No answer yet: the proposed default stands\._ /,
    );
    expect(requirements).toContain("- `src/mail/send.ts` (from @mara's notes)");
    expect(requirements).toContain(
      '**From @mara:**\n\n<!-- agent-os-github:verbatim -->\n\nThe mailer is in `src/mail/send.ts`.\n\n<!-- /agent-os-github:verbatim -->',
    );

    const followUp = lastOurs();
    expect(followUp.split('\n', 1)[0]).toBe(
      `<!-- agent-os-github:follow-ups comment=${reply.id} event=comment-${reply.id} -->`,
    );
    expect(followUp).toContain('Thanks @mara, your answers are in `requirements.md`. A few need a little more:');
    expect(followUp).toMatch(
      /\n\d+\. About question 2, your answer was “not sure”\. Unless you say otherwise we will go with: /,
    );
    expect(requirements).toMatch(/\*\*Q\d+:\*\* _\(follow-up on Q2\)_ About question 2/);
    expect(reactionsOn(reply.id)).toEqual(['rocket']);
  });

  it('a redelivered answer changes nothing; an edited answer is one more commit', async () => {
    const reply = await say(probot, fake, 12, '1. Owners only.', MARA, 'answer-delivery');
    const writes = fake.writes().length;
    await edit(probot, fake, reply.id, '1. Owners only.', 'edit-same');
    expect(fake.writes().length).toBe(writes);
    await edit(probot, fake, reply.id, '1. Owners and admins.', 'edit-changed');
    expect(branchCommits()).toHaveLength(3);
    expect(fileOnBranch(REQUIREMENTS)).toContain('**Answer:** Owners and admins.\n');
    expect(fileOnBranch(REQUIREMENTS)).not.toContain('Owners only.');
  });

  it('takes answers from collaborators with write access, and ignores others and bots', async () => {
    await say(probot, fake, 12, '1. From a visitor', VISITOR);
    await say(probot, fake, 12, '1. From a bot', OTHER_BOT);
    expect(branchCommits()).toHaveLength(1);
    expect(fake.writes()).toEqual([]);
    await say(probot, fake, 12, '1. From a maintainer', LEE);
    expect(fileOnBranch(REQUIREMENTS)).toContain('**Answer:** From a maintainer\n');
  });

  it('leaves a requirements.md edited by hand alone and says so once', async () => {
    fake.git.commitOnBranch(
      BRANCH,
      (files) =>
        files.set(
          REQUIREMENTS,
          (files.get(REQUIREMENTS) ?? '').replace('## Visual Assets', '## Visual Assets\n\nHand-written note.'),
        ),
      'Edit by hand',
    );
    const reply = await say(probot, fake, 12, '1. Owners only.', MARA, 'd1');
    await deliver(probot, 'issue_comment', commentPayload(fake, 12, reply), 'd1');
    expect(fileOnBranch(REQUIREMENTS)).toContain('Hand-written note.');
    expect(fileOnBranch(REQUIREMENTS)).not.toContain('Owners only.');
    expect(branchCommits()).toHaveLength(2);
    expect(lastOurs()).toContain(`<!-- agent-os-github:reply event=comment-${reply.id} -->`);
    expect(lastOurs()).toContain(
      `\`${REQUIREMENTS}\` was changed by hand since the App last wrote it, so these answers were not folded in`,
    );
    expect(ours().filter((c) => c.body.includes(`event=comment-${reply.id}`))).toHaveLength(1);
  });

  it('ignores comments that answer nothing, and comments on issues that are not being shaped', async () => {
    fake.addIssue({ number: 30, title: 'Other', body: 'x', user: MARA });
    await say(probot, fake, 12, 'Looks good to me!', MARA);
    await say(probot, fake, 30, '1. yes', MARA);
    expect(fake.writes()).toEqual([]);
  });
});

describe('/write-spec', () => {
  it('on the issue: writes spec.md in one commit, replies with a summary and link, moves the label, 👀 then 🚀', async () => {
    await say(probot, fake, 12, '1. Owners only.', MARA);
    fake.requests.splice(0);
    const command = await say(probot, fake, 12, '/write-spec', LEE);

    expect(fake.log()).toEqual([
      // The repository's configuration: its root listing shows no .github folder; the owner's .github had none a
      // moment ago (its 404 is remembered for a while: no request).
      'GET /contents',
      'GET /issues/12/comments',
      'GET /collaborators/lee/permission',
      'POST /issues/comments/' + String(command.id) + '/reactions',
      'GET /issues/12',
      'GET /git/matching-refs/heads/agent-os/12-',
      'GET /contents/' + REQUIREMENTS,
      'GET /contents/' + SPEC,
      'PUT /contents/' + SPEC,
      'POST /issues/12/labels',
      'DELETE /issues/12/labels/agent-os: shaping',
      'POST /issues/12/comments',
      'POST /issues/comments/' + String(command.id) + '/reactions',
    ]);
    const spec = fileOnBranch(SPEC);
    expect(spec.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Goal',
      '## User Stories',
      '## Specific Requirements',
      '## Visual Design',
      '## Existing Code to Leverage',
      '## Out of Scope',
    ]);
    for (const line of [
      '- Owners and admins can invite people by email from the **Members** page',
      '- Each invite has a single-use link that expires after 7 days',
      '- An expired link shows "This invite has expired"',
      '- SSO / SCIM provisioning',
    ]) {
      expect(spec).toContain(`${line}\n`);
    }
    expect(spec).toContain('**Answer:** Owners only.');
    expect(branchCommits()[0]?.message).toBe(`Write spec for #12: Team invites by email\n\nFrom ${REQUIREMENTS}.`);
    expect(lastOurs()).toBe(
      `<!-- agent-os-github:reply event=comment-${command.id} -->\n` +
        `[\`spec.md\`](https://github.com/acme/app/blob/agent-os/12-team-invites-by-email/${FOLDER}/spec.md) was written from \`requirements.md\` on \`${BRANCH}\`: ` +
        '2 functional requirements, 1 acceptance criteria, 6 decisions from the discussion (5 defaults accepted), 1 out-of-scope items. Review it in the spec pull request.',
    );
    expect(fake.issues.get(12)?.labels).toEqual(['shape-spec', 'agent-os: spec written']);
    expect(reactionsOn(command.id)).toEqual(['eyes', 'rocket']);
  });

  it('on the spec pull request: finds the issue from the branch and writes the same spec', async () => {
    await say(probot, fake, specPr(), '/write-spec', LEE);
    expect(fileOnBranch(SPEC)).toContain('# Specification: Team invites by email');
    expect(lastOurs()).toContain('was written from `requirements.md`');
    expect(fake.comments[fake.comments.length - 1]?.issue).toBe(specPr());
  });

  it('the same command delivered again, or typed again, writes nothing new', async () => {
    const command = await say(probot, fake, 12, '/write-spec', LEE, 'w1');
    const writes = fake.writes().length;
    await deliver(probot, 'issue_comment', commentPayload(fake, 12, command), 'w1');
    expect(fake.writes().length).toBe(writes);
    await say(probot, fake, 12, '/Write-Spec', LEE);
    expect(branchCommits()).toHaveLength(2);
    expect(lastOurs()).toContain('is already up to date with `requirements.md`');
  });

  it('keeps a spec.md someone edited, unless --force', async () => {
    await say(probot, fake, 12, '/write-spec', LEE);
    fake.git.commitOnBranch(
      BRANCH,
      (files) => files.set(SPEC, `${files.get(SPEC) ?? ''}\nA human note.\n`),
      'Human edit',
    );
    await say(probot, fake, 12, '/write-spec', LEE);
    expect(fileOnBranch(SPEC)).toContain('A human note.');
    expect(lastOurs()).toContain(
      'was changed by someone since the App wrote it, so it was left as it is. Comment `/write-spec --force`',
    );
    await say(probot, fake, 12, '/write-spec --force', LEE);
    expect(fileOnBranch(SPEC)).not.toContain('A human note.');
  });

  it('refuses people without write permission in one line, and changes nothing', async () => {
    const command = await say(probot, fake, 12, '/write-spec', VISITOR);
    expect(lastOurs()).toBe(
      `<!-- agent-os-github:reply event=comment-${command.id} -->\n@visitor \`/write-spec\` needs write permission on this repository, and you have read. Nothing was changed.`,
    );
    expect(fake.writes().map((w) => w.method + ' ' + w.path)).toEqual(['POST /repos/acme/app/issues/12/comments']);
  });

  it('ignores commands from bots, other commands, and commands in edits', async () => {
    await say(probot, fake, 12, '/write-spec', OTHER_BOT);
    await say(probot, fake, 12, '/deploy now', LEE);
    const command = await say(probot, fake, 12, 'typo', LEE);
    await edit(probot, fake, command.id, '/write-spec');
    expect(fake.writes()).toEqual([]);
  });

  it('says what to do first when the issue has no spec yet, with 😕', async () => {
    fake.addIssue({ number: 30, title: 'Unshaped', body: 'x', user: MARA });
    const command = await say(probot, fake, 30, '/write-spec', LEE);
    expect(lastOurs()).toContain(
      '`/write-spec` failed: Issue #30 has no spec yet. Label it `shape-spec` or comment `/shape-spec` first',
    );
    expect(reactionsOn(command.id)).toEqual(['eyes', 'confused']);
  });

  it('a 409 because spec.md was just written with the very same text (the same command handled elsewhere at that moment) is success, not a failure', async () => {
    const handle = fake.handle.bind(fake);
    let raced = false;
    fake.handle = (request) => {
      if (!raced && request.method === 'PUT' && /spec\.md$/.test(request.path)) {
        raced = true;
        // The other write of the same spec.md lands first; this one finds the file changed.
        handle(request);
        return { status: 409, body: { message: `${SPEC} does not match` } };
      }
      return handle(request);
    };
    const command = await say(probot, fake, 12, '/write-spec', LEE);
    expect(raced).toBe(true);
    expect(fileOnBranch(SPEC)).toContain('# Specification: Team invites by email');
    expect(lastOurs()).toContain('is already up to date with `requirements.md`');
    expect(ours().filter((c) => c.body.includes('agent-os-github:failed'))).toEqual([]);
    expect(reactionsOn(command.id)).toEqual(['eyes', 'rocket']);
  });

  it('a GitHub error while writing is reported with 😕, and repeating the command finishes the job', async () => {
    fake.faults.push({ method: 'PUT', path: /spec\.md$/, status: 500, body: { message: 'Server Error' }, times: 2 });
    const command = await say(probot, fake, 12, '/write-spec', LEE);
    expect(lastOurs()).toContain(`\`/write-spec\` failed: Writing ${SPEC} failed: GitHub answered 500`);
    expect(lastOurs()).toContain('Anything already done is kept; comment the command again to finish.');
    expect(reactionsOn(command.id)).toEqual(['eyes', 'confused']);
    await say(probot, fake, 12, '/write-spec', LEE);
    expect(fileOnBranch(SPEC)).toContain('# Specification: Team invites by email');
  });
});

describe('/shape-spec', () => {
  it('on an issue already shaped: says where the spec is; with --force rebuilds requirements.md from the issue and the answers', async () => {
    await say(probot, fake, 12, '1. Owners only.', MARA);
    fake.git.commitOnBranch(
      BRANCH,
      (files) =>
        files.set(
          REQUIREMENTS,
          (files.get(REQUIREMENTS) ?? '').replace('## Visual Assets', 'Hand note\n\n## Visual Assets'),
        ),
      'Edit',
    );
    await say(probot, fake, 12, '/shape-spec', LEE);
    expect(lastOurs()).toContain(
      'The spec for this issue already exists: [`agent-os/specs/2026-03-14-team-invites-by-email`](',
    );
    expect(lastOurs()).toContain('**Phase: shaping.**');
    await say(probot, fake, 12, '/shape-spec --force', LEE);
    expect(fileOnBranch(REQUIREMENTS)).not.toContain('Hand note');
    expect(fileOnBranch(REQUIREMENTS)).toContain('**Answer:** Owners only.');
    expect(lastOurs()).toContain('`requirements.md` was rebuilt from the issue and the answers.');
  });
});
