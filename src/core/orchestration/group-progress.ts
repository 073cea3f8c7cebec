import { setTaskBox } from '../markdown/set-task-box.js';
import type { TaskFile, TaskGroup } from '../tasks/types.js';

/**
 * The key of every group of a task file, in order: the group's number (`Task Group 3` → `3`), else its 1-based
 * position. Keys are unique: a number used by two groups is given up for their positions, and a position that is
 * another group's number becomes `g<position>`.
 */
export function groupKeys(tasks: TaskFile): string[] {
  const counts = new Map<string, number>();
  for (const group of tasks.groups)
    if (group.number !== undefined) counts.set(group.number, (counts.get(group.number) ?? 0) + 1);
  const numbered = new Set([...counts].filter(([, n]) => n === 1).map(([number]) => number));
  return tasks.groups.map((group, position) => {
    if (group.number !== undefined && numbered.has(group.number)) return group.number;
    const key = String(position + 1);
    return numbered.has(key) ? `g${key}` : key;
  });
}

/** The key a group goes by in markers, prompt file names and sub-issues: its number, else its 1-based position. */
export function groupKey(group: TaskGroup, tasks: TaskFile): string {
  return groupKeys(tasks)[group.index] ?? String(group.index + 1);
}

/** The group with this key, if the task file has one. */
export function findGroupByKey(tasks: TaskFile, key: string): TaskGroup | undefined {
  const at = groupKeys(tasks).indexOf(key);
  return at < 0 ? undefined : tasks.groups[at];
}

/** The keys of the groups whose required tasks are all complete (a group with no required task is not counted). */
export function completeGroups(tasks: TaskFile): Set<string> {
  const keys = groupKeys(tasks);
  const complete = new Set<string>();
  tasks.groups.forEach((group, position) => {
    const required = group.tasks.map((i) => tasks.tasks[i]).filter((t) => t?.required === true);
    const key = keys[position];
    if (key !== undefined && required.length > 0 && required.every((t) => t?.complete === true)) complete.add(key);
  });
  return complete;
}

/**
 * Tick every required box of one group that is not ticked yet (parents and sub-tasks, `[-]` and `[~]` too), one
 * character each, every other byte of `tasksSource` kept. Optional (`[ ]*`) and skipped tasks are left as they are:
 * the group is done without them. `tasks` must be `tasksSource` parsed. An unknown key ticks nothing.
 */
export function tickGroup(tasksSource: string, tasks: TaskFile, key: string): { text: string; ticked: number } {
  const group = findGroupByKey(tasks, key);
  let text = tasksSource;
  let ticked = 0;
  if (group === undefined) return { text, ticked };
  for (const index of group.tasks) {
    const task = tasks.tasks[index];
    if (task === undefined || !task.required || task.boxState === 'done') continue;
    const result = setTaskBox(text, task.markerOffset, true);
    if (result.ok && result.changed) {
      text = result.text;
      ticked += 1;
    }
  }
  return { text, ticked };
}
