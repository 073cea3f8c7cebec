import type { ParsedIssue } from '../issue/parse-issue.js';

/** What a clarifying question is about; `reuse` and `visuals` are the two standing requests. */
export type QuestionTopic =
  | 'users-and-permissions'
  | 'scope'
  | 'acceptance'
  | 'data'
  | 'ui'
  | 'errors-and-edge-cases'
  | 'performance'
  | 'rollout'
  | 'api'
  | 'cli'
  | 'migration'
  | 'job'
  | 'library'
  | 'docs'
  | 'reuse'
  | 'visuals'
  | 'follow-up';

export interface ClarifyingQuestion {
  /** The number people answer by (`1.`, `Q1:`); follow-ups continue the numbering. */
  number: number;
  topic: QuestionTopic;
  /** The whole question as asked, phrased as an assumption with a way to disagree. */
  text: string;
  /** What stands when the question is left unanswered. */
  default: string;
  /** For a follow-up: the question it follows up on. */
  about?: number | undefined;
  /** For a follow-up: the id of the comment whose answer it follows up on. */
  askedIn?: number;
}

/** An answer as folded into the requirements: verbatim, with where it came from. */
export interface RecordedAnswer {
  text: string;
  commentId: number;
  author: string;
  /** Empty or vague ("not sure", "tbd"): a follow-up is asked. */
  unclear: boolean;
  /** Image addresses in the answer (listed under Visual Assets). */
  images: string[];
  /** Link addresses in the answer. */
  links: string[];
}

/**
 * Drafts the clarifying questions for an issue and the follow-ups for unclear answers. The deterministic
 * drafter needs no AI service; another drafter (an AI model, say) can replace it without touching the flow.
 */
export interface SpecDrafter {
  /** `repositoryPaths`: the repository's file paths when the caller read its tree (they sharpen the questions). */
  draftQuestions(
    issue: ParsedIssue,
    repositoryPaths?: readonly string[],
  ): ClarifyingQuestion[] | Promise<ClarifyingQuestion[]>;
  draftFollowUps(
    questions: readonly ClarifyingQuestion[],
    unclear: ReadonlyArray<{ question: ClarifyingQuestion; answer: RecordedAnswer }>,
    firstNumber: number,
  ): ClarifyingQuestion[] | Promise<ClarifyingQuestion[]>;
}

/** Topic names as people read them. */
export const TOPIC_LABELS: Record<QuestionTopic, string> = {
  'users-and-permissions': 'Users and permissions',
  scope: 'Scope',
  acceptance: 'Acceptance criteria',
  data: 'Data',
  ui: 'Where it appears',
  'errors-and-edge-cases': 'Errors and edge cases',
  performance: 'Performance',
  rollout: 'Rollout',
  api: 'API contract',
  cli: 'Command line',
  migration: 'Migration',
  job: 'Background work',
  library: 'Public interface',
  docs: 'Documentation',
  reuse: 'Existing code to reuse',
  visuals: 'Visual assets',
  'follow-up': 'Follow-up',
};
