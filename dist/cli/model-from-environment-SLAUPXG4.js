import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MODEL_ENV,
  describeEndpoint,
  resolveModelEndpoint
} from "./chunk-OF5DHQMO.js";
import "./chunk-TB6QAKHI.js";

// src/model/chat-completions-model.ts
var DEFAULT_MODEL_OPTIONS = { timeoutMs: 6e4, maxRetries: 2, maxRetryAfterSeconds: 20 };
function retryAfterSeconds(headers) {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms)) return ms / 1e3;
  const value = headers.get("retry-after");
  if (value === null) return void 0;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : (date - Date.now()) / 1e3;
}
function boundedRetryFetch(inner, maxSeconds) {
  return async (input, init) => {
    let response;
    try {
      response = await inner(input, init);
    } catch (error) {
      if (!(error instanceof Error) && error?.name === "AbortError") {
        throw Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
      }
      throw error;
    }
    if (response.status !== 429 && response.status < 500) return response;
    const wait = retryAfterSeconds(response.headers);
    if (wait === void 0 || wait <= maxSeconds) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
function redactToken(text, token) {
  return token.length >= 8 ? text.split(token).join("[redacted]") : text;
}
function redact(text, token) {
  const one = text.replace(/\s+/g, " ").trim();
  const short = one.length > 200 ? `${one.slice(0, 200)}\u2026` : one;
  return token.length >= 4 ? short.split(token).join("[token]") : short;
}
function failureOf(OpenAI, error, endpoint, timeoutMs) {
  const said = (e) => redact(e.message, endpoint.token);
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return { kind: "timeout", message: `the model did not answer within ${Number((timeoutMs / 1e3).toFixed(1))} s` };
  if (error instanceof OpenAI.APIConnectionError)
    return { kind: "unreachable", message: `the model endpoint could not be reached (${said(error)})` };
  if (error instanceof OpenAI.RateLimitError) {
    const wait = retryAfterSeconds(error.headers);
    return {
      kind: "rate-limited",
      message: `the model endpoint is rate limited (429${wait === void 0 ? "" : `, retry after ${Math.ceil(wait)} s`})`
    };
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return {
      kind: "unauthorized",
      message: `the model endpoint refused the token (${error.status}); give it access to the model (GitHub Models: \`permissions: models: read\`)`
    };
  }
  if (error instanceof OpenAI.NotFoundError)
    return { kind: "not-found", message: `the model endpoint does not know the model \`${endpoint.model}\` (404)` };
  if (error instanceof OpenAI.InternalServerError)
    return { kind: "server-error", message: `the model endpoint failed (${error.status})` };
  if (error instanceof OpenAI.APIError)
    return {
      kind: "bad-request",
      message: `the model endpoint rejected the request (${error.status ?? "no status"}: ${said(error)})`
    };
  return {
    kind: "unreachable",
    message: `the model call failed (${redact(error instanceof Error ? error.message : String(error), endpoint.token)})`
  };
}
async function loadClient(endpoint, options, timeoutMs) {
  const { default: OpenAI } = await import("./openai-47GN3426.js");
  const client = new OpenAI({
    baseURL: endpoint.baseUrl,
    // Local servers need no key, but the SDK sends one: a placeholder they ignore.
    apiKey: endpoint.token === "" ? "none" : endpoint.token,
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MODEL_OPTIONS.maxRetries,
    fetch: boundedRetryFetch(
      options.fetch ?? globalThis.fetch,
      options.maxRetryAfterSeconds ?? DEFAULT_MODEL_OPTIONS.maxRetryAfterSeconds
    ),
    logLevel: "off"
  });
  return { OpenAI, client };
}
function createChatCompletionsModel(endpoint, options = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_OPTIONS.timeoutMs;
  let sdk;
  return {
    name: endpoint.model,
    async complete(request) {
      const { OpenAI, client } = await (sdk ??= loadClient(endpoint, options, timeoutMs));
      try {
        const completion = await client.chat.completions.create({
          model: endpoint.model,
          temperature: 0,
          // The endpoint's token never travels inside a prompt, wherever the text came from.
          messages: request.messages.map((m) => ({ role: m.role, content: redactToken(m.content, endpoint.token) })),
          response_format: {
            type: "json_schema",
            json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: false }
          }
        });
        const usage = {
          calls: 1,
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0
        };
        const text = redactToken(completion.choices[0]?.message.content ?? "", endpoint.token);
        if (text.trim() === "")
          return { ok: false, failure: { kind: "empty", message: "the model answered with no content" }, usage };
        return { ok: true, text, usage };
      } catch (error) {
        return {
          ok: false,
          failure: failureOf(OpenAI, error, endpoint, timeoutMs),
          usage: { calls: 1, promptTokens: 0, completionTokens: 0 }
        };
      }
    }
  };
}

// src/model/model-from-environment.ts
function modelFromSettings(given, options = {}) {
  const resolved = resolveModelEndpoint(given);
  if (!resolved.configured) return resolved.problem === void 0 ? {} : { problem: resolved.problem };
  return {
    model: createChatCompletionsModel(resolved.endpoint, options),
    description: describeEndpoint(resolved.endpoint)
  };
}
var MODEL_TIMEOUT_ENV = "AGENT_OS_MODEL_TIMEOUT";
function modelFromEnvironment(env, options = {}) {
  const seconds = Number.parseFloat(env[MODEL_TIMEOUT_ENV] ?? "");
  const timeout = Number.isFinite(seconds) && seconds > 0 ? { timeoutMs: Math.round(seconds * 1e3) } : {};
  return modelFromSettings(
    { url: env[MODEL_ENV.url], token: env[MODEL_ENV.token], model: env[MODEL_ENV.model] },
    { ...timeout, ...options }
  );
}
export {
  MODEL_TIMEOUT_ENV,
  modelFromEnvironment,
  modelFromSettings
};
