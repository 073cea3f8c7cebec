import { AgentOsError, type ErrorKind } from '../core/errors.js';

interface HttpLikeError {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
}

function kindOf(status: number, headers: Record<string, unknown>): ErrorKind {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0')) {
    return 'rate-limited';
  }
  if (status === 401 || status === 403) return 'permission';
  if (status === 409) return 'conflict';
  if (status === 422 || status === 400) return 'user-input';
  if (status >= 500) return 'upstream';
  return 'internal';
}

const REDACT = /(gh[opsu]_[A-Za-z0-9]{20,}|v1\.[0-9a-f]{40}|Bearer\s+\S+|token\s+\S+)/g;

/**
 * Translate an Octokit request error into an `AgentOsError` whose message says what we were doing and what
 * GitHub answered, with tokens redacted. Non-HTTP errors become `internal`.
 */
export function toAgentOsError(error: unknown, doing: string): AgentOsError {
  if (error instanceof AgentOsError) return error;
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  const status = typeof http.status === 'number' ? http.status : undefined;
  const raw = typeof http.message === 'string' ? http.message : String(error);
  const detail = raw.replace(REDACT, '[redacted]').split('\n')[0] ?? '';
  if (status === undefined) return new AgentOsError('internal', `${doing} failed: ${detail}`, { cause: error });
  const kind = kindOf(status, http.response?.headers ?? {});
  const hint =
    kind === 'rate-limited'
      ? ' GitHub is rate limiting requests; the next event or a re-run will finish the job.'
      : kind === 'upstream'
        ? ' GitHub had a server error; try again (re-run the check, or repeat the command).'
        : kind === 'conflict'
          ? ' Someone else changed it at the same moment; try again.'
          : kind === 'permission'
            ? ' The App (or token) lacks a permission this needs.'
            : '';
  return new AgentOsError(kind, `${doing} failed: GitHub answered ${status} (${detail}).${hint}`, {
    cause: error,
    status,
  });
}
