import { realpath } from 'node:fs/promises';

/**
 * The paths without those that lead to a file already listed: a symlinked folder (or a loop of them) reached the
 * same file again. Of the paths to one file the one that goes through no link is kept (else the first), at the
 * place of the first; a path that cannot be resolved is kept as it is.
 */
export async function uniqueRealPaths(paths: readonly string[]): Promise<string[]> {
  const real = await Promise.all(paths.map((path) => realpath(path).catch(() => path)));
  const chosen = new Map<string, string>();
  paths.forEach((path, i) => {
    const key = real[i] ?? path;
    if (!chosen.has(key) || path === key) chosen.set(key, path);
  });
  return [...chosen.values()];
}
