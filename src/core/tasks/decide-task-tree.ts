import type { ScannedTask } from './collect-task-items.js';
import { decideTaskMarks, type MarkRules } from './decide-task-marks.js';
import { parentIdOf, type TaskIdAndText } from './parse-task-id.js';
import type { BoxMarker, BoxState, Task } from './types.js';

const BOX_STATES: Record<BoxMarker, BoxState> = {
  ' ': 'open',
  x: 'done',
  X: 'done',
  '-': 'in-progress',
  '~': 'blocked',
};

/**
 * The tasks of a file, each with its parent (from list nesting, or for flat lists from its ID) and children;
 * `required` and `complete` are decided later (`decideCompleteness`), once the story gating is known.
 */
export function decideTaskTree(scanned: readonly ScannedTask[], positions: Int32Array, rules: MarkRules): Task[] {
  const tasks = scanned.map((t, index) => {
    const parentScan = t.item.parent;
    const position = parentScan === undefined ? -1 : (positions[parentScan] ?? -1);
    return buildTask(t, index, position === -1 ? undefined : position, rules);
  });
  linkFlatSubtasksById(tasks, scanned);
  for (const task of tasks) if (task.parent !== undefined) tasks[task.parent]?.children.push(task.index);
  return tasks;
}

function buildTask(t: ScannedTask, index: number, parent: number | undefined, rules: MarkRules): Task {
  const split: TaskIdAndText = { text: t.text };
  if (t.id !== undefined) split.id = t.id;
  if (t.idStar) split.optional = true;
  const marks = decideTaskMarks(t.item, rules, split);
  // Built key by key, in the order the type lists them (JSON output keeps it), without a spread per task.
  const task = {
    index,
    line: t.item.line,
    column: t.item.column,
    markerOffset: t.item.markerOffset,
    marker: t.item.marker,
    boxState: BOX_STATES[t.item.marker],
  } as Task;
  if (t.id !== undefined) task.id = t.id;
  task.text = t.text;
  task.optional = marks.optional;
  task.skipped = marks.skipped;
  if (marks.placeholder) task.placeholder = true;
  task.required = false;
  task.complete = false;
  if (parent !== undefined) task.parent = parent;
  task.children = [];
  task.group = 0;
  return task;
}

/** Sub-tasks listed flat (`- [ ] 1.1` beside `- [ ] 1.`) get the task whose ID is their ID's prefix as parent. */
function linkFlatSubtasksById(tasks: Task[], scannedTasks: readonly ScannedTask[]): void {
  const latestById = new Map<string, number>();
  for (const task of tasks) {
    if (task.parent === undefined && task.id !== undefined) {
      const parentId = parentIdOf(task.id);
      const parent =
        parentId === undefined ? undefined : nearest(latestById.get(parentId), latestById.get(`${parentId}.0`));
      const sameList =
        parent !== undefined && scannedTasks[parent]?.item.parent === scannedTasks[task.index]?.item.parent;
      if (parent !== undefined && sameList) task.parent = parent;
    }
    if (task.id !== undefined) latestById.set(task.id, task.index);
  }
}

function nearest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** `shownOnly`: tasks outside a BMAD story's `## Tasks / Subtasks`, shown but not required. */
export function decideCompleteness(tasks: Task[], shownOnly: (index: number) => boolean): void {
  for (const task of tasks) {
    const parentRequired = task.parent === undefined ? true : (tasks[task.parent]?.required ?? true);
    task.required = parentRequired && !task.optional && !task.skipped && !shownOnly(task.index);
  }
  for (let i = tasks.length - 1; i >= 0; i -= 1) {
    const task = tasks[i];
    if (!task) continue;
    task.complete =
      task.required && hasRequiredChild(tasks, task) ? requiredChildrenComplete(tasks, task) : task.boxState === 'done';
  }
}

function hasRequiredChild(tasks: readonly Task[], task: Task): boolean {
  for (const child of task.children) if (tasks[child]?.required === true) return true;
  return false;
}

function requiredChildrenComplete(tasks: readonly Task[], task: Task): boolean {
  for (const index of task.children) {
    const child = tasks[index];
    if (child?.required === true && !child.complete) return false;
  }
  return true;
}
