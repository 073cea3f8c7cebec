import { z } from 'zod';
import {
  addUsage,
  type ChatMessage,
  type ChatModel,
  type ModelFailure,
  type TokenUsage,
} from '../core/model/chat-model.js';

export type StructuredResult<T> =
  { ok: true; value: T; usage: TokenUsage } | { ok: false; failure: ModelFailure; usage: TokenUsage };

/** The answer's JSON, also when a model wraps it in a code fence despite being asked not to. */
function parseJson(text: string): unknown {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n```$/.exec(trimmed);
  return JSON.parse(fenced?.[1] ?? trimmed) as unknown;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`)
    .join('; ');
}

/** Ask the model for an answer in `schema`'s shape, validated by the same zod schema the JSON Schema came from. */
export async function requestStructured<T>(
  model: ChatModel,
  messages: readonly ChatMessage[],
  schemaName: string,
  schema: z.ZodType<T>,
): Promise<StructuredResult<T>> {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const answer = await model.complete({ messages, schemaName, jsonSchema });
  if (!answer.ok) return answer;
  let json: unknown;
  try {
    json = parseJson(answer.text);
  } catch {
    return {
      ok: false,
      failure: { kind: 'invalid-json', message: 'the model answered with text that is not JSON' },
      usage: answer.usage,
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      failure: {
        kind: 'invalid-shape',
        message: `the model's answer does not fit the draft's shape (${describeIssues(parsed.error)})`,
      },
      usage: answer.usage,
    };
  return {
    ok: true,
    value: parsed.data,
    usage: addUsage({ calls: 0, promptTokens: 0, completionTokens: 0 }, answer.usage),
  };
}
