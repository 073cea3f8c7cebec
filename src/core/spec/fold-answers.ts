import type { ClarifyingQuestion, RecordedAnswer } from './clarifying-question.js';
import { MAX_FOLLOW_UPS } from './deterministic-drafter.js';
import type { ParsedReply } from './parse-answers.js';
import type { RecordedNote, ShapingState } from './shaping-state.js';

export interface AnswerComment {
  id: number;
  author: string;
}

export interface FoldResult {
  state: ShapingState;
  /** Numbers of the questions whose recorded answer changed. */
  changed: number[];
  /** The reply's notes (what it said beyond its answers) changed. */
  notesChanged: boolean;
  /** Questions answered unclearly in this comment that deserve a follow-up (not followed up before, within the limit). */
  needFollowUp: Array<{ question: ClarifyingQuestion; answer: RecordedAnswer }>;
}

/** Same answer, field by field (state read back from a file may hold its keys in another order). */
function same(a: RecordedAnswer | undefined, b: RecordedAnswer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.text === b.text &&
    a.commentId === b.commentId &&
    a.author === b.author &&
    a.unclear === b.unclear &&
    a.images.join('\n') === b.images.join('\n') &&
    a.links.join('\n') === b.links.join('\n')
  );
}

function sameNote(a: RecordedNote | undefined, b: RecordedNote | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.text === b.text &&
    a.author === b.author &&
    a.images.join('\n') === b.images.join('\n') &&
    a.links.join('\n') === b.links.join('\n')
  );
}

/**
 * Fold one comment's answers into the shaping state. A comment's answers replace its own earlier version
 * (an edited comment); between comments, the newer one wins. Pure: the same comment twice changes nothing.
 */
export function foldAnswers(state: ShapingState, reply: ParsedReply, comment: AnswerComment): FoldResult {
  const { answers } = reply;
  const next: Record<string, RecordedAnswer> = { ...state.answers };
  const answered = new Set(answers.map((a) => String(a.number)));
  // An edit that no longer answers a question withdraws that answer.
  for (const [number, recorded] of Object.entries(next)) {
    if (recorded.commentId === comment.id && !answered.has(number)) Reflect.deleteProperty(next, number);
  }
  for (const answer of answers) {
    const key = String(answer.number);
    const existing = next[key];
    if (existing !== undefined && existing.commentId > comment.id) continue;
    next[key] = {
      text: answer.text,
      commentId: comment.id,
      author: comment.author,
      unclear: answer.unclear,
      images: answer.images,
      links: answer.links,
    };
  }
  const numbers = new Set([...Object.keys(state.answers), ...Object.keys(next)]);
  const changed = [...numbers]
    .filter((n) => !same(state.answers[n], next[n]))
    .map(Number)
    .sort((a, b) => a - b);

  const followedUp = new Set(state.questions.flatMap((q) => (q.about === undefined ? [] : [q.about])));
  const room = MAX_FOLLOW_UPS - followedUp.size;
  const needFollowUp = state.questions
    .filter((q) => q.topic !== 'follow-up' && !followedUp.has(q.number))
    .flatMap((question) => {
      const answer = next[String(question.number)];
      return answer !== undefined && answer.unclear && answer.commentId === comment.id ? [{ question, answer }] : [];
    })
    .slice(0, Math.max(0, room));
  const notes: Record<string, RecordedNote> = { ...(state.notes ?? {}) };
  const key = String(comment.id);
  // Images and links anywhere in the reply count, even outside the numbered answers.
  const inAnswers = new Set(answers.flatMap((a) => [...a.images, ...a.links]));
  const images = reply.images.filter((u) => !inAnswers.has(u));
  const links = reply.links.filter((u) => !inAnswers.has(u) && !reply.images.includes(u));
  if (reply.notes === '' && images.length === 0 && links.length === 0) Reflect.deleteProperty(notes, key);
  else notes[key] = { author: comment.author, text: reply.notes, images, links };
  const notesChanged = !sameNote(notes[key], state.notes?.[key]);
  return { state: { ...state, answers: next, notes }, changed, notesChanged, needFollowUp };
}

/** The number the next follow-up question gets. */
export function nextQuestionNumber(state: ShapingState): number {
  return Math.max(0, ...state.questions.map((q) => q.number)) + 1;
}
