import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RepositoryFile } from '../../../src/core/product/detect-tech-stack.js';

export const STACK_FIXTURES = resolve('test/fixtures/product/stacks');

/**
 * Every file under a fixture's `files/` folder, dotfiles included, as repository files sorted by path. A
 * `package.json` is kept as `package.json.fixture` (Jest reads every package.json under `test/` and fails on a
 * malformed one): the suffix is dropped here.
 */
export async function loadStackFixture(name: string): Promise<RepositoryFile[]> {
  const folder = join(STACK_FIXTURES, name, 'files');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const absolute = join(e.parentPath, e.name);
        return {
          path: absolute
            .slice(folder.length + 1)
            .split('\\')
            .join('/')
            .replace(/\.fixture$/, ''),
          content: await readFile(absolute, 'utf8'),
        };
      }),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
