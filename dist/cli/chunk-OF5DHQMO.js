import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/model/model-endpoint.ts
var GITHUB_MODELS_URL = "https://models.github.ai/inference";
var MODEL_ENV = { url: "AGENT_OS_MODEL_URL", token: "AGENT_OS_MODEL_TOKEN", model: "AGENT_OS_MODEL" };
function clean(value) {
  return (value ?? "").trim();
}
function resolveModelEndpoint(given) {
  const model = clean(given.model);
  const url = clean(given.url);
  if (model === "") {
    return url === "" ? { configured: false } : {
      configured: false,
      problem: `${MODEL_ENV.url} is set but ${MODEL_ENV.model} is not: name the model to use (for example openai/gpt-4.1-mini or llama3.1).`
    };
  }
  let baseUrl = url === "" ? GITHUB_MODELS_URL : url.replace(/\/+$/, "").replace(/\/chat\/completions$/, "");
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    return {
      configured: false,
      problem: `${MODEL_ENV.url} must be an http(s) base URL such as ${GITHUB_MODELS_URL} or http://127.0.0.1:11434/v1, not "${url}".`
    };
  }
  baseUrl = baseUrl.replace(/\/+$/, "");
  const token = clean(given.token) || clean(given.fallbackToken);
  if (token === "" && baseUrl === GITHUB_MODELS_URL) {
    return {
      configured: false,
      problem: `GitHub Models needs a token: set ${MODEL_ENV.token} (a token with models: read), or ${MODEL_ENV.url} for another endpoint.`
    };
  }
  return { configured: true, endpoint: { baseUrl, token, model } };
}
function describeEndpoint(endpoint) {
  let host = endpoint.baseUrl;
  try {
    host = new URL(endpoint.baseUrl).host;
  } catch {
  }
  return `${endpoint.model} at ${host}`;
}

export {
  MODEL_ENV,
  resolveModelEndpoint,
  describeEndpoint
};
