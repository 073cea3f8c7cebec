import { describe, expect, it } from '@jest/globals';
import { expectEqual } from './expect-equal.js';

/** Whether a check throws (fails the test it runs in). */
const fails = (check: () => void): boolean => {
  try {
    check();
    return false;
  } catch {
    return true;
  }
};

/** `[<empty>, 1]`: an array with a hole. */
const sparse: unknown[] = [];
sparse[1] = 1;

/** Pairs `toEqual` passes (strictly equal or not) and pairs it fails. */
const PAIRS: Array<[string, unknown, unknown]> = [
  [
    'the same tree',
    { type: 'root', children: [{ type: 'text', value: 'a' }] },
    { type: 'root', children: [{ type: 'text', value: 'a' }] },
  ],
  ['an undefined property against none', { a: 1, b: undefined }, { a: 1 }],
  [
    'a class instance against a plain object',
    new (class Token {
      a = 1;
    })(),
    { a: 1 },
  ],
  ['a sparse array against undefined items', sparse, [undefined, 1]],
  ['a different leaf', { children: [{ value: 'a' }] }, { children: [{ value: 'b' }] }],
  ['an extra key', { a: 1 }, { a: 1, c: 2 }],
  ['-0 against 0', { n: -0 }, { n: 0 }],
  ['NaN against NaN', [Number.NaN], [Number.NaN]],
];

describe('expectEqual', () => {
  it.each(PAIRS)('gives the verdict toEqual gives: %s', (_name, actual, expected) => {
    expect(
      fails(() => {
        expectEqual(actual, expected);
      }),
    ).toBe(
      fails(() => {
        expect(actual).toEqual(expected);
      }),
    );
  });

  it('fails with toEqual’s message on a difference', () => {
    expect(() => {
      expectEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] });
    }).toThrow(/toEqual/);
  });
});
