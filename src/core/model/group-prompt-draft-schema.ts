import { z } from 'zod';

const line = z.string().trim().min(1);
const tasks = z
  .array(z.union([z.string(), z.number()]).transform(String))
  .default([])
  .describe('references of the listed tasks (1.2, T3) this item is about');
const files = z.array(z.string()).default([]).describe('repository paths from the listed tree this item is about');

/** A group's implementation guidance as the model drafts it: every item names the tasks and files it is about. */
export const GROUP_PROMPT_DRAFT_SCHEMA = z.object({
  approach: z
    .array(
      z.object({
        text: line.describe('one concrete step: what to change where, and how to test it'),
        tasks,
        files,
        requirements: z
          .array(z.number())
          .default([])
          .describe('numbers of the specific requirements (R2 → 2) it implements'),
      }),
    )
    .describe('the steps, in order; together they must address every listed task'),
  reuse: z
    .array(
      z.object({
        path: line.describe('a path from the listed tree'),
        symbol: z.string().default(''),
        reason: line,
        tasks,
      }),
    )
    .default([]),
  watch_out: z.array(z.object({ text: line.describe('a pitfall or edge case to test'), tasks, files })).default([]),
});

export type GroupPromptDraft = z.output<typeof GROUP_PROMPT_DRAFT_SCHEMA>;
