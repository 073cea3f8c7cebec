import { relative, resolve, sep } from 'node:path';
import type { SpecWorkspace } from '../phases/ports/spec-workspace.js';
import { displayPath } from './find-task-files.js';
import { readLocalTree } from './read-local-tree.js';
import { readTextFileIfAny, refuseSymlinks, writeTextFile } from './write-text-file.js';

/**
 * A spec workspace on the file system: repository paths are read below `cwd` (an absolute path as it is), writes go
 * through `writeTextFile`, so nothing is written through a symbolic link below `base`. A file read is never stale
 * here: a write is always `written`. `writeFiles` compares each file with the folder's and checks every path for
 * links before it writes the first, so a refused one leaves nothing half done. Another failure of the file system
 * midway (a read-only file, a full disk) leaves the files before it written and says which file failed; the same
 * command run again writes only what is still missing.
 */
export function fsSpecWorkspace(options: { cwd: string; base: string }): SpecWorkspace {
  const { cwd, base } = options;
  const at = (path: string) => resolve(cwd, path);
  return {
    async readFile(path) {
      const text = await readTextFileIfAny(at(path), displayPath(at(path), cwd));
      return text === undefined ? undefined : { text };
    },
    async writeFile({ path, content }) {
      await writeTextFile(at(path), displayPath(at(path), cwd), content, base);
      return { status: 'written' };
    },
    async writeFiles({ files }) {
      const shown = (path: string) => displayPath(at(path), cwd);
      const before = await Promise.all(files.map((f) => readTextFileIfAny(at(f.path), shown(f.path))));
      const changed = files.filter((f, i) => before[i] !== f.content);
      for (const f of changed) await refuseSymlinks(at(f.path), base, shown(f.path));
      for (const f of changed) await writeTextFile(at(f.path), shown(f.path), f.content, base);
      return { written: changed.map((f) => f.path) };
    },
    readTree: () => readLocalTree(cwd),
  };
}

/**
 * A folder named on the command line as a workspace path: relative to `cwd` with `/` (`''` for `cwd` itself), or
 * absolute when it lies outside `cwd`. Its files are then `${folder}/name`, shown as the user would type them.
 */
export function workspaceFolder(cwd: string, folder: string): string {
  const absolute = resolve(cwd, folder);
  const rel = relative(cwd, absolute);
  if (rel.startsWith('..')) return absolute.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** `folder/name`, or `name` alone in the workspace's own folder. */
export function inFolder(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
