import type { ClarifyingQuestion, RecordedAnswer } from './clarifying-question.js';

/** What the App keeps with requirements.md (in its hidden marker line): the questions asked and the answers. */
export interface ShapingState {
  issue: number;
  questions: ClarifyingQuestion[];
  /** By question number. */
  answers: Record<string, RecordedAnswer>;
}

/** Read the state from a marker's data, defensively: a hand-edited marker gives `undefined`, not a crash. */
export function toShapingState(data: unknown): ShapingState | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { issue, questions, answers } = data as Partial<ShapingState>;
  if (typeof issue !== 'number' || !Array.isArray(questions) || typeof answers !== 'object') return undefined;
  const validQuestions = questions.filter(
    (q): q is ClarifyingQuestion => typeof q === 'object' && typeof q.number === 'number' && typeof q.text === 'string' && typeof q.default === 'string',
  );
  return { issue, questions: validQuestions, answers };
}
