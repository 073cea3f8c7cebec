import type { HeadingItem, LeadParagraphItem } from '../markdown/scan-task-items.js';
import type { Diagnostic, Dialect, Task, TaskGroup } from './types.js';

/** Whether a BMAD story's other checklists (Dev Agent Record, QA, Definition of Done) gate, or are only shown. */
export type StoryChecklists = 'shown' | 'gated';

export interface StoryGating {
  /** Whether the task at this index is outside the story's `## Tasks / Subtasks`: shown, not required. */
  shownOnly: (index: number) => boolean;
  /** The groups whose every task is shown only. */
  shownOnlyGroups: (groups: readonly TaskGroup[]) => number[];
}

/** `## Tasks / Subtasks` (BMAD's story template; `Tasks/Subtasks` too). */
export function isStoryTasksHeading(text: string): boolean {
  return /^tasks\s*\/\s*subtasks$/i.test(text.trim());
}

/**
 * In a BMAD story the `## Tasks / Subtasks` section gates; the story's other checklists are shown and gate only
 * when `story_checklists` is `gated`. A story without that section gates every box, so no work is hidden.
 */
export function decideStoryGating(
  dialect: Dialect,
  headingsOfTasks: ReadonlyArray<readonly HeadingItem[]>,
  checklists: StoryChecklists,
): StoryGating {
  const none: StoryGating = { shownOnly: () => false, shownOnlyGroups: () => [] };
  if (dialect !== 'bmad' || checklists === 'gated') return none;
  const inTasks = headingsOfTasks.map((headings) => headings.some((h) => isStoryTasksHeading(h.text)));
  if (!inTasks.includes(true)) return none;
  const shownOnly = (index: number): boolean => inTasks[index] === false;
  return {
    shownOnly,
    shownOnlyGroups: (groups) =>
      groups.filter((g) => g.tasks.length > 0 && g.tasks.every(shownOnly)).map((g) => g.index),
  };
}

/** The story's `Status:` (a line of its own after a heading, or the paragraph under `## Status`), with its line. */
function storyStatus(
  leadParagraphs: ReadonlyMap<number, LeadParagraphItem>,
  headings: readonly HeadingItem[],
): { value: string; line: number } | undefined {
  for (const paragraph of leadParagraphs.values()) {
    const match = /^status\s*:\s*(.+)$/i.exec(paragraph.text);
    if (match?.[1]) return { value: match[1].trim(), line: paragraph.line };
  }
  for (const heading of headings) {
    if (!/^status$/i.test(heading.text)) continue;
    const paragraph = leadParagraphs.get(heading.line);
    if (paragraph) return { value: paragraph.text, line: paragraph.line };
  }
  return undefined;
}

/** A story whose `Status:` says Done while required tasks are open: the status and the boxes disagree. */
export function storyStatusDiagnostics(
  /** The paragraph right under each heading, by the heading's line. */
  leadParagraphs: ReadonlyMap<number, LeadParagraphItem>,
  headings: readonly HeadingItem[],
  tasks: readonly Task[],
): Diagnostic[] {
  const status = storyStatus(leadParagraphs, headings);
  if (status === undefined || !/^done\b/i.test(status.value)) return [];
  const open = tasks.filter((t) => t.required && !t.complete);
  if (open.length === 0) return [];
  const lines = open
    .slice(0, 5)
    .map((t) => t.line)
    .join(', ');
  return [
    {
      line: status.line,
      severity: 'warning',
      code: 'story-done-with-open-tasks',
      message: `The story's status is "${status.value}", but ${open.length} required task${open.length === 1 ? ' is' : 's are'} still open (line${open.length === 1 ? '' : 's'} ${lines}${open.length > 5 ? ', …' : ''}). Tick them if they are done, or set the status back.`,
    },
  ];
}
