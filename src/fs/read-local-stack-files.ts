import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { AgentOsError } from '../core/errors.js';
import { STACK_FILE_PATHS } from '../core/product/product-files.js';
import type { RepositoryFile } from '../core/product/stack-entry.js';
import { describeFsError } from './write-text-file.js';

/** Larger files (lock files, mostly) are read for their presence only: the detector needs no more of them. */
const MAX_STACK_FILE_BYTES = 1024 * 1024;

async function readIfFile(cwd: string, path: string): Promise<RepositoryFile | undefined> {
  const absolute = join(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined || !info.isFile()) return undefined;
  if (info.size > MAX_STACK_FILE_BYTES) return { path, content: '' };
  try {
    return { path, content: await readFile(absolute, 'utf8') };
  } catch (error) {
    throw new AgentOsError('user-input', `Cannot read ${path}: ${describeFsError(error)}`, { cause: error });
  }
}

/**
 * The stack files of a local repository (the same files the App reads through the API): those of
 * `STACK_FILE_PATHS` that exist under `cwd`, then `.github/workflows/*.yml|yaml` by path.
 */
export async function readLocalStackFiles(cwd: string): Promise<RepositoryFile[]> {
  const workflows = (
    await glob(['.github/workflows/*.yml', '.github/workflows/*.yaml'], { cwd, dot: true, onlyFiles: true })
  ).sort();
  const files = await Promise.all([...STACK_FILE_PATHS, ...workflows].map((path) => readIfFile(cwd, path)));
  return files.filter((file): file is RepositoryFile => file !== undefined);
}
