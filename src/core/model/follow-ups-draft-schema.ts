import { z } from 'zod';

const line = z.string().trim().min(1);

/** `5`, `"5"`, `"Q5"`: a question number, as models write references. */
const questionNumber = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(/\d+/.exec(v)?.[0] ?? Number.NaN);
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `expected a question number, received ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});

/** Follow-up questions on unclear answers, as the model drafts them: each names the answer it quotes. */
export const FOLLOW_UPS_DRAFT_SCHEMA = z.object({
  follow_ups: z
    .array(
      z.object({
        about: questionNumber.describe('the number of the question whose answer was unclear (Q5 → 5)'),
        text: line.describe('one question that helps the person answer, ending with a question mark'),
        default: line.describe('what stands when nobody answers, as a plain statement'),
        quote: z
          .string()
          .default('')
          .describe('a few words copied exactly from the unclear answer; empty when the answer was empty'),
      }),
    )
    .describe('one follow-up per unclear answer'),
});

export type FollowUpsDraft = z.output<typeof FOLLOW_UPS_DRAFT_SCHEMA>;
