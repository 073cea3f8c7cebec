import type { ChatModel } from '../core/model/chat-model.js';
import { buildFollowUpsPrompt } from '../core/model/build-follow-ups-prompt.js';
import { checkFollowUpsDraft, type FollowUpsGrounding } from '../core/model/check-follow-ups-draft.js';
import { FOLLOW_UPS_DRAFT_SCHEMA } from '../core/model/follow-ups-draft-schema.js';
import { renderUsage } from '../core/model/render-drafting-note.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import type { DraftLog } from './draft-spec-file.js';
import type { DraftedQuestions } from './draft-questions-with-model.js';
import { draftWithGuard, guardLogFields } from './draft-with-guard.js';

const PROMPT_VERSION = 1;

/**
 * Follow-ups on unclear answers by the model, each held to `checkFollowUpsDraft` (one that fails it is replaced
 * by the deterministic follow-up for the same question); a model that gives no usable answer leaves the
 * deterministic follow-ups, with the reason in one line. `memo` holds drafts by the hash of their inputs, so
 * a write retried on a fresh read asks the model nothing again.
 */
export async function draftFollowUpsWithModel(
  model: ChatModel,
  input: { grounding: FollowUpsGrounding; memo?: Map<string, DraftedQuestions>; log: DraftLog },
): Promise<DraftedQuestions> {
  const { grounding } = input;
  const messages = buildFollowUpsPrompt(grounding);
  const inputs = fingerprint(JSON.stringify({ v: PROMPT_VERSION, model: model.name, messages }));
  const memoised = input.memo?.get(inputs);
  if (memoised !== undefined) return memoised;
  const guarded = await draftWithGuard(model, messages, 'follow_up_questions', FOLLOW_UPS_DRAFT_SCHEMA, (draft) =>
    checkFollowUpsDraft(draft, grounding),
  );
  const { usage } = guarded;
  input.log.info(
    guardLogFields(model.name, guarded, (check) => ({ byModel: check.byModel, findings: check.findings.length })),
    'model draft: follow-up questions',
  );
  const footer = usage.calls > 0 ? `\n\n${renderUsage(model.name, usage)}` : '';
  const usageOf = { prompt: usage.promptTokens, completion: usage.completionTokens };
  let drafted: DraftedQuestions;
  if (!guarded.ok) {
    drafted = {
      questions: [...grounding.floor],
      drafted: { drafter: 'deterministic', model: model.name, inputs, usage: usageOf },
      note: `Asked by the deterministic drafter, because the model \`${model.name}\` gave no follow-ups it could use: ${guarded.reason}.${footer}`,
    };
  } else {
    const { byModel } = guarded.check;
    const total = guarded.check.questions.length;
    const by =
      byModel === total
        ? `Asked by \`${model.name}\``
        : `${byModel} of ${total} asked by \`${model.name}\` (the others by the deterministic drafter: the model's were off the answer's text)`;
    drafted = {
      questions: guarded.check.questions,
      drafted: { drafter: byModel > 0 ? 'model' : 'deterministic', model: model.name, inputs, usage: usageOf },
      note: `${by}.${footer}`,
    };
  }
  input.memo?.set(inputs, drafted);
  return drafted;
}
