import { parseIssue, type ParsedIssue } from '../core/issue/parse-issue.js';
import { renderRequirements } from '../core/spec/render-requirements.js';
import type { ShapingState } from '../core/spec/shaping-state.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { draftQuestionsFor, type QuestionDrafting } from './draft-questions-for.js';

export interface DraftedRequirements {
  parsed: ParsedIssue;
  state: ShapingState;
  /** Who asked the questions (empty without a model). */
  note: string;
  /** planning/requirements.md, with the questions and no answers yet. */
  content: string;
}

/**
 * shape-spec's first step, wherever it runs: the issue read into requirements, the clarifying questions asked
 * (fitted to the repository's paths), and planning/requirements.md rendered with them.
 */
export async function draftRequirements(
  ctx: QuestionDrafting,
  input: {
    issue: { number: number; title: string; body: string; url: string };
    location: SpecLocation;
    repositoryPaths: readonly string[];
  },
): Promise<DraftedRequirements> {
  const { issue, location } = input;
  const parsed = parseIssue(issue.title, issue.body);
  const { questions, drafted, note } = await draftQuestionsFor(ctx, parsed, input.repositoryPaths);
  const state: ShapingState = {
    issue: issue.number,
    questions,
    answers: {},
    ...(drafted === undefined ? {} : { questionsDrafted: drafted }),
  };
  const content = renderRequirements({
    issue: parsed,
    issueNumber: issue.number,
    issueUrl: issue.url,
    branch: location.branch,
    state,
  });
  return { parsed, state, note, content };
}
