/** The kinds of failure the entry points know how to present. */
export type ErrorKind = 'user-input' | 'permission' | 'not-found' | 'conflict' | 'rate-limited' | 'upstream' | 'internal';

/** An error with a stable kind and a message written for the person who will read it. */
export class AgentOsError extends Error {
  readonly kind: ErrorKind;
  readonly status: number | undefined;

  constructor(kind: ErrorKind, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AgentOsError';
    this.kind = kind;
    this.status = options.status;
  }
}

export function isAgentOsError(error: unknown): error is AgentOsError {
  return error instanceof AgentOsError;
}
