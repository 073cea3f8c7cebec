/** GitHub Models' OpenAI-compatible inference endpoint (POST {base}/chat/completions, `models: read`). */
export const GITHUB_MODELS_URL = 'https://models.github.ai/inference';

/** Where a model is and how to reach it: one OpenAI-compatible chat-completions endpoint. */
export interface ModelEndpoint {
  /** Base URL; the client posts to `<baseUrl>/chat/completions`. */
  baseUrl: string;
  /** Bearer token; empty for local servers that need none (Ollama, vLLM). */
  token: string;
  /** Model name as the endpoint knows it. */
  model: string;
}

/** The environment variables the App and the CLI read. */
export const MODEL_ENV = { url: 'AGENT_OS_MODEL_URL', token: 'AGENT_OS_MODEL_TOKEN', model: 'AGENT_OS_MODEL' } as const;

export type EndpointResult = { configured: true; endpoint: ModelEndpoint } | { configured: false; problem?: string };

function clean(value: string | undefined): string {
  return (value ?? '').trim();
}

/**
 * The endpoint from plain values (the entry points read them from the environment or the Action's inputs). No
 * model name means no model. No URL means GitHub Models, which needs a token (`fallbackToken`: the workflow's).
 */
export function resolveModelEndpoint(given: {
  url?: string | undefined;
  token?: string | undefined;
  model?: string | undefined;
  fallbackToken?: string | undefined;
}): EndpointResult {
  const model = clean(given.model);
  const url = clean(given.url);
  if (model === '') {
    return url === ''
      ? { configured: false }
      : {
          configured: false,
          problem: `${MODEL_ENV.url} is set but ${MODEL_ENV.model} is not: name the model to use (for example openai/gpt-4.1-mini or llama3.1).`,
        };
  }
  let baseUrl = url === '' ? GITHUB_MODELS_URL : url.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    return {
      configured: false,
      problem: `${MODEL_ENV.url} must be an http(s) base URL such as ${GITHUB_MODELS_URL} or http://127.0.0.1:11434/v1, not "${url}".`,
    };
  }
  baseUrl = baseUrl.replace(/\/+$/, '');
  const token = clean(given.token) || clean(given.fallbackToken);
  if (token === '' && baseUrl === GITHUB_MODELS_URL) {
    return {
      configured: false,
      problem: `GitHub Models needs a token: set ${MODEL_ENV.token} (a token with models: read), or ${MODEL_ENV.url} for another endpoint.`,
    };
  }
  return { configured: true, endpoint: { baseUrl, token, model } };
}

/** The endpoint for logs and replies: host and model, never the token. */
export function describeEndpoint(endpoint: ModelEndpoint): string {
  let host = endpoint.baseUrl;
  try {
    host = new URL(endpoint.baseUrl).host;
  } catch {
    // keep the text as given
  }
  return `${endpoint.model} at ${host}`;
}
