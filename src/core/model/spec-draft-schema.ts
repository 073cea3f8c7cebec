import { z } from 'zod';

/** `3`, `"3"`, `"R3"`, `"Q3"`, `"line 3"`: the number, as models write references. */
const ref = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(/\d+/.exec(v)?.[0] ?? Number.NaN);
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `expected a number, received ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});
const refs = (what: string) => z.array(ref).default([]).describe(what);
const paths = z
  .array(z.string())
  .default([])
  .describe('repository paths (files or folders) from the listed tree that this item is about');

/** Where an item of a draft comes from; an item with none is a proposal. */
export const SOURCES = {
  requirements: refs('numbers of the listed requirements (R1 → 1) this item carries over'),
  answers: refs('numbers of the answered questions (Q2 → 2) this item comes from'),
  issue_lines: refs('line numbers of the issue text (L4 → 4) this item comes from'),
  files: paths,
};

const line = z.string().trim().min(1);

/** spec.md as the model drafts it: the Agent OS sections, every item with its sources. */
export const SPEC_DRAFT_SCHEMA = z.object({
  goal: line.describe('one or two sentences: what the feature achieves and for whom'),
  user_stories: z.array(line).default([]).describe('"As a <role>, I want <action> so that <benefit>"'),
  requirements: z
    .array(
      z.object({
        name: line.describe('a short name'),
        details: z.array(line).default([]).describe('specific, testable statements'),
        ...SOURCES,
      }),
    )
    .describe('the specific requirements; together they must carry over every listed requirement'),
  acceptance_criteria: z.array(z.object({ text: line, ...SOURCES })).default([]),
  visual_design: z
    .array(z.object({ text: line, answers: SOURCES.answers, issue_lines: SOURCES.issue_lines }))
    .default([]),
  existing_code: z
    .array(
      z.object({
        path: line.describe('a path from the listed tree'),
        symbol: z.string().default('').describe('a function, class or component in it, if known'),
        reason: line,
        answers: SOURCES.answers,
      }),
    )
    .default([]),
  out_of_scope: z
    .array(z.object({ text: line, answers: SOURCES.answers, issue_lines: SOURCES.issue_lines }))
    .default([]),
});

export type SpecDraft = z.output<typeof SPEC_DRAFT_SCHEMA>;
export type DraftRequirement = SpecDraft['requirements'][number];
