import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { commentPayload, label, say } from '../../support/lifecycle-events.js';
import { startModelServer, type ModelServer, type ScriptedReply } from '../support/model-server.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';
import { TOPIC_LABELS } from '../../src/core/spec/clarifying-question.js';
import { BODY, GOOD_FOLLOW_UP, GOOD_QUESTIONS, TOKEN, groundingFor } from '../model/questions-fixture.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const REQUIREMENTS = 'agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md';

let fake: FakeGitHub;
let probot: Probot;
let model: ModelServer;

async function start(replies: ScriptedReply[]): Promise<void> {
  model = await startModelServer(...replies);
  process.env.AGENT_OS_MODEL_URL = model.url;
  process.env.AGENT_OS_MODEL_TOKEN = TOKEN;
  process.env.AGENT_OS_MODEL = 'test-model';
  probot = await createTestProbot();
}

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: BODY, user: MARA });
  fake.permissions.set('mara', 'write');
  bindToNock(fake);
});

afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  for (const key of ['AGENT_OS_MODEL_URL', 'AGENT_OS_MODEL_TOKEN', 'AGENT_OS_MODEL'])
    Reflect.deleteProperty(process.env, key);
  await model.close();
});

const questionsComment = () =>
  fake.comments
    .filter((c) => c.user.type === 'Bot' && c.body.startsWith('<!-- agent-os-github:questions '))
    .map((c) => c.body);
const requirements = () => fake.git.filesAt(BRANCH)?.get(REQUIREMENTS) ?? '';

describe('label shape-spec with a model configured', () => {
  it("posts the model's checked questions once, keeps them with their inputs' hash in requirements.md, and a redelivery asks nothing", async () => {
    await start([{ json: { questions: GOOD_QUESTIONS }, usage: { prompt: 300, completion: 200 } }]);
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(model.requests).toHaveLength(1);
    expect(JSON.stringify(model.requests[0]?.body)).not.toContain(TOKEN);

    const [comment, ...more] = questionsComment();
    expect(more).toEqual([]);
    expect(comment).toContain(`1. **Users and permissions.** ${GOOD_QUESTIONS[0]?.text}`);
    expect(comment).toContain(`2. **Scope.** ${GOOD_QUESTIONS[1]?.text}`);
    expect(comment).toContain(`5. **Rollout.** ${GOOD_QUESTIONS[4]?.text}`);
    expect(comment).toContain(
      '**Existing code to reuse**\n\n6. **Existing code to reuse.** Are there existing features, components or code paths',
    );
    expect(comment).toContain('**Visual assets**\n\n7. **Visual assets.** Do you have mockups');
    expect(comment).toContain(
      "\n\nAsked by `test-model`, each question checked against the issue's text.\n\n<sub>Model `test-model`: 1 call, 300 prompt + 200 completion tokens.</sub>",
    );
    expect(requirements()).toContain(GOOD_QUESTIONS[3]?.text ?? '-');
    expect(requirements()).toMatch(
      /"questionsDrafted":\{"drafter":"model","model":"test-model","inputs":"[0-9a-f]{16}","usage":\{"prompt":300,"completion":200\}\}/,
    );

    const writes = fake.writes().length;
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(model.requests).toHaveLength(1);
    expect(fake.writes()).toHaveLength(writes);
    expect(questionsComment()).toEqual([comment]);
  });

  it('keeps the hash through an answer, and folds the answer under the model’s question', async () => {
    await start([{ json: { questions: GOOD_QUESTIONS } }]);
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const hash = /"questionsDrafted":\{[^}]*\}/.exec(requirements())?.[0];
    await say(probot, fake, 12, '2. Also leave out invites to several teams at once.', MARA);
    expect(requirements()).toContain('Also leave out invites to several teams at once.');
    expect(/"questionsDrafted":\{[^}]*\}/.exec(requirements())?.[0]).toBe(hash);
    expect(model.requests).toHaveLength(1);
  });

  it("asks the model's follow-up on an unclear answer, once: a redelivered answer asks nothing", async () => {
    await start([
      { json: { questions: GOOD_QUESTIONS } },
      { json: { follow_ups: [GOOD_FOLLOW_UP] }, usage: { prompt: 90, completion: 40 } },
    ]);
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const reply = await say(probot, fake, 12, '3. not sure about the 7 days', MARA, 'answer-1');
    expect(model.requests).toHaveLength(2);
    const followUps = fake.comments.filter((c) =>
      c.body.startsWith(`<!-- agent-os-github:follow-ups comment=${reply.id} `),
    );
    expect(followUps).toHaveLength(1);
    expect(followUps[0]?.body).toContain(`\n\n8. ${GOOD_FOLLOW_UP.text}\n\n`);
    expect(followUps[0]?.body).toContain(
      '\n\nAsked by `test-model`.\n\n<sub>Model `test-model`: 1 call, 90 prompt + 40 completion tokens.</sub>',
    );
    expect(requirements()).toContain(GOOD_FOLLOW_UP.text);
    expect(requirements()).toMatch(
      new RegExp(
        `"followUpsDrafted":\\{"${reply.id}":\\{"drafter":"model","model":"test-model","inputs":"[0-9a-f]{16}"`,
      ),
    );

    const writes = fake.writes().length;
    await deliver(probot, 'issue_comment', commentPayload(fake, 12, reply), 'answer-1');
    expect(model.requests).toHaveLength(2);
    expect(fake.writes()).toHaveLength(writes);
  });

  it('asks the deterministic questions when the model fails, and says why in one line', async () => {
    await start([0, 1, 2].map(() => ({ status: 500, headers: { 'retry-after-ms': '0' } })));
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    const [comment = ''] = questionsComment();
    for (const q of (await groundingFor()).floor)
      expect(comment).toContain(`${q.number}. **${TOPIC_LABELS[q.topic]}.** ${q.text}`);
    // One call of the client, which the SDK retried twice.
    expect(model.requests).toHaveLength(3);
    expect(comment).toContain(
      '\n\nAsked by the deterministic drafter, because the model `test-model` gave no questions it could use: the model endpoint failed (500).\n\n<sub>Model `test-model`: 1 call, 0 prompt + 0 completion tokens.</sub>',
    );
    expect(requirements()).toContain('"questionsDrafted":{"drafter":"deterministic","model":"test-model"');
  });

  it('asks no model when the repository says `drafter: deterministic`', async () => {
    fake.git.commitOnBranch('main', (f) => f.set('.github/agent-os.yml', 'drafter: deterministic\n'), 'config');
    await start([]);
    await label(probot, fake, 12, 'shape-spec', 'delivery-1');
    expect(model.requests).toHaveLength(0);
    const [comment = ''] = questionsComment();
    for (const q of (await groundingFor()).floor)
      expect(comment).toContain(`${q.number}. **${TOPIC_LABELS[q.topic]}.** ${q.text}`);
    expect(comment).not.toContain('Asked by');
    expect(requirements()).not.toContain('questionsDrafted');
  });
});
