import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIssue, type ParsedIssue } from '../src/core/issue/parse-issue.js';
import type { ClarifyingQuestion, QuestionTopic } from '../src/core/spec/clarifying-question.js';
import { deterministicDrafter } from '../src/core/spec/deterministic-drafter.js';
import { foldAnswers } from '../src/core/spec/fold-answers.js';
import { parseReply } from '../src/core/spec/parse-answers.js';
import { parseRequirements } from '../src/core/spec/parse-requirements.js';
import { parseSpec, type SpecDocument } from '../src/core/spec/parse-spec.js';
import { renderRequirements } from '../src/core/spec/render-requirements.js';
import { renderSpec } from '../src/core/spec/render-spec.js';
import { renderTasks } from '../src/core/spec/render-tasks.js';

export const FEATURE_REQUESTS = 'test/fixtures/feature-requests';

export interface FeatureRequestExpectations {
  kinds: string[];
  requirements: string[];
  notRequirements?: string[];
  contracts?: string[];
  notAsked: string[];
  quoted?: string[];
  sections: Record<string, string[]>;
  groups?: string[];
  notGroups?: string[];
  answersToTasks: string[];
  /** What a good spec would do that the deterministic drafter cannot, said plainly (not asserted). */
  knownGaps?: string[];
  /** Topics answered that the drafter does not ask about, named among the known gaps. */
  knownUnasked?: string[];
}

export interface FeatureRequest {
  name: string;
  meta: { title: string; number: number; createdAt: string; author: string };
  body: string;
  /** A maintainer's answers, by the topic of the question they answer. */
  answers: Partial<Record<QuestionTopic, string>>;
  expected: FeatureRequestExpectations;
}

export function readFeatureRequests(): FeatureRequest[] {
  return readdirSync(FEATURE_REQUESTS).map((name) => {
    const read = (file: string) => readFileSync(join(FEATURE_REQUESTS, name, file), 'utf8');
    return {
      name,
      meta: JSON.parse(read('meta.json')) as FeatureRequest['meta'],
      body: read('issue.md'),
      answers: JSON.parse(read('answers.json')) as FeatureRequest['answers'],
      expected: JSON.parse(read('expected.json')) as FeatureRequestExpectations,
    };
  });
}

export interface ShapedRequest {
  issue: ParsedIssue;
  questions: ClarifyingQuestion[];
  /** Topics answered that no question asked. */
  unasked: string[];
  requirementsMd: string;
  specMd: string;
  spec: SpecDocument;
  tasksMd: string;
}

/** The whole deterministic path: questions, a reply answering by the numbers asked, requirements, spec, tasks. */
export function shapeFeatureRequest(request: FeatureRequest): ShapedRequest {
  const issue = parseIssue(request.meta.title, request.body);
  const questions = deterministicDrafter.draftQuestions(issue) as ClarifyingQuestion[];
  const unasked: string[] = [];
  const lines: string[] = [];
  for (const [topic, text] of Object.entries(request.answers)) {
    const question = questions.find((q) => q.topic === topic);
    if (question === undefined) unasked.push(topic);
    else lines.push(`${question.number}. ${text}`);
  }
  const reply = parseReply(lines.join('\n'), questions);
  const { state } = foldAnswers({ issue: request.meta.number, questions, answers: {} }, reply, {
    id: 1,
    author: request.meta.author,
  });
  const requirementsMd = renderRequirements({
    issue,
    issueNumber: request.meta.number,
    issueUrl: `https://github.com/acme/app/issues/${request.meta.number}`,
    branch: `agent-os/${request.meta.number}-x`,
    state,
  });
  const specMd = renderSpec(parseRequirements(requirementsMd));
  const spec = parseSpec(specMd);
  return { issue, questions, unasked, requirementsMd, specMd, spec, tasksMd: renderTasks(spec) };
}

/** The text of one `## Section` of a markdown document. */
export function sectionOf(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}
