import type { z } from 'zod';
import { buildRepairPrompt } from '../core/model/build-spec-prompt.js';
import {
  addUsage,
  NO_USAGE,
  type ChatMessage,
  type ChatModel,
  type ModelFailure,
  type TokenUsage,
} from '../core/model/chat-model.js';
import type { GuardFinding } from '../core/model/check-spec-draft.js';
import { requestStructured } from './request-structured.js';

export type Guarded<T, C> =
  | { ok: true; draft: T; check: C; usage: TokenUsage; repaired: boolean }
  | { ok: false; reason: string; usage: TokenUsage };

function summarise(findings: readonly GuardFinding[]): string {
  const [first] = findings;
  if (first === undefined) return 'it failed the check';
  return `${first.message}${findings.length > 1 ? ` (and ${findings.length - 1} more finding${findings.length === 2 ? '' : 's'})` : ''}`;
}

const REPAIRABLE = new Set<ModelFailure['kind']>(['invalid-json', 'invalid-shape', 'empty']);

/**
 * Ask for a draft and hold it to a deterministic check: a draft that fails the check (or is not the shape asked
 * for) is asked for once more with the findings; a transport failure, or a second failure, is a reason in one
 * line for the caller to fall back on. Never throws for the model's sake.
 */
export async function draftWithGuard<T, C extends { ok: boolean; findings: GuardFinding[] }>(
  model: ChatModel,
  messages: readonly ChatMessage[],
  schemaName: string,
  schema: z.ZodType<T>,
  check: (draft: T) => C,
): Promise<Guarded<T, C>> {
  let usage: TokenUsage = NO_USAGE;
  const attempt = async (conversation: readonly ChatMessage[]) => {
    const answer = await requestStructured(model, conversation, schemaName, schema);
    usage = addUsage(usage, answer.usage);
    return answer;
  };
  const first = await attempt(messages);
  if (!first.ok) {
    if (!REPAIRABLE.has(first.failure.kind)) return { ok: false, reason: first.failure.message, usage };
    const second = await attempt(
      buildRepairPrompt(messages, '(not usable)', [
        { kind: 'bad-reference', message: `${first.failure.message}; answer with one JSON object in the schema` },
      ]),
    );
    if (!second.ok) return { ok: false, reason: `${second.failure.message} (also after one repair)`, usage };
    const checked = check(second.value);
    if (!checked.ok)
      return {
        ok: false,
        reason: `its draft failed the check after one repair: ${summarise(checked.findings)}`,
        usage,
      };
    return { ok: true, draft: second.value, check: checked, usage, repaired: true };
  }
  const checked = check(first.value);
  if (checked.ok) return { ok: true, draft: first.value, check: checked, usage, repaired: false };
  const again = await attempt(buildRepairPrompt(messages, JSON.stringify(first.value), checked.findings));
  if (!again.ok)
    return {
      ok: false,
      reason: `its draft failed the check (${summarise(checked.findings)}) and the repair gave no usable answer: ${again.failure.message}`,
      usage,
    };
  const rechecked = check(again.value);
  if (!rechecked.ok)
    return {
      ok: false,
      reason: `its draft failed the check also after one repair: ${summarise(rechecked.findings)}`,
      usage,
    };
  return { ok: true, draft: again.value, check: rechecked, usage, repaired: true };
}

/** What a draft's log line says: the model, who drafted, the calls and tokens, and the check's figures or the reason. */
export function guardLogFields<T, C>(
  modelName: string,
  guarded: Guarded<T, C>,
  figures: (check: C) => object = (check) => (check as { figures: object }).figures,
) {
  const { usage } = guarded;
  return {
    model: modelName,
    by: guarded.ok ? 'model' : 'deterministic',
    calls: usage.calls,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    ...(guarded.ok ? figures(guarded.check) : { reason: guarded.reason }),
  };
}

/** The hidden marker of a file the model drafted: the model, the hash of its inputs, the tokens it used. */
export function modelMarker(modelName: string, inputs: string, usage: TokenUsage) {
  return {
    drafter: 'model' as const,
    model: modelName,
    inputs,
    usage: { prompt: usage.promptTokens, completion: usage.completionTokens },
  };
}
