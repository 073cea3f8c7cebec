import { expect } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Renderer output pinned as files under test/fixtures/rendered/: a change to what a renderer writes shows as a diff
 * to review. `UPDATE_RENDERED=1` rewrites the files (review the diff, and say in the commit message why each change
 * is right); a file not there yet is written.
 */
const ROOT = 'test/fixtures/rendered';

export function expectRendered(file: string, actual: string): void {
  const path = join(ROOT, file);
  if (process.env['UPDATE_RENDERED'] === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
