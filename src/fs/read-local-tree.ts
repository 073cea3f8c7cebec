import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

/** At most this many paths are listed (a monorepo's tree is cut, as GitHub's is). */
const MAX_PATHS = 20_000;

/** The folder's files and folders as repository paths (`src/mail/send.ts`), skipping what git and builds own. */
export async function readLocalTree(cwd: string): Promise<string[]> {
  const found = await glob('**', {
    cwd,
    onlyFiles: false,
    dot: true,
    ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/lib/**', '**/coverage/**', '**/.node24/**'],
  });
  return found
    .map((p) => p.replace(/\/$/, ''))
    .sort()
    .slice(0, MAX_PATHS);
}

/** The text of some repository files; files that cannot be read are left out. */
export async function readLocalFiles(
  cwd: string,
  paths: readonly string[],
): Promise<Array<{ path: string; text: string }>> {
  const read = await Promise.all(
    paths.map((path) =>
      readFile(join(cwd, path), 'utf8').then(
        (text) => ({ path, text }),
        () => undefined,
      ),
    ),
  );
  return read.filter((r): r is { path: string; text: string } => r !== undefined);
}
