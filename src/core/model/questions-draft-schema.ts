import { z } from 'zod';

const line = z.string().trim().min(1);

/** `3`, `"3"`, `"L3"`: a line number, as models write references. */
const lineNumber = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(/\d+/.exec(v)?.[0] ?? Number.NaN);
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `expected a line number, received ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});

/** The clarifying questions as the model drafts them: each an assumption to confirm, with the issue text it rests on. */
export const QUESTIONS_DRAFT_SCHEMA = z.object({
  questions: z
    .array(
      z.object({
        topic: line.describe('one of the listed topics'),
        text: line.describe('the question, phrased as an assumption ("I assume …") and ending with a question mark'),
        default: line.describe('what stands when nobody answers: the assumption as a plain statement'),
        issue_line: lineNumber.describe('the number of the issue line it quotes (L4 → 4; 0 for the title)'),
        quote: line.describe('a few words copied exactly from that line'),
      }),
    )
    .describe('4 to 8 clarifying questions, one of them about scope'),
});

export type QuestionsDraft = z.output<typeof QUESTIONS_DRAFT_SCHEMA>;
export type DraftedQuestion = QuestionsDraft['questions'][number];
