import { findTaskItems, type TaskItemsRead } from '../markdown/find-task-items.js';
import { collectTaskItems } from './collect-task-items.js';
import { decideStoryGating } from './decide-story-gating.js';
import { decideTaskGroups } from './decide-task-groups.js';
import { decideCompleteness, decideTaskTree } from './decide-task-tree.js';
import { detectDialect } from './detect-dialect.js';
import { taskFileDiagnostics } from './task-file-diagnostics.js';
import type { BoxMarker, ParseOptions, TaskFile } from './types.js';

export const DEFAULT_SKIP_MARKERS: readonly string[] = ['N/A', 'POST-MERGE'];

/** Box markers that mean cancelled: none by default (`[~]` is blocked, `[-]` in progress: both not done). */
export const DEFAULT_CANCELLED_MARKERS: readonly BoxMarker[] = [];

/**
 * Read a task file of any supported dialect into groups and tasks with their completeness. Total: any text
 * gives a result; problems come back as diagnostics.
 */
export function parseTaskFile(source: string, options: ParseOptions = {}): TaskFile {
  return parseTaskFileReadBy(findTaskItems, source, options);
}

/**
 * `parseTaskFile` with the markdown read by `read`: the comparison test runs it with the syntax tree's reading
 * (`findTaskItemsInTree`), the reference the faster token reading must equal.
 */
export function parseTaskFileReadBy(
  read: (source: string) => TaskItemsRead,
  source: string,
  options: ParseOptions = {},
): TaskFile {
  const rules = {
    skipMarkers: options.skipMarkers ?? DEFAULT_SKIP_MARKERS,
    cancelledMarkers: options.cancelledMarkers ?? DEFAULT_CANCELLED_MARKERS,
  };
  // A byte-order mark would hide the first line from the markdown parser; a space in its place keeps every
  // offset (and so the surgical edit) where it is.
  if (source.startsWith('\uFEFF')) source = ` ${source.slice(1)}`;
  const { items, fences } = read(source);
  const { headings, leadParagraphs, tasks: scannedTasks, taskPositions } = collectTaskItems(items);
  const dialect = detectDialect({ path: options.path, headings, tasks: scannedTasks });
  const tasks = decideTaskTree(scannedTasks, taskPositions, rules);
  const story = decideStoryGating(
    dialect,
    scannedTasks.map((t) => t.headings),
    options.storyChecklists ?? 'shown',
  );
  decideCompleteness(tasks, story.shownOnly);
  const diagnostics = taskFileDiagnostics({ dialect, tasks, headings, leadParagraphs, fences });
  const groups = decideTaskGroups({ dialect, path: options.path, tasks, scannedTasks, headings, leadParagraphs });
  for (const index of story.shownOnlyGroups(groups)) {
    const group = groups[index];
    if (group) groups[index] = { ...group, context: true, contextReason: 'story-checklist' };
  }
  return { dialect, groups, tasks, diagnostics };
}
