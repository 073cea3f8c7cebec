import type OpenAI from 'openai';
import type { ChatModel, ChatRequest, ChatResult, ModelFailure, TokenUsage } from '../core/model/chat-model.js';
import type { ModelEndpoint } from './model-endpoint.js';

export interface ChatModelOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Attempts after the first, on 408/409/429/5xx and connection errors (the SDK waits as `retry-after` says). */
  maxRetries?: number;
  /** A `retry-after` longer than this (seconds) is not waited for: the draft falls back instead. */
  maxRetryAfterSeconds?: number;
  /** For tests: the fetch the SDK uses (defaults to the global one). */
  fetch?: typeof fetch;
}

export const DEFAULT_MODEL_OPTIONS = { timeoutMs: 60_000, maxRetries: 2, maxRetryAfterSeconds: 20 } as const;

/** Seconds a response asks us to wait (`retry-after-ms`, `retry-after` as seconds or a date), if it says. */
function retryAfterSeconds(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms / 1000;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : (date - Date.now()) / 1000;
}

/**
 * A fetch that tells the SDK not to retry when the endpoint asks for a longer wait than we allow (a daily quota,
 * say): a webhook must not sleep for minutes, and the deterministic draft is always there.
 */
function boundedRetryFetch(inner: typeof fetch, maxSeconds: number): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      // An abort (our timeout) as an Error of this realm, so the SDK recognises it as one (fetch throws a
      // DOMException, which is not an Error where the code runs in another realm, as under Jest).
      if (!(error instanceof Error) && (error as { name?: unknown } | null)?.name === 'AbortError') {
        throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
      }
      throw error;
    }
    if (response.status !== 429 && response.status < 500) return response;
    const wait = retryAfterSeconds(response.headers);
    if (wait === undefined || wait <= maxSeconds) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function redactToken(text: string, token: string): string {
  return token.length >= 8 ? text.split(token).join('[redacted]') : text;
}

function redact(text: string, token: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const short = one.length > 200 ? `${one.slice(0, 200)}…` : one;
  return token.length >= 4 ? short.split(token).join('[token]') : short;
}

/** The SDK's module: its classes tell one failure from another. */
type OpenAIModule = typeof OpenAI;

function failureOf(OpenAI: OpenAIModule, error: unknown, endpoint: ModelEndpoint, timeoutMs: number): ModelFailure {
  const said = (e: { message: string }) => redact(e.message, endpoint.token);
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return { kind: 'timeout', message: `the model did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s` };
  if (error instanceof OpenAI.APIConnectionError)
    return { kind: 'unreachable', message: `the model endpoint could not be reached (${said(error)})` };
  if (error instanceof OpenAI.RateLimitError) {
    const wait = retryAfterSeconds(error.headers);
    return {
      kind: 'rate-limited',
      message: `the model endpoint is rate limited (429${wait === undefined ? '' : `, retry after ${Math.ceil(wait)} s`})`,
    };
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return {
      kind: 'unauthorized',
      message: `the model endpoint refused the token (${error.status}); give it access to the model (GitHub Models: \`permissions: models: read\`)`,
    };
  }
  if (error instanceof OpenAI.NotFoundError)
    return { kind: 'not-found', message: `the model endpoint does not know the model \`${endpoint.model}\` (404)` };
  if (error instanceof OpenAI.InternalServerError)
    return { kind: 'server-error', message: `the model endpoint failed (${error.status})` };
  if (error instanceof OpenAI.APIError)
    return {
      kind: 'bad-request',
      message: `the model endpoint rejected the request (${error.status ?? 'no status'}: ${said(error)})`,
    };
  return {
    kind: 'unreachable',
    message: `the model call failed (${redact(error instanceof Error ? error.message : String(error), endpoint.token)})`,
  };
}

/** The SDK's module (its classes tell one failure from another) and a client made with it. */
interface LoadedClient {
  OpenAI: OpenAIModule;
  client: OpenAI;
}

/**
 * The SDK (some 240 modules), loaded on a model's first call rather than with the App: most installations draft
 * without a model, and every start (a Lambda's cold start, each run of the CLI) would pay for it.
 */
async function loadClient(
  endpoint: ModelEndpoint,
  options: ChatModelOptions,
  timeoutMs: number,
): Promise<LoadedClient> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    baseURL: endpoint.baseUrl,
    // Local servers need no key, but the SDK sends one: a placeholder they ignore.
    apiKey: endpoint.token === '' ? 'none' : endpoint.token,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MODEL_OPTIONS.maxRetries,
    fetch: boundedRetryFetch(
      options.fetch ?? globalThis.fetch,
      options.maxRetryAfterSeconds ?? DEFAULT_MODEL_OPTIONS.maxRetryAfterSeconds,
    ),
    logLevel: 'off',
  });
  return { OpenAI, client };
}

/**
 * One OpenAI-compatible chat-completions client (the official `openai` SDK) for GitHub Models, OpenAI, Azure
 * OpenAI's v1 API and local servers (Ollama, vLLM, LM Studio), chosen by base URL. Temperature 0, structured
 * output by JSON Schema, a timeout per attempt, retries that honour `retry-after`. It never throws: a failure is
 * a result the drafter falls back on.
 */
export function createChatCompletionsModel(endpoint: ModelEndpoint, options: ChatModelOptions = {}): ChatModel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_OPTIONS.timeoutMs;
  let sdk: Promise<LoadedClient> | undefined;
  return {
    name: endpoint.model,
    async complete(request: ChatRequest): Promise<ChatResult> {
      const { OpenAI, client } = await (sdk ??= loadClient(endpoint, options, timeoutMs));
      try {
        const completion = await client.chat.completions.create({
          model: endpoint.model,
          temperature: 0,
          // The endpoint's token never travels inside a prompt, wherever the text came from.
          messages: request.messages.map((m) => ({ role: m.role, content: redactToken(m.content, endpoint.token) })),
          response_format: {
            type: 'json_schema',
            json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: false },
          },
        });
        const usage: TokenUsage = {
          calls: 1,
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
        };
        const text = redactToken(completion.choices[0]?.message.content ?? '', endpoint.token);
        if (text.trim() === '')
          return { ok: false, failure: { kind: 'empty', message: 'the model answered with no content' }, usage };
        return { ok: true, text, usage };
      } catch (error) {
        return {
          ok: false,
          failure: failureOf(OpenAI, error, endpoint, timeoutMs),
          usage: { calls: 1, promptTokens: 0, completionTokens: 0 },
        };
      }
    },
  };
}
