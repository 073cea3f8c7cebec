import type { HeadingItem, LeadParagraphItem, ScannedItem, TaskItem } from '../markdown/scan-task-items.js';
import { parseTaskId } from './parse-task-id.js';

/** A task item as read from the markdown, with the headings above it and its ID split from its text. */
export interface ScannedTask {
  item: TaskItem;
  /** Headings above the task, outermost first: one array shared by the tasks under the same headings. */
  headings: readonly HeadingItem[];
  id?: string;
  text: string;
  /** A star right after the ID (`13.1* …`). */
  idStar?: true;
}

export interface CollectedItems {
  /** Every heading, in document order. */
  headings: HeadingItem[];
  /** The paragraph right under each heading, by the heading's line. */
  leadParagraphs: Map<number, LeadParagraphItem>;
  tasks: ScannedTask[];
  /** The position in `tasks` of each scanned entry that is a task (-1 for the others). */
  taskPositions: Int32Array;
}

/** Sort what the markdown holds into headings, lead paragraphs and tasks, each task with the headings above it. */
export function collectTaskItems(scanned: readonly ScannedItem[]): CollectedItems {
  const leadParagraphs = new Map<number, LeadParagraphItem>();
  const headings: HeadingItem[] = [];
  const stack: HeadingItem[] = [];
  /** A copy of `stack` made when it changes, shared by every task under it (never changed afterwards). */
  let headingsAbove: HeadingItem[] = [];
  const tasks: ScannedTask[] = [];
  const taskPositions = new Int32Array(scanned.length).fill(-1);
  let lastHeading: HeadingItem | undefined;

  for (let scanIndex = 0; scanIndex < scanned.length; scanIndex += 1) {
    const entry = scanned[scanIndex] as ScannedItem;
    if (entry.kind === 'heading') {
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= entry.depth) stack.pop();
      stack.push(entry);
      headingsAbove = stack.slice();
      headings.push(entry);
      lastHeading = entry;
    } else if (entry.kind === 'lead-paragraph') {
      if (lastHeading) leadParagraphs.set(lastHeading.line, entry);
    } else {
      taskPositions[scanIndex] = tasks.length;
      const { id, text, optional } = parseTaskId(entry.text);
      const task: ScannedTask = { item: entry, headings: headingsAbove, text };
      if (id !== undefined) task.id = id;
      if (optional) task.idStar = true;
      tasks.push(task);
    }
  }
  return { headings, leadParagraphs, tasks, taskPositions };
}
