import type { ClarifyingQuestion, RecordedAnswer } from './clarifying-question.js';

/** What the App keeps with requirements.md (in its hidden marker line): the questions asked and the answers. */
export interface ShapingState {
  issue: number;
  questions: ClarifyingQuestion[];
  /** By question number. */
  answers: Record<string, RecordedAnswer>;
  /** What replies said beyond their numbered answers, by comment id (kept so nothing people wrote is lost). */
  notes?: Record<string, RecordedNote>;
  /** Who asked the questions when a model was configured, and the hash of its inputs (the cache key). */
  questionsDrafted?: QuestionsDrafted;
  /** The same for the follow-ups asked on each answering comment, by comment id. */
  followUpsDrafted?: Record<string, QuestionsDrafted>;
}

export interface QuestionsDrafted {
  drafter: 'model' | 'deterministic';
  model: string;
  inputs: string;
  usage: { prompt: number; completion: number };
}

function toQuestionsDrafted(data: unknown): QuestionsDrafted | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { drafter, model, inputs, usage } = data as Partial<Record<keyof QuestionsDrafted, unknown>>;
  if ((drafter !== 'model' && drafter !== 'deterministic') || typeof model !== 'string' || typeof inputs !== 'string')
    return undefined;
  const { prompt, completion } = (typeof usage === 'object' && usage !== null ? usage : {}) as {
    prompt?: unknown;
    completion?: unknown;
  };
  return {
    drafter,
    model,
    inputs,
    usage: {
      prompt: typeof prompt === 'number' ? prompt : 0,
      completion: typeof completion === 'number' ? completion : 0,
    },
  };
}

export interface RecordedNote {
  author: string;
  text: string;
  images: string[];
  links: string[];
}

/** Read the state from a marker's data, defensively: a hand-edited marker gives `undefined`, not a crash. */
export function toShapingState(data: unknown): ShapingState | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { issue, questions, answers } = data as { issue?: unknown; questions?: unknown; answers?: unknown };
  if (typeof issue !== 'number' || !Array.isArray(questions) || typeof answers !== 'object' || answers === null)
    return undefined;
  const validQuestions = (questions as unknown[]).filter((q): q is ClarifyingQuestion => {
    if (typeof q !== 'object' || q === null) return false;
    const { number, text, default: fallback } = q as { number?: unknown; text?: unknown; default?: unknown };
    return typeof number === 'number' && typeof text === 'string' && typeof fallback === 'string';
  });
  const validAnswers: Record<string, RecordedAnswer> = {};
  for (const [number, answer] of Object.entries(answers as Record<string, Partial<RecordedAnswer>>)) {
    if (typeof answer.text !== 'string') continue;
    validAnswers[number] = {
      text: answer.text,
      commentId: typeof answer.commentId === 'number' ? answer.commentId : 0,
      author: typeof answer.author === 'string' ? answer.author : '',
      unclear: answer.unclear === true,
      images: Array.isArray(answer.images) ? answer.images.filter((u) => typeof u === 'string') : [],
      links: Array.isArray(answer.links) ? answer.links.filter((u) => typeof u === 'string') : [],
    };
  }
  const validNotes: Record<string, RecordedNote> = {};
  const notes = (data as { notes?: unknown }).notes;
  if (typeof notes === 'object' && notes !== null) {
    for (const [id, note] of Object.entries(notes as Record<string, Partial<RecordedNote>>)) {
      if (typeof note.text !== 'string') continue;
      validNotes[id] = {
        text: note.text,
        author: typeof note.author === 'string' ? note.author : '',
        images: Array.isArray(note.images) ? note.images.filter((u) => typeof u === 'string') : [],
        links: Array.isArray(note.links) ? note.links.filter((u) => typeof u === 'string') : [],
      };
    }
  }
  const questionsDrafted = toQuestionsDrafted((data as { questionsDrafted?: unknown }).questionsDrafted);
  const followUpsDrafted: Record<string, QuestionsDrafted> = {};
  const recordedFollowUps = (data as { followUpsDrafted?: unknown }).followUpsDrafted;
  if (typeof recordedFollowUps === 'object' && recordedFollowUps !== null) {
    for (const [id, record] of Object.entries(recordedFollowUps)) {
      const valid = toQuestionsDrafted(record);
      if (valid !== undefined) followUpsDrafted[id] = valid;
    }
  }
  return {
    issue,
    questions: validQuestions,
    answers: validAnswers,
    notes: validNotes,
    ...(questionsDrafted === undefined ? {} : { questionsDrafted }),
    ...(Object.keys(followUpsDrafted).length === 0 ? {} : { followUpsDrafted }),
  };
}
