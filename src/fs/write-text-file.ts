import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AgentOsError } from '../core/errors.js';

/** Write a UTF-8 file, creating its folders; a failure becomes a message that names the file and the reason. */
export async function writeTextFile(path: string, shownAs: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'a parent is a file' : code;
    throw new AgentOsError('user-input', `Cannot write ${shownAs}: ${why}`, { cause: error });
  }
}

/** The text of a file, or `undefined` when there is none. */
export async function readTextFileIfAny(path: string): Promise<string | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AgentOsError('user-input', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
}
