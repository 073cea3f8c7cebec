import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { GateSettings } from '../core/config/settings.js';
import { AgentOsError } from '../core/errors.js';

/** A path as shown to the user and used to recognise the dialect: relative to cwd, forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' || rel.startsWith('..') ? absolute : rel;
  return shown.split(sep).join('/');
}

/**
 * Resolve the CLI's path arguments to task files: a file is taken as is; a folder is searched for task files
 * in every dialect's usual location. No argument searches the current folder. A missing path, or a folder named
 * explicitly that holds no task file, is bad input.
 */
export async function findTaskFiles(paths: readonly string[], cwd: string, settings: GateSettings): Promise<string[]> {
  const targets =
    paths.length === 0
      ? [{ path: cwd, explicit: false }]
      : paths.map((p) => ({ path: resolve(cwd, p), explicit: true }));
  const found: string[] = [];
  for (const target of targets) {
    const info = await stat(target.path).catch(() => undefined);
    if (!info) throw new AgentOsError('user-input', `No such file or folder: ${displayPath(target.path, cwd)}`);
    if (info.isFile()) {
      found.push(target.path);
      continue;
    }
    const files = await glob([...settings.taskFiles], {
      cwd: target.path,
      ignore: [...settings.ignoredFiles],
      dot: true,
      absolute: true,
      onlyFiles: true,
    });
    if (files.length === 0 && target.explicit) {
      throw new AgentOsError(
        'user-input',
        `No task files under ${displayPath(target.path, cwd)} (looked for ${settings.taskFiles.join(', ')}). Name the file itself to check any other markdown file.`,
      );
    }
    found.push(...files.sort());
  }
  return [...new Set(found)];
}
