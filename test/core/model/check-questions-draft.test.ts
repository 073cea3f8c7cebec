import { describe, expect, it } from '@jest/globals';
import { checkQuestionsDraft } from '../../../src/core/model/check-questions-draft.js';
import { BODY, GOOD_QUESTIONS, groundingFor } from '../../model/questions-fixture.js';

function good(index: number): (typeof GOOD_QUESTIONS)[number] {
  const question = GOOD_QUESTIONS[index];
  if (question === undefined) throw new Error(`no good question ${index}`);
  return question;
}
const [users, scope, errors, data, rollout] = [0, 1, 2, 3, 4].map(good) as [
  ReturnType<typeof good>,
  ReturnType<typeof good>,
  ReturnType<typeof good>,
  ReturnType<typeof good>,
  ReturnType<typeof good>,
];
const ask = (topic: string, text: string, quote = 'single-use link', issue_line = 3) => ({
  topic,
  text,
  default: 'As assumed.',
  issue_line,
  quote,
});

describe('the check on the model’s clarifying questions', () => {
  it('drops a topic of its own, a standing request, and a question that is no assumption or has no question mark', async () => {
    const grounding = await groundingFor();
    const check = checkQuestionsDraft(
      {
        questions: [
          users,
          scope,
          ask('pricing', 'I assume invites are free — is that right?'),
          ask('reuse', 'I assume we reuse the mailer — is that right?'),
          ask('ui', 'Where should the Invite button go?'),
          ask('ui', 'I assume the Invite button sits on the Members page.'),
          errors,
          data,
        ],
      },
      grounding,
    );
    expect(check.ok).toBe(true);
    expect(check.dropped).toBe(4);
    expect(check.findings.map((f) => f.message)).toEqual([
      'question 3 has the topic "pricing", which is not one of users-and-permissions, scope, acceptance, data, ui, errors-and-edge-cases, performance, rollout, api, cli, migration, job, library, docs',
      'question 4 has the topic "reuse", which is not one of users-and-permissions, scope, acceptance, data, ui, errors-and-edge-cases, performance, rollout, api, cli, migration, job, library, docs',
      'question 5 is not phrased as an assumption ending with a question mark',
      'question 6 is not phrased as an assumption ending with a question mark',
    ]);
    expect(check.questions.map((q) => `${q.number} ${q.topic}`)).toEqual([
      '1 users-and-permissions',
      '2 scope',
      '3 errors-and-edge-cases',
      '4 data',
      '5 reuse',
      '6 visuals',
    ]);
  });

  it('keeps at most eight, always with a scope question (the floor asks one for every issue, as Agent OS does)', async () => {
    const grounding = await groundingFor();
    const floorScope = grounding.floor.find((q) => q.topic === 'scope');
    expect(floorScope?.text).toMatch(/^The issue already leaves out “SSO \/ SCIM provisioning”; I assume /);
    const things = [
      'invitations',
      'reminders',
      'revocation',
      'auditing',
      'resending',
      'throttling',
      'localisation',
      'branding',
      'webhooks',
      'exports',
    ];
    const many = things.map((thing) => ask('acceptance', `I assume ${thing} need nothing special — is that right?`));
    const check = checkQuestionsDraft({ questions: many }, grounding);
    const clarifying = check.questions.filter((q) => q.topic !== 'reuse' && q.topic !== 'visuals');
    expect(clarifying).toHaveLength(8);
    expect(clarifying[0]).toEqual({ number: 1, topic: 'scope', text: floorScope?.text, default: floorScope?.default });
  });

  it('takes the deterministic scope question when the floor has one', async () => {
    const grounding = await groundingFor(BODY.split('\n## Out of scope')[0]);
    const floorScope = grounding.floor.find((q) => q.topic === 'scope');
    const check = checkQuestionsDraft({ questions: [users, errors, data, rollout] }, grounding);
    expect(check.questions[0]).toEqual({
      number: 1,
      topic: 'scope',
      text: floorScope?.text,
      default: floorScope?.default,
    });
    expect(check.questions).toHaveLength(7);
  });

  it('posts the model’s text as plain text: markdown shown literally, no @mention, one line', async () => {
    const grounding = await groundingFor();
    const loud = ask('ui', 'I assume @octocat wants a <img src=x> **bold**\n\nbutton — is that right?');
    const check = checkQuestionsDraft({ questions: [users, scope, errors, loud] }, grounding);
    expect(check.questions[3]?.text).toBe('I assume @\u200boctocat wants a bold button — is that right?');
  });

  it('fails with fewer than four good questions, saying why', async () => {
    const check = checkQuestionsDraft(
      { questions: [users, scope, { ...errors, quote: 'expires after 30 days' }] },
      await groundingFor(),
    );
    expect(check.ok).toBe(false);
    expect(check.questions).toEqual([]);
    expect(check.findings.map((f) => f.message)).toEqual([
      'question 3 quotes “expires after 30 days”, which is not in the issue',
      'only 2 of its questions passed the check, and at least 4 are needed',
    ]);
  });
});
