/** The kinds of failure the entry points know how to present. */
export type ErrorKind =
  'user-input' | 'permission' | 'not-found' | 'conflict' | 'rate-limited' | 'upstream' | 'internal';

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

/**
 * Any thrown value as one of ours: an AgentOsError as it is, anything else as an `internal` one whose message
 * says it was unexpected (the one place that text is written; every entry point and handler presents this).
 */
export function asAgentOsError(error: unknown): AgentOsError {
  if (isAgentOsError(error)) return error;
  return new AgentOsError('internal', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/** The message to show for any thrown value (see asAgentOsError). */
export function errorMessage(error: unknown): string {
  return asAgentOsError(error).message;
}
