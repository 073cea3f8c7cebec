import { buildGroupPromptRequest } from '../core/model/build-group-prompt-request.js';
import type { ChatModel } from '../core/model/chat-model.js';
import { checkGroupPromptDraft } from '../core/model/check-group-prompt-draft.js';
import { GROUP_PROMPT_DRAFT_SCHEMA } from '../core/model/group-prompt-draft-schema.js';
import type { GroupPromptGrounding } from '../core/model/group-prompt-grounding.js';
import { ruleNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import {
  cachedGuidance,
  renderModelGroupPrompt,
  renderModelGuidance,
} from '../core/model/render-model-group-prompt.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import type { DraftLog } from './draft-spec-file.js';
import { draftWithGuard, guardLogFields, modelMarker } from './draft-with-guard.js';

/** Bump when the prompt or the schema changes meaning: guidance cached under an older version is drafted again. */
const PROMPT_VERSION = 1;

/**
 * One task group's implementation prompt with the model's guidance: the deterministic prompt (`floor`: the
 * group's tasks, the spec and requirements references, the standards) kept whole, followed by the model's steps,
 * code to reuse and pitfalls, checked (every task addressed, cited paths exist), repaired at most once; or the
 * floor with the reason. A prompt file holding the model's guidance for exactly these inputs is reused without a
 * call, also after tasks were ticked (the ticks are not among the inputs).
 */
export async function draftGroupPrompt(
  model: ChatModel,
  input: {
    grounding: GroupPromptGrounding;
    floor: string;
    existingText: string | undefined;
    budgetTokens: number;
    log: DraftLog;
  },
): Promise<{ prompt: string; note: DraftingNote }> {
  const { grounding } = input;
  const messages = buildGroupPromptRequest(grounding, input.budgetTokens);
  const inputs = fingerprint(JSON.stringify({ v: PROMPT_VERSION, model: model.name, messages }));
  const cached = cachedGuidance(input.existingText, inputs);
  if (cached !== undefined) {
    input.log.info({ model: model.name, inputs, group: grounding.groupKey }, 'model draft: cached');
    return {
      prompt: renderModelGroupPrompt(input.floor, cached.guidance, cached.marker),
      note: { by: 'cached', model: model.name },
    };
  }
  const guarded = await draftWithGuard(model, messages, 'group_prompt', GROUP_PROMPT_DRAFT_SCHEMA, (draft) =>
    checkGroupPromptDraft(draft, grounding),
  );
  const { usage } = guarded;
  input.log.info({ group: grounding.groupKey, ...guardLogFields(model.name, guarded) }, 'model draft: group prompt');
  if (!guarded.ok) return { prompt: input.floor, note: ruleNote(model.name, guarded.reason, usage) };
  const guidance = renderModelGuidance({ draft: guarded.draft, check: guarded.check, model: model.name });
  return {
    prompt: renderModelGroupPrompt(input.floor, guidance, modelMarker(model.name, inputs, usage)),
    note: { by: 'model', model: model.name, usage, figures: guarded.check.figures, repaired: guarded.repaired },
  };
}
