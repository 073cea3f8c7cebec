import { afterEach, describe, expect, it } from '@jest/globals';
import type { ClarifyingQuestion, RecordedAnswer } from '../../src/core/spec/clarifying-question.js';
import { deterministicDrafter } from '../../src/core/spec/deterministic-drafter.js';
import { createChatCompletionsModel } from '../../src/model/chat-completions-model.js';
import { draftFollowUpsWithModel } from '../../src/model/draft-follow-ups-with-model.js';
import type { DraftedQuestions } from '../../src/model/draft-questions-with-model.js';
import { startModelServer, type ModelServer, type ScriptedReply } from '../support/model-server.js';
import { GOOD_FOLLOW_UP, GOOD_QUESTIONS, TOKEN } from './questions-fixture.js';

let server: ModelServer | undefined;
const log = { info: () => undefined };

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const questions: ClarifyingQuestion[] = GOOD_QUESTIONS.map((q, i) => ({
  number: i + 1,
  topic: q.topic as ClarifyingQuestion['topic'],
  text: q.text,
  default: q.default,
}));
const answer = (text: string): RecordedAnswer => ({
  text,
  commentId: 77,
  author: 'mara',
  unclear: true,
  images: [],
  links: [],
});
const unclear = [
  { question: questions[2] as ClarifyingQuestion, answer: answer('not sure about the 7 days') },
  { question: questions[4] as ClarifyingQuestion, answer: answer('') },
];

async function draft(replies: ScriptedReply[], memo?: Map<string, DraftedQuestions>) {
  server = server ?? (await startModelServer());
  server.script(...replies);
  const model = createChatCompletionsModel({ baseUrl: server.url, token: TOKEN, model: 'test-model' });
  const floor = await deterministicDrafter.draftFollowUps(questions, unclear, 8);
  return {
    floor,
    result: await draftFollowUpsWithModel(model, {
      grounding: { questions, unclear, floor },
      log,
      ...(memo === undefined ? {} : { memo }),
    }),
  };
}

describe('follow-ups on unclear answers by the model', () => {
  it("asks the model's follow-up when it quotes the answer, and the deterministic one for an answer it got wrong", async () => {
    const invented = {
      about: 5,
      text: 'You said “roll it out tomorrow”: when?',
      default: 'Tomorrow.',
      quote: 'roll it out tomorrow',
    };
    const { floor, result } = await draft([{ json: { follow_ups: [GOOD_FOLLOW_UP, invented] } }]);
    expect(server?.requests).toHaveLength(1);
    const sent = (server?.requests[0]?.body.messages ?? []).map((m) => m.content).join('\n');
    expect(sent).toContain('<<<Q3\nQuestion: I assume an expired or already used link');
    expect(sent).toContain('Answer: not sure about the 7 days\nQ3>>>');
    expect(result.questions).toEqual([
      { number: 8, topic: 'follow-up', about: 3, text: GOOD_FOLLOW_UP.text, default: GOOD_FOLLOW_UP.default },
      floor[1],
    ]);
    expect(result.note).toMatch(
      /^1 of 2 asked by `test-model` \(the others by the deterministic drafter: the model's were off the answer's text\)\.\n\n<sub>Model `test-model`: 1 call, /,
    );
  });

  it('falls back to the deterministic follow-ups when the answer is not JSON, and asks nothing again for the same inputs', async () => {
    const memo = new Map<string, DraftedQuestions>();
    const { floor, result } = await draft([{ text: 'Hmm.' }, { text: 'Still prose.' }], memo);
    expect(result.questions).toEqual(floor);
    expect(result.note).toContain(
      'Asked by the deterministic drafter, because the model `test-model` gave no follow-ups it could use: the model answered with text that is not JSON (also after one repair).',
    );
    const again = await draft([], memo);
    expect(again.result).toBe(result);
    expect(server?.requests).toHaveLength(2);
  });
});
