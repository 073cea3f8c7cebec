import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/errors.ts
var AgentOsError = class extends Error {
  kind;
  status;
  constructor(kind, message, options = {}) {
    super(message, { cause: options.cause });
    this.name = "AgentOsError";
    this.kind = kind;
    this.status = options.status;
  }
};
function isAgentOsError(error) {
  return error instanceof AgentOsError;
}
function asAgentOsError(error) {
  if (isAgentOsError(error)) return error;
  return new AgentOsError("internal", `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error
  });
}
function errorMessage(error) {
  return asAgentOsError(error).message;
}

export {
  AgentOsError,
  errorMessage
};
