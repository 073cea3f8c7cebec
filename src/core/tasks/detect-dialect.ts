import type { HeadingItem, TaskItem } from '../markdown/scan-task-items.js';
import { dialectOfPath } from './task-file-locations.js';
import type { Dialect } from './types.js';

export interface DialectEvidence {
  path?: string | undefined;
  headings: readonly HeadingItem[];
  /** The file's tasks as read (no copy made per task: only their markers, optional stars and IDs are looked at). */
  tasks: ReadonlyArray<{ item: Pick<TaskItem, 'marker' | 'optional'>; id?: string | undefined }>;
}

/** Recognise which tool wrote a task file: by its location first, then by what its content looks like. */
export function detectDialect({ path, headings, tasks }: DialectEvidence): Dialect {
  const byPath = path === undefined ? undefined : dialectOfPath(path);
  if (byPath) return byPath;
  if (headings.some((h) => isTaskGroupHeading(h.text))) return 'agent-os';
  if (tasks.some((t) => t.id !== undefined && /^T\d+$/.test(t.id))) return 'spec-kit';
  if (headings.some((h) => /^tasks\s*\/\s*subtasks$/i.test(h.text))) return 'bmad';
  if (
    headings.some((h) => h.depth === 1 && /^implementation plan$/i.test(h.text)) ||
    tasks.some((t) => t.item.optional)
  ) {
    return 'kiro';
  }
  if (
    headings.some((h) => h.depth === 1 && /^tasks document$/i.test(h.text)) ||
    tasks.some((t) => t.item.marker === '~')
  ) {
    return 'spec-workflow';
  }
  if (headings.some((h) => h.depth === 2 && /^\d+\.\s/.test(h.text))) return 'openspec';
  return 'gfm';
}

/** `Task Group 3: API endpoints` (Agent OS). */
export function isTaskGroupHeading(text: string): boolean {
  return /^task group\s+\d+\b/i.test(text);
}
