import { readFile } from 'node:fs/promises';
import { AgentOsError } from '../core/errors.js';

/** Read a UTF-8 file, turning a failure into a message that names the file and the reason. */
export async function readTextFile(path: string, shownAs: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'no such file' : code;
    throw new AgentOsError('user-input', `Cannot read ${shownAs}: ${why}`, { cause: error });
  }
}
