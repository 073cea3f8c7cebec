import type { IncompleteState, Task, TaskFile, TaskGroup } from './types.js';

export interface TaskCounts {
  /** Every task item. */
  tasks: number;
  /** Tasks neither optional nor skipped, nor under one that is. */
  required: number;
  /** Required tasks that are complete. */
  complete: number;
}

export interface IncompleteTask {
  line: number;
  id?: string;
  text: string;
  state: IncompleteState;
  group: string;
}

/** Count tasks, required tasks and complete required tasks among `tasks` (all of the file by default). */
export function countTasks(tasks: readonly Task[]): TaskCounts {
  const required = tasks.filter((t) => t.required);
  return { tasks: tasks.length, required: required.length, complete: required.filter((t) => t.complete).length };
}

export function tasksOfGroup(file: TaskFile, group: TaskGroup): Task[] {
  return group.tasks.map((i) => file.tasks[i]).filter((t): t is Task => t !== undefined);
}

/** How each state of an incomplete task is named to people. */
export const INCOMPLETE_STATE_WORDS: Record<IncompleteState, string> = {
  open: 'open',
  'in-progress': 'in progress',
  blocked: 'blocked',
};

/** What a person is told about a required task that is not complete: a ticked parent with open children is open. */
export function incompleteStateOf(task: Task): IncompleteState {
  return task.boxState === 'done' ? 'open' : task.boxState;
}

/** Every required task that is not complete, parents included, in document order. */
export function listIncompleteTasks(file: TaskFile, tasks: readonly Task[] = file.tasks): IncompleteTask[] {
  return tasks
    .filter((t) => t.required && !t.complete)
    .map((t) => ({
      line: t.line,
      ...(t.id === undefined ? {} : { id: t.id }),
      text: t.text,
      state: incompleteStateOf(t),
      group: file.groups[t.group]?.title ?? '',
    }));
}

/** Why a group is shown but not required, in words for the summary and the checklist comment. */
export function contextNoteOf(group: TaskGroup): string {
  return group.contextReason === 'story-checklist'
    ? "shown, not gated: outside the story's Tasks / Subtasks"
    : "not in this pull request's scope";
}
