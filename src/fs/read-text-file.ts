import { readFile } from 'node:fs/promises';
import { AgentOsError } from '../core/errors.js';

function cannotRead(error: unknown, shownAs: string): AgentOsError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const why =
    code === 'EACCES'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOENT'
          ? 'no such file'
          : code;
  return new AgentOsError('user-input', `Cannot read ${shownAs}: ${why}`, { cause: error });
}

/** Read a UTF-8 file, turning a failure into a message that names the file and the reason. */
export async function readTextFile(path: string, shownAs: string): Promise<string> {
  return (await readTextFileWithSize(path, shownAs)).text;
}

/**
 * Read a file as UTF-8 text, with its size in bytes as stored (not as decoded: bytes that are not valid UTF-8
 * become 3-byte replacement characters, so a size cap measures `bytes`).
 */
export async function readTextFileWithSize(path: string, shownAs: string): Promise<{ text: string; bytes: number }> {
  try {
    const buffer = await readFile(path);
    return { text: buffer.toString('utf8'), bytes: buffer.length };
  } catch (error) {
    throw cannotRead(error, shownAs);
  }
}
