import type { ChatMessage, ChatModel, TokenUsage } from '../core/model/chat-model.js';
import { buildSpecPrompt } from '../core/model/build-spec-prompt.js';
import { checkSpecDraft, type DraftFigures } from '../core/model/check-spec-draft.js';
import { renderModelSpec } from '../core/model/render-model-spec.js';
import { SPEC_DRAFT_SCHEMA } from '../core/model/spec-draft-schema.js';
import type { SpecGrounding } from '../core/model/spec-grounding.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import { draftWithGuard } from './draft-with-guard.js';

/** Bump when the prompt or the schema changes meaning: drafts cached under an older version are drafted again. */
const PROMPT_VERSION = 1;

export interface PreparedSpecDraft {
  messages: ChatMessage[];
  /** The cache key kept in spec.md's marker: the same inputs never call the model twice. */
  inputs: string;
}

export function prepareSpecDraft(grounding: SpecGrounding, modelName: string, budgetTokens: number): PreparedSpecDraft {
  const messages = buildSpecPrompt(grounding, budgetTokens);
  return { messages, inputs: fingerprint(JSON.stringify({ v: PROMPT_VERSION, model: modelName, messages })) };
}

export type SpecDrafting =
  | { by: 'model'; content: string; usage: TokenUsage; figures: DraftFigures; repaired: boolean }
  | { by: 'deterministic'; content: string; usage: TokenUsage; reason: string };

/**
 * spec.md by the model, held to the deterministic floor (see `draftWithGuard`), or the floor with the reason.
 */
export async function draftSpecWithModel(input: {
  model: ChatModel;
  grounding: SpecGrounding;
  prepared: PreparedSpecDraft;
  floor: string;
  visuals: readonly string[];
}): Promise<SpecDrafting> {
  const { model, grounding, prepared } = input;
  const guarded = await draftWithGuard(model, prepared.messages, 'spec_draft', SPEC_DRAFT_SCHEMA, (draft) =>
    checkSpecDraft(draft, grounding),
  );
  if (!guarded.ok) return { by: 'deterministic', content: input.floor, usage: guarded.usage, reason: guarded.reason };
  const { usage } = guarded;
  const content = renderModelSpec({
    draft: guarded.draft,
    check: guarded.check,
    grounding,
    visuals: input.visuals,
    marker: {
      drafter: 'model',
      model: model.name,
      inputs: prepared.inputs,
      usage: { prompt: usage.promptTokens, completion: usage.completionTokens },
    },
  });
  return { by: 'model', content, usage, figures: guarded.check.figures, repaired: guarded.repaired };
}
