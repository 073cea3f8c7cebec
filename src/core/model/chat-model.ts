/**
 * A chat model as the drafters use it: messages in, one JSON answer out. The adapter (src/model/) speaks the
 * OpenAI-compatible chat-completions protocol; everything here is plain data.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: readonly ChatMessage[];
  /** A short name for the structured output (`spec_draft`). */
  schemaName: string;
  /** The JSON Schema the answer must follow (sent as `response_format`). */
  jsonSchema: Record<string, unknown>;
}

/** Tokens as the endpoint counted them, summed over the calls of one draft. */
export interface TokenUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

export const NO_USAGE: TokenUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    calls: a.calls + b.calls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
  };
}

/** Why a model gave no usable answer; every kind falls back to the deterministic draft. */
export type ModelFailureKind =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'unauthorized'
  | 'not-found'
  | 'bad-request'
  | 'unreachable'
  | 'invalid-json'
  | 'invalid-shape'
  | 'empty';

export interface ModelFailure {
  kind: ModelFailureKind;
  /** One line for the reply and the log; never holds the token. */
  message: string;
}

export type ChatResult =
  { ok: true; text: string; usage: TokenUsage } | { ok: false; failure: ModelFailure; usage: TokenUsage };

export interface ChatModel {
  /** The model's name as configured (`openai/gpt-4.1-mini`), for replies and the cache key. */
  readonly name: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}
