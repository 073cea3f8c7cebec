import type { ClarifyingQuestion, RecordedAnswer } from '../spec/clarifying-question.js';
import type { GuardFinding } from './check-spec-draft.js';
import { normaliseQuoted, postable, repeatsQuestion } from './check-questions-draft.js';
import type { FollowUpsDraft } from './follow-ups-draft-schema.js';

/** What the follow-up check reads: the unclear answers and the deterministic follow-ups for them (the floor). */
export interface FollowUpsGrounding {
  questions: readonly ClarifyingQuestion[];
  unclear: ReadonlyArray<{ question: ClarifyingQuestion; answer: RecordedAnswer }>;
  /** The deterministic follow-ups, one per unclear answer in order (as many as may be asked). */
  floor: readonly ClarifyingQuestion[];
}

export interface FollowUpsCheck {
  /** Always true: a follow-up the check drops is replaced by the floor's for the same question. */
  ok: true;
  findings: GuardFinding[];
  questions: ClarifyingQuestion[];
  /** How many of `questions` are the model's. */
  byModel: number;
}

/**
 * The deterministic check on the model's follow-ups. For each question the floor follows up on, the model's
 * first follow-up about it is asked when it ends with a question mark, quotes words of that answer (or nothing,
 * when the answer was empty) and repeats no earlier follow-up; otherwise the floor's follow-up is asked instead.
 * A follow-up about a question that was not answered unclearly is dropped.
 */
export function checkFollowUpsDraft(draft: FollowUpsDraft, grounding: FollowUpsGrounding): FollowUpsCheck {
  const findings: GuardFinding[] = [];
  const followed = new Set(grounding.floor.map((q) => q.about));
  draft.follow_ups.forEach((f, i) => {
    if (!followed.has(f.about))
      findings.push({
        kind: 'bad-reference',
        message: `follow-up ${i + 1} is about Q${f.about}, whose answer was not unclear`,
      });
  });
  const questions: ClarifyingQuestion[] = [];
  let byModel = 0;
  for (const floor of grounding.floor) {
    const answer = grounding.unclear.find((u) => u.question.number === floor.about)?.answer.text ?? '';
    const said = normaliseQuoted(answer);
    const usable = draft.follow_ups.find((f, i) => {
      if (f.about !== floor.about) return false;
      const quote = normaliseQuoted(f.quote);
      const why = !f.text.trim().endsWith('?')
        ? 'does not end with a question mark'
        : said === ''
          ? quote === ''
            ? undefined
            : `quotes “${postable(f.quote)}”, but the answer was empty`
          : quote === '' || !said.includes(quote)
            ? `quotes “${postable(f.quote)}”, which is not in the answer to Q${f.about}`
            : questions.some((q) => repeatsQuestion(q.text, f.text))
              ? 'repeats an earlier follow-up'
              : undefined;
      if (why !== undefined) findings.push({ kind: 'bad-reference', message: `follow-up ${i + 1} ${why}` });
      return why === undefined;
    });
    if (usable === undefined) {
      questions.push(floor);
      continue;
    }
    byModel += 1;
    questions.push({
      number: floor.number,
      topic: 'follow-up',
      about: floor.about,
      text: postable(usable.text),
      default: postable(usable.default),
    });
  }
  return { ok: true, findings, questions, byModel };
}
