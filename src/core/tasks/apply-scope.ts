import type { TaskFile } from './types.js';

/**
 * Keep only the declared task groups required: tasks of other groups stay in the file as context (counted as
 * tasks, not as required). Groups without a number (and files without groups) are left as they are.
 */
export function applyScope(file: TaskFile, groups: readonly string[] | undefined): TaskFile {
  if (groups === undefined) return file;
  const inScope = new Set(groups);
  const outOfScope = new Set(
    file.groups.filter((g) => g.number !== undefined && !inScope.has(g.number)).map((g) => g.index),
  );
  if (outOfScope.size === 0) return file;
  return {
    ...file,
    groups: file.groups.map((g) => (outOfScope.has(g.index) ? { ...g, context: true } : g)),
    tasks: file.tasks.map((t) => (outOfScope.has(t.group) ? { ...t, required: false } : t)),
  };
}
