import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';

const longest = JSON.parse(readFileSync('test/support/longest-test-files.json', 'utf8')) as Array<{
  file: string;
  seconds: number;
}>;

describe('the order of test files on a fresh clone (test/support/long-files-first.js)', () => {
  it('names only test files that exist (a renamed file would silently lose its place), slowest first', () => {
    expect(longest.length).toBeGreaterThan(5);
    expect(longest.map((entry) => entry.file).filter((file) => !existsSync(file))).toEqual([]);
    const seconds = longest.map((entry) => entry.seconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
  });
});
