import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { FakeGitHub } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { label } from '../../support/lifecycle-events.js';
import { createTestProbot } from '../../support/test-probot.js';

/** A log pasted into the issue without a code fence: one paragraph of 20,000 lines (780 KB). */
const BODY = `## Requirements\n\n- Owners invite people by email\n\n## Log\n\n${'requirement line with some words in it\n'.repeat(20_000)}`;

let fake: FakeGitHub;
let probot: Probot;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: { login: 'mara', type: 'User' } });
  bindToNock(fake);
  probot = await createTestProbot();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('shaping an issue whose body is too complex to parse in time', () => {
  it('refuses it in one comment naming the line and how to fix it, and writes no branch', async () => {
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const ours = fake.comments.filter((c) => c.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain(
      "Could not shape this issue into a spec: Line 7: the paragraph that starts here is too long for the parser to read in time (its work grows with the square of a paragraph's length; about 5,000 lines of prose with no blank line between them is the limit). Put blank lines between its parts, or put the text in a code block (a line of three backticks before and after it).",
    );
    // The fault is in the issue: fix it first, then shape again (not "try again to finish").
    expect(ours[0]?.body).toContain(
      "Edit the issue's description as this says, then remove and add the `shape-spec` label again, or comment `/shape-spec`, to shape it.",
    );
    expect(ours[0]?.body).not.toContain('Anything already done is kept');
    expect([...fake.git.refs.keys()].filter((ref) => ref.startsWith('heads/agent-os/'))).toEqual([]);
  });
});
