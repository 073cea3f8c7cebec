import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile, readlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
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
    ELOOP: 'it is a symbolic link',
  };
  return reasons[code] ?? code;
}

/**
 * The folder below which a command's writes are checked for symlinks: the current folder when the target is inside
 * it (the repository the command runs in), else the folder the command was pointed at.
 */
export function writeBase(cwd: string, target: string): string {
  const rel = relative(cwd, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) ? cwd : target;
}

/**
 * Refuse a write whose path goes through a symbolic link below `base` (the file itself, dangling or not, or a folder
 * on its way): following it could write anywhere on the machine, outside the repository.
 */
export async function refuseSymlinks(path: string, base: string, shownAs: string): Promise<void> {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  let current = base;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    const info = await lstat(current).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AgentOsError('user-input', `Cannot write ${shownAs}: ${describeFsError(error)}`, { cause: error });
    });
    if (info === undefined) return; // the rest does not exist yet: it is made as real folders
    if (info.isSymbolicLink()) {
      const to = await readlink(current).catch(() => '?');
      const link = relative(base, current).split(sep).join('/');
      throw new AgentOsError(
        'user-input',
        `Refusing to write ${shownAs}: \`${link}\` is a symbolic link (to ${to}). agent-os-github never writes through a symbolic link, ` +
          'so nothing it writes can land outside the repository: replace the link with a real file or folder, or remove it.',
      );
    }
  }
}

/**
 * Write a UTF-8 file, creating its folders; a failure becomes a message that names the file and the reason. A path
 * that goes through a symbolic link below `base` is refused (see `refuseSymlinks`), and the file itself is opened
 * without following one (`O_NOFOLLOW`), so a link made in between is refused too.
 */
export async function writeTextFile(path: string, shownAs: string, content: string, base: string): Promise<void> {
  await refuseSymlinks(path, base, shownAs);
  try {
    await mkdir(dirname(path), { recursive: true });
    const file = await open(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o666,
    );
    try {
      await file.writeFile(content, 'utf8');
    } finally {
      await file.close();
    }
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
