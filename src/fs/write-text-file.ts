import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AgentOsError } from '../core/errors.js';

/** A file-system error code as a reader would say it. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EISDIR: 'it is a folder',
    ENOENT: 'no such file',
    ENOTDIR: 'a folder on its path is a file',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return reasons[code] ?? code;
}

/** Write a UTF-8 file, creating its folders; a failure becomes a message that names the file and the reason. */
export async function writeTextFile(path: string, shownAs: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, 'utf8');
  } catch (error) {
    throw new AgentOsError('user-input', `Cannot write ${shownAs}: ${describeFsError(error)}`, { cause: error });
  }
}

/** The text of a file, or `undefined` when there is none. */
export async function readTextFileIfAny(path: string, shownAs: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AgentOsError('user-input', `Cannot read ${shownAs}: ${describeFsError(error)}`, { cause: error });
  }
}
