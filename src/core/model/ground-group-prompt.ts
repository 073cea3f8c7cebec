import { groupKey } from '../orchestration/group-progress.js';
import { groupName } from '../orchestration/group-name.js';
import type { StackEntry } from '../product/stack-entry.js';
import type { SpecDocument } from '../spec/parse-spec.js';
import type { TaskFile, TaskGroup } from '../tasks/types.js';
import type { GroupPromptGrounding, GroupTask } from './group-prompt-grounding.js';

/** A group's tasks by reference: the task's ID as written (`1.2`), else `T<n>` by its place in the group. */
export function groupTasksOf(tasks: TaskFile, group: TaskGroup): GroupTask[] {
  const inGroup = new Set(group.tasks);
  return group.tasks.flatMap((index, n) => {
    const task = tasks.tasks[index];
    if (task === undefined) return [];
    let depth = 0;
    for (let parent = task.parent; parent !== undefined && inGroup.has(parent); parent = tasks.tasks[parent]?.parent)
      depth += 1;
    return [{ ref: task.id ?? `T${n + 1}`, text: task.text, depth }];
  });
}

/** What the model drafts one group's guidance from: its tasks (not their ticks), the spec, the tree, the stack. */
export function groundGroupPrompt(input: {
  tasks: TaskFile;
  group: TaskGroup;
  specTitle: string;
  spec: SpecDocument | undefined;
  paths: readonly string[];
  stack: readonly StackEntry[];
}): GroupPromptGrounding {
  const { tasks, group, spec } = input;
  return {
    specTitle: input.specTitle,
    groupKey: groupKey(group, tasks),
    groupName: groupName(group),
    tasks: groupTasksOf(tasks, group),
    otherGroups: tasks.groups
      .filter((g) => g !== group && g.tasks.length > 0)
      .map((g) => `${groupKey(g, tasks)}: ${groupName(g)}`),
    goal: spec?.goal ?? '',
    requirements: (spec?.requirements ?? []).map((r) => ({
      number: r.number,
      name: r.name,
      details: r.bullets.map((b) => `${'  '.repeat(b.depth)}${b.text}`),
    })),
    paths: [...input.paths],
    stack: [...input.stack],
  };
}
