import { addUsage, NO_USAGE, type ChatMessage, type ChatModel, type ModelFailure, type TokenUsage } from '../core/model/chat-model.js';
import { buildRepairPrompt, buildSpecPrompt } from '../core/model/build-spec-prompt.js';
import { checkSpecDraft, type DraftFigures, type GuardFinding } from '../core/model/check-spec-draft.js';
import { renderModelSpec } from '../core/model/render-model-spec.js';
import { SPEC_DRAFT_SCHEMA, type SpecDraft } from '../core/model/spec-draft-schema.js';
import type { SpecGrounding } from '../core/model/spec-grounding.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import { requestStructured } from './request-structured.js';

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

function summarise(findings: readonly GuardFinding[]): string {
  const [first] = findings;
  if (first === undefined) return 'it failed the check';
  return `${first.message}${findings.length > 1 ? ` (and ${findings.length - 1} more finding${findings.length === 2 ? '' : 's'})` : ''}`;
}

const REPAIRABLE = new Set<ModelFailure['kind']>(['invalid-json', 'invalid-shape', 'empty']);

/**
 * spec.md by the model, held to the deterministic floor: the draft is checked; a draft that fails (or is not the
 * shape asked for) is repaired once with the findings; anything else, or a second failure, gives the
 * deterministic draft with the reason in one line. Never throws for the model's sake.
 */
export async function draftSpecWithModel(input: {
  model: ChatModel;
  grounding: SpecGrounding;
  prepared: PreparedSpecDraft;
  floor: string;
  visuals: readonly string[];
}): Promise<SpecDrafting> {
  const { model, grounding, prepared, floor } = input;
  let usage: TokenUsage = NO_USAGE;
  const fallback = (reason: string): SpecDrafting => ({ by: 'deterministic', content: floor, usage, reason });

  const attempt = async (messages: readonly ChatMessage[]) => {
    const answer = await requestStructured(model, messages, 'spec_draft', SPEC_DRAFT_SCHEMA);
    usage = addUsage(usage, answer.usage);
    return answer;
  };

  let draft: SpecDraft;
  let repaired = false;
  const first = await attempt(prepared.messages);
  if (!first.ok) {
    if (!REPAIRABLE.has(first.failure.kind)) return fallback(first.failure.message);
    const second = await attempt(buildRepairPrompt(prepared.messages, '(not valid)', [{ kind: 'bad-reference', message: `${first.failure.message}; answer with one JSON object in the schema` }]));
    if (!second.ok) return fallback(`${second.failure.message} (also after one repair)`);
    draft = second.value;
    repaired = true;
  } else {
    draft = first.value;
  }
  let check = checkSpecDraft(draft, grounding);
  if (!check.ok && !repaired) {
    const again = await attempt(buildRepairPrompt(prepared.messages, JSON.stringify(draft), check.findings));
    if (!again.ok) return fallback(`its draft failed the check (${summarise(check.findings)}) and the repair gave no usable answer: ${again.failure.message}`);
    draft = again.value;
    repaired = true;
    check = checkSpecDraft(draft, grounding);
  }
  if (!check.ok) return fallback(`its draft failed the check${repaired ? ' also after one repair' : ''}: ${summarise(check.findings)}`);
  const content = renderModelSpec({
    draft,
    check,
    grounding,
    visuals: input.visuals,
    marker: { drafter: 'model', model: model.name, inputs: prepared.inputs, usage: { prompt: usage.promptTokens, completion: usage.completionTokens } },
  });
  return { by: 'model', content, usage, figures: check.figures, repaired };
}
