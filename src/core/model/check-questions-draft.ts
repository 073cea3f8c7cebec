import type { StackEntry } from '../product/stack-entry.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import { TOPIC_LABELS, type ClarifyingQuestion, type QuestionTopic } from '../spec/clarifying-question.js';
import type { GuardFinding } from './check-spec-draft.js';
import type { QuestionsDraft } from './questions-draft-schema.js';

export const MIN_MODEL_QUESTIONS = 4;
export const MAX_MODEL_QUESTIONS = 8;
/** Longest question or default posted on the issue (a model that rambles is cut, not posted whole). */
const MAX_CHARS = 400;

/** Topics the model may use: everything but the two standing requests and follow-ups, which are not its to ask. */
const STANDING: ReadonlySet<string> = new Set(['reuse', 'visuals', 'follow-up']);
export const MODEL_TOPICS = (Object.keys(TOPIC_LABELS) as QuestionTopic[]).filter((t) => !STANDING.has(t));

/** What the question check reads: the issue as numbered lines (0 is the title) and the deterministic floor. */
export interface QuestionsGrounding {
  title: string;
  issueLines: string[];
  /** The deterministic drafter's questions for the same issue: its standing requests and scope question are reused. */
  floor: readonly ClarifyingQuestion[];
  /** The tech stack detected from the repository's manifests, when its tree was read; empty or absent when none. */
  stack?: readonly StackEntry[];
}

export interface QuestionsCheck {
  ok: boolean;
  /** Why questions were dropped (and, when too few are left, why the draft fails). */
  findings: GuardFinding[];
  /** The questions to ask, numbered, with the floor's standing requests last. Empty when the check fails. */
  questions: ClarifyingQuestion[];
  dropped: number;
}

/** Text for comparing: plain words, lower case, single spaces. */
export function normaliseQuoted(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/[“”"'‘’`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(text: string): Set<string> {
  return new Set(
    normaliseQuoted(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

/** Whether two questions ask the same thing: the same words, or nearly (Jaccard ≥ 0.8). */
export function repeatsQuestion(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return normaliseQuoted(a) === normaliseQuoted(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared) >= 0.8;
}

/** The model's text made safe to post: one line, markdown shown literally, no @mention, bounded. */
export function postable(text: string): string {
  const one = plainText(text).replace(/\s+/g, ' ').trim();
  const short = one.length <= MAX_CHARS ? one : `${one.slice(0, MAX_CHARS - 1)}…`;
  return escapeMarkdown(short).replace(/@/g, '@\u200b');
}

const ASSUMPTION = /\b(i assume|i'm assuming|i am assuming|assuming|i expect)\b/i;

/**
 * The deterministic check on the model's clarifying questions. A question is dropped when its topic is not one
 * of ours, it is not an assumption ending with a question mark, the words it quotes are not on the issue line it
 * names (nor anywhere in the issue), or it repeats an earlier one. At least four must remain; at most eight are
 * kept; a scope question is always among them (the floor's when the model has none); the floor's standing
 * requests (reuse, visuals) follow verbatim.
 */
export function checkQuestionsDraft(draft: QuestionsDraft, grounding: QuestionsGrounding): QuestionsCheck {
  const findings: GuardFinding[] = [];
  const lines = [grounding.title, ...grounding.issueLines].map((l) => normaliseQuoted(l));
  const whole = lines.join(' ');
  const kept: Array<Omit<ClarifyingQuestion, 'number'>> = [];
  const drop = (index: number, why: string) =>
    findings.push({ kind: 'bad-reference', message: `question ${index + 1} ${why}` });

  draft.questions.forEach((q, index) => {
    const text = q.text.trim();
    if (!(MODEL_TOPICS as string[]).includes(q.topic))
      return drop(index, `has the topic "${q.topic}", which is not one of ${MODEL_TOPICS.join(', ')}`);
    if (!text.endsWith('?') || !ASSUMPTION.test(text))
      return drop(index, 'is not phrased as an assumption ending with a question mark');
    const quote = normaliseQuoted(q.quote);
    const onLine = lines[q.issue_line]?.includes(quote) === true;
    if (quote.length < 3 || (!onLine && !whole.includes(quote)))
      return drop(index, `quotes “${postable(q.quote)}”, which is not in the issue`);
    if (kept.some((k) => repeatsQuestion(k.text, text))) return drop(index, 'repeats an earlier question');
    kept.push({ topic: q.topic as QuestionTopic, text: postable(text), default: postable(q.default) });
  });

  const dropped = draft.questions.length - kept.length;
  if (kept.length < MIN_MODEL_QUESTIONS) {
    findings.push({
      kind: 'no-requirements',
      message: `only ${kept.length} of its questions passed the check, and at least ${MIN_MODEL_QUESTIONS} are needed`,
    });
    return { ok: false, findings, questions: [], dropped };
  }
  let chosen = kept.slice(0, MAX_MODEL_QUESTIONS);
  if (!chosen.some((q) => q.topic === 'scope')) {
    const scope = grounding.floor.find((q) => q.topic === 'scope') ?? FALLBACK_SCOPE;
    chosen = [{ topic: 'scope' as const, text: scope.text, default: scope.default }, ...chosen].slice(
      0,
      MAX_MODEL_QUESTIONS,
    );
  }
  const standing = grounding.floor.filter((q) => q.topic === 'reuse' || q.topic === 'visuals');
  const questions = [...chosen, ...standing.map(({ topic, text, default: d }) => ({ topic, text, default: d }))].map(
    (q, i) => ({ ...q, number: i + 1 }),
  );
  return { ok: true, findings, questions, dropped };
}

/** The scope question when neither the model nor the floor asked one (the issue lists what is out of scope). */
const FALLBACK_SCOPE = {
  text: 'I assume the out-of-scope list in the issue is complete — is there anything else to leave out of the first version?',
  default: 'The out-of-scope list in the issue is complete.',
};
