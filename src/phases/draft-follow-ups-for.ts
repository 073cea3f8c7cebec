import type { ClarifyingQuestion, RecordedAnswer } from '../core/spec/clarifying-question.js';
import type { DraftedQuestions } from '../model/draft-questions-with-model.js';
import { draftFollowUpsWithModel } from '../model/draft-follow-ups-with-model.js';
import type { LifecycleContext } from './lifecycle-context.js';

/**
 * Follow-ups on unclear answers: the deterministic drafter's, improved by the configured model when the
 * repository's `drafter` setting is `model`. No unclear answer, no call. `memo` spans the retries of one fold.
 */
export async function draftFollowUpsFor(
  ctx: LifecycleContext,
  input: {
    questions: readonly ClarifyingQuestion[];
    unclear: ReadonlyArray<{ question: ClarifyingQuestion; answer: RecordedAnswer }>;
    firstNumber: number;
    memo: Map<string, DraftedQuestions>;
  },
): Promise<Omit<DraftedQuestions, 'drafted'> & { drafted?: DraftedQuestions['drafted'] }> {
  const floor = await ctx.drafter.draftFollowUps(input.questions, input.unclear, input.firstNumber);
  if (floor.length === 0 || ctx.model === undefined || ctx.settings.drafter !== 'model')
    return { questions: floor, note: '' };
  return draftFollowUpsWithModel(ctx.model, {
    grounding: { questions: input.questions, unclear: input.unclear, floor },
    memo: input.memo,
    log: ctx.log,
  });
}
