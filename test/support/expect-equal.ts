import { expect } from '@jest/globals';
import { isDeepStrictEqual } from 'node:util';

/**
 * `expect(actual).toEqual(expected)`, passed at once when the two are deep-equal under Node's strict comparison
 * (same prototypes, keys and values: such values always pass `toEqual`). Any other pair goes to Jest's matcher,
 * which decides as before and prints the diff. The outcome is `toEqual`'s for every pair; on large syntax trees
 * Jest's generic comparison costs several times Node's (a quarter of the CPU of the chunked-parse tests).
 */
export function expectEqual(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual).toEqual(expected);
}
