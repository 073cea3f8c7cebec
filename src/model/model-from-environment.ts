import type { ChatModel } from '../core/model/chat-model.js';
import { createChatCompletionsModel, type ChatModelOptions } from './chat-completions-model.js';
import { describeEndpoint, MODEL_ENV, resolveModelEndpoint } from './model-endpoint.js';

export interface ConfiguredModel {
  model?: ChatModel;
  /** Where it is, for the start-up log (never the token). */
  description?: string;
  /** A half-made configuration, said once at start-up. */
  problem?: string;
}

/**
 * The model the App and the CLI draft with, from `AGENT_OS_MODEL_URL`, `AGENT_OS_MODEL_TOKEN` and
 * `AGENT_OS_MODEL` (the Action passes its inputs the same way). None set: no model, the rules draft.
 */
export function modelFromSettings(
  given: {
    url?: string | undefined;
    token?: string | undefined;
    model?: string | undefined;
    fallbackToken?: string | undefined;
  },
  options: ChatModelOptions = {},
): ConfiguredModel {
  const resolved = resolveModelEndpoint(given);
  if (!resolved.configured) return resolved.problem === undefined ? {} : { problem: resolved.problem };
  return {
    model: createChatCompletionsModel(resolved.endpoint, options),
    description: describeEndpoint(resolved.endpoint),
  };
}

/** `AGENT_OS_MODEL_TIMEOUT`: seconds one model call may take (default 60). */
export const MODEL_TIMEOUT_ENV = 'AGENT_OS_MODEL_TIMEOUT';

export function modelFromEnvironment(env: NodeJS.ProcessEnv, options: ChatModelOptions = {}): ConfiguredModel {
  const seconds = Number.parseFloat(env[MODEL_TIMEOUT_ENV] ?? '');
  const timeout = Number.isFinite(seconds) && seconds > 0 ? { timeoutMs: Math.round(seconds * 1000) } : {};
  return modelFromSettings(
    { url: env[MODEL_ENV.url], token: env[MODEL_ENV.token], model: env[MODEL_ENV.model] },
    { ...timeout, ...options },
  );
}
