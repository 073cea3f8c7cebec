import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'agent-os-github';

/**
 * This package's version, from the `package.json` nearest above this module whose name is ours: the same answer
 * from the bundle (`dist/cli.js`), the build (`lib/`) and the sources. `undefined` when none is found.
 */
export async function readOwnVersion(from: string = fileURLToPath(import.meta.url)): Promise<string | undefined> {
  let folder = dirname(from);
  for (;;) {
    const text = await readFile(join(folder, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
        if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
      } catch {
        // Not a manifest we can read: keep looking above it.
      }
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
