import { isAgentOsError } from '../core/errors.js';

/**
 * Run `attempt` (a fresh read, then a write based on it) again while its write loses a race with another change
 * (a `conflict` error, GitHub's 409 for a stale blob), up to `attempts` times in all; any other error, or the last
 * conflict, is thrown. The attempt reads again each time, so nobody's change is overwritten.
 */
export async function retryOnConflict<T>(attempts: number, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isAgentOsError(error) || error.kind !== 'conflict' || n >= attempts) throw error;
    }
  }
}
