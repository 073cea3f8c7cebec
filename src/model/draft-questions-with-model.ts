import type { ChatModel, TokenUsage } from '../core/model/chat-model.js';
import { buildQuestionsPrompt } from '../core/model/build-questions-prompt.js';
import { checkQuestionsDraft, type QuestionsGrounding } from '../core/model/check-questions-draft.js';
import { QUESTIONS_DRAFT_SCHEMA } from '../core/model/questions-draft-schema.js';
import { renderUsage } from '../core/model/render-drafting-note.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import type { ClarifyingQuestion } from '../core/spec/clarifying-question.js';
import type { QuestionsDrafted } from '../core/spec/shaping-state.js';
import type { DraftLog } from './draft-spec-file.js';
import { draftWithGuard, guardLogFields } from './draft-with-guard.js';

/** Bump when the prompt or the schema changes meaning. */
const PROMPT_VERSION = 1;

export interface DraftedQuestions {
  questions: ClarifyingQuestion[];
  /** Kept in requirements.md's marker: who asked, and the hash of the inputs (the cache key). */
  drafted: QuestionsDrafted;
  /** One paragraph for the questions comment; empty when nothing new was asked of the model. */
  note: string;
}

/** The cache key: the prompt version, the model and the whole conversation it would be sent. */
export function questionsInputs(model: ChatModel, grounding: QuestionsGrounding): string {
  return fingerprint(
    JSON.stringify({ v: PROMPT_VERSION, model: model.name, messages: buildQuestionsPrompt(grounding) }),
  );
}

const usageOf = (u: TokenUsage) => ({ prompt: u.promptTokens, completion: u.completionTokens });

/**
 * The clarifying questions by the model, held to `checkQuestionsDraft` (repaired once), or the deterministic
 * floor with a one-line reason. Questions already drafted for exactly these inputs (`cached`) are returned
 * without a call, so a redelivery or a second replica never asks the model again nor asks different questions.
 */
export async function draftQuestionsWithModel(
  model: ChatModel,
  input: {
    grounding: QuestionsGrounding;
    cached?: { questions: ClarifyingQuestion[]; drafted?: QuestionsDrafted };
    log: DraftLog;
  },
): Promise<DraftedQuestions> {
  const { grounding } = input;
  const inputs = questionsInputs(model, grounding);
  if (input.cached?.drafted?.inputs === inputs && input.cached.questions.length > 0) {
    input.log.info({ model: model.name, inputs }, 'model draft: questions cached');
    return { questions: input.cached.questions, drafted: input.cached.drafted, note: '' };
  }
  const guarded = await draftWithGuard(
    model,
    buildQuestionsPrompt(grounding),
    'clarifying_questions',
    QUESTIONS_DRAFT_SCHEMA,
    (draft) => checkQuestionsDraft(draft, grounding),
  );
  const { usage } = guarded;
  input.log.info(
    guardLogFields(model.name, guarded, (check) => ({ dropped: check.dropped })),
    'model draft: clarifying questions',
  );
  const footer = usage.calls > 0 ? `\n\n${renderUsage(model.name, usage)}` : '';
  if (!guarded.ok) {
    return {
      questions: [...grounding.floor],
      drafted: { drafter: 'deterministic', model: model.name, inputs, usage: usageOf(usage) },
      note: `Asked by the deterministic drafter, because the model \`${model.name}\` gave no questions it could use: ${guarded.reason}.${footer}`,
    };
  }
  const { dropped } = guarded.check;
  const droppedNote =
    dropped === 0
      ? ''
      : ` (${dropped} more ${dropped === 1 ? 'question was' : 'questions were'} dropped: off the issue's text or repeated)`;
  return {
    questions: guarded.check.questions,
    drafted: { drafter: 'model', model: model.name, inputs, usage: usageOf(usage) },
    note: `Asked by \`${model.name}\`${guarded.repaired ? ' (repaired once)' : ''}, each question checked against the issue's text${droppedNote}.${footer}`,
  };
}
