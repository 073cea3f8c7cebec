import { z } from 'zod';

const line = z.string().trim().min(1);
/** Ids of what an item comes from: `F2` (key feature), `U1` (user segment), `D1`, `PITCH`, `PROBLEM`, `L4` (issue line). */
const from = z
  .array(z.string().trim())
  .default([])
  .describe('ids of the listed items (F1, U2, D1, PITCH, PROBLEM) and issue lines (L4) this item comes from');
const files = z.array(z.string()).default([]).describe('repository paths from the listed tree this item is about');

/** mission.md and roadmap.md as the model drafts them: the Agent OS product sections, every item with its sources. */
export const PRODUCT_DRAFT_SCHEMA = z.object({
  pitch: z.object({
    text: line.describe('one or two sentences: the product, for whom, and what it achieves'),
    from,
    files,
  }),
  customers: z.array(z.object({ name: line.describe('a customer segment'), description: line, from })).default([]),
  personas: z
    .array(
      z.object({
        name: line.describe('a persona: role and context'),
        context: line,
        pain_points: z.array(line).default([]),
        goals: z.array(line).default([]),
        from,
      }),
    )
    .default([]),
  problem: z.object({ text: line.describe('the problem the product solves, and its cost'), from }),
  differentiators: z.array(z.object({ name: line, text: line, from })).default([]),
  features: z
    .array(z.object({ title: line, description: line.describe('what it lets users do'), from, files }))
    .describe('the key features; together they must carry every listed feature'),
  roadmap: z
    .array(
      z.object({
        title: line.describe('an end-to-end testable feature'),
        description: line,
        effort: z.string().default('').describe('XS (1 day), S (2-3 days), M (1 week), L (2 weeks) or XL (3+ weeks)'),
        from,
        files,
      }),
    )
    .describe('ordered by technical dependencies; together the items must carry every listed feature'),
});

export type ProductDraft = z.output<typeof PRODUCT_DRAFT_SCHEMA>;
