import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import type { ClarifyingQuestion, SpecDrafter } from './clarifying-question.js';
import { draftIssueQuestions, standingRequests } from './draft-questions.js';
import { questionContext } from './question-context.js';

export { MAX_QUESTIONS, MIN_QUESTIONS } from './draft-questions.js';
export const MAX_FOLLOW_UPS = 3;

/** Plain text of what someone wrote, shortened to a phrase and safe to quote: markdown escaped, no `@` mention. */
function phrase(markdown: string, max = 80): string {
  const plain = plainText(markdown).replace(/\s+/g, ' ').trim();
  const short =
    plain.length <= max
      ? plain.replace(/[.;:]$/, '')
      : `${plain.slice(0, Math.max(plain.slice(0, max).lastIndexOf(' '), max / 2))}…`;
  return escapeMarkdown(short).replace(/@/g, '@\u200b');
}

/** Rule-based drafting: the same issue always gets the same questions, with defaults drawn from its text. */
export const deterministicDrafter: SpecDrafter = {
  draftQuestions(issue, repositoryPaths = []) {
    const context = questionContext(issue, repositoryPaths);
    const numbered: ClarifyingQuestion[] = draftIssueQuestions(context).map((q, i) => ({ ...q, number: i + 1 }));
    return [...numbered, ...standingRequests(context, numbered.length + 1)];
  },

  draftFollowUps(_questions, unclear, firstNumber) {
    return unclear.slice(0, MAX_FOLLOW_UPS).map(({ question, answer }, i) => {
      const said = answer.text.trim() === '' ? 'was left empty' : `was “${phrase(answer.text, 60)}”`;
      return {
        number: firstNumber + i,
        topic: 'follow-up' as const,
        about: question.number,
        text: `About question ${question.number}, your answer ${said}. Unless you say otherwise we will go with: ${question.default} Is that right, or what would you prefer?`,
        default: question.default,
      };
    });
  },
};
