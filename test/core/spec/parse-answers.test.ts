import { describe, expect, it } from '@jest/globals';
import { parseIssue } from '../../../src/core/issue/parse-issue.js';
import type { ClarifyingQuestion } from '../../../src/core/spec/clarifying-question.js';
import { deterministicDrafter } from '../../../src/core/spec/deterministic-drafter.js';
import { isUnclearAnswer, parseAnswers, parseReply } from '../../../src/core/spec/parse-answers.js';

const questions = deterministicDrafter.draftQuestions(
  parseIssue('Team invites', '- Admins invite by email'),
) as ClarifyingQuestion[];
const reuse = questions.find((q) => q.topic === 'reuse')?.number ?? 0;
const visuals = questions.find((q) => q.topic === 'visuals')?.number ?? 0;
const texts = (body: string) => Object.fromEntries(parseAnswers(body, questions).map((a) => [a.number, a.text]));

describe('parseAnswers', () => {
  it('reads `1.`, `1)`, `Q1:`, `**Q1:**` and `A1:` answers verbatim', () => {
    expect(texts('1. Only admins.\n2. `inline` and **bold** kept')).toEqual({
      1: 'Only admins.',
      2: '`inline` and **bold** kept',
    });
    expect(texts('1) yes\n2) no')).toEqual({ 1: 'yes', 2: 'no' });
    expect(texts('Q1: yes\n\n**Q2:** no\n\nA3: later')).toEqual({ 1: 'yes', 2: 'no', 3: 'later' });
  });

  it('keeps a multi-paragraph answer whole, without the list indentation', () => {
    expect(texts('1. First paragraph.\n\n   Second paragraph.\n\n   ```\n   code\n   ```\n2. Next')).toEqual({
      1: 'First paragraph.\n\nSecond paragraph.\n\n```\ncode\n```',
      2: 'Next',
    });
  });

  it('reads quote replies: the answer is what follows the quoted question', () => {
    const body =
      '> 2. I assume the first version covers exactly …\n\nNo, also resend.\n\n> 1. I assume only admins\n\nMembers too.';
    expect(texts(body)).toEqual({ 1: 'Members too.', 2: 'No, also resend.' });
  });

  it('maps quoted requests for existing code and visuals to the standing questions', () => {
    const body =
      '> Is there existing code to reuse?\n\nSee `src/mail/send.ts`.\n\n> Any mockups?\n\n![m](https://img.example/m.png)';
    expect(texts(body)).toEqual({ [reuse]: 'See `src/mail/send.ts`.', [visuals]: '![m](https://img.example/m.png)' });
  });

  it('reads numbered lines that cannot start a list, and a later-numbered list after a labelled answer', () => {
    expect(texts('Answers:\n1. yes\nthen more\n\nQ2: no\n\n3) maybe later')).toEqual({
      1: 'yes\nthen more',
      2: 'no',
      3: 'maybe later',
    });
    expect(texts('Here goes:\n2. second\n3. third')).toEqual({ 2: 'second', 3: 'third' });
  });

  it('keeps a numbered list that is part of an answer (steps) in that answer', () => {
    expect(texts('Q2: Do it like this:\n\n1. open\n2. click')).toEqual({ 2: 'Do it like this:\n\n1. open\n2. click' });
  });

  it('ignores numbers nobody asked, code blocks and HTML comments', () => {
    expect(texts('```\n1. not an answer\n```\n\n<!-- 2. nor this -->\n\n99. unknown question')).toEqual({});
  });

  it('keeps what follows the answers as notes, and every image of the reply', () => {
    const reply = parseReply(
      'Thanks!\n\n1. yes\n\nFor code, see `app/models/invite.rb`.\n\n![x](https://img.example/x.png)',
      questions,
    );
    expect(reply.answers.map((a) => a.number)).toEqual([1]);
    expect(reply.notes).toBe('For code, see `app/models/invite.rb`.\n\n![x](https://img.example/x.png)');
    expect(reply.images).toEqual(['https://img.example/x.png']);
  });
});

describe('isUnclearAnswer', () => {
  it.each(['', '?', 'not sure', 'Maybe?', 'tbd', 'TBD です', 'idk', 'Depends on the IdP', "I don't know", 'No idea'])(
    '"%s" is unclear',
    (text) => {
      expect(isUnclearAnswer(text)).toBe(true);
    },
  );

  it.each([
    'Only admins.',
    'No.',
    'Yes, 7 days.',
    'Good question. The schedules should be disabled, not deleted, and the owner should get the same notification as for a failed run, so nobody misses it.',
  ])('"%s" is clear', (text) => {
    expect(isUnclearAnswer(text)).toBe(false);
  });
});
