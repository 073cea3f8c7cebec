import { setTaskBox } from '../markdown/set-task-box.js';
import { parseTaskFile } from '../tasks/parse-task-file.js';
import type { Task } from '../tasks/types.js';
import type { ChecklistTick } from './find-checklist-ticks.js';

export interface AppliedTicks {
  /** The task file with the boxes set: one character changed per tick, every other byte as it was. */
  text: string;
  /** `1.2` (or the task's text) of each box that changed, with its new state. */
  changed: Array<{ label: string; checked: boolean }>;
  /** Ticks whose task is no longer in the file as shown (the file changed since the comment was written). */
  missing: ChecklistTick[];
}

function shownText(task: Task): string {
  return `${task.id === undefined ? '' : `${task.id} `}${task.text}`.replace(/\s+/g, ' ').trim();
}

/** The task a tick meant: the one at its index if it still reads the same, else the only one that reads the same. */
function findTask(tasks: readonly Task[], tick: ChecklistTick): Task | undefined {
  const matches = (t: Task) => tick.shown === shownText(t) || tick.shown.startsWith(`${shownText(t)} (`);
  const atIndex = tasks[tick.taskIndex];
  if (atIndex && matches(atIndex)) return atIndex;
  const same = tasks.filter(matches);
  return same.length === 1 ? same[0] : undefined;
}

/** Apply the ticks made in the checklist comment to one task file's text, surgically. */
export function applyTicks(
  source: string,
  ticks: readonly ChecklistTick[],
  options: { path: string; skipMarkers?: readonly string[] },
): AppliedTicks {
  const file = parseTaskFile(source, options);
  let text = source;
  const changed: AppliedTicks['changed'] = [];
  const missing: ChecklistTick[] = [];
  for (const tick of ticks) {
    const task = findTask(file.tasks, tick);
    if (task === undefined) {
      missing.push(tick);
      continue;
    }
    const result = setTaskBox(text, task.markerOffset, tick.checked);
    if (!result.ok) {
      missing.push(tick);
    } else if (result.changed) {
      text = result.text;
      changed.push({ label: task.id ?? `“${task.text}”`, checked: tick.checked });
    }
  }
  return { text, changed, missing };
}
