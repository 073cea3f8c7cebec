import { groupPromptPath, renderGroupPrompt, type SpecFileLinks } from '../core/orchestration/group-prompt.js';
import { groupKey } from '../core/orchestration/group-progress.js';
import { orchestrationFor, type OrchestrationGroup } from '../core/orchestration/orchestration-file.js';
import type { TaskFile, TaskGroup } from '../core/tasks/types.js';

/** The spec's task groups with their key, prompt and sub-issue as they should be. */
export interface PlannedGroup {
  key: string;
  group: TaskGroup;
  orchestration: OrchestrationGroup | undefined;
  promptPath: string;
  prompt: string;
}

/** Task groups with at least one task, each with its prompt. */
export function planGroups(input: {
  tasks: TaskFile;
  tasksSource: string;
  orchestration: readonly OrchestrationGroup[];
  links: SpecFileLinks;
  specTitle: string;
}): PlannedGroup[] {
  const matched = orchestrationFor(input.tasks, input.orchestration);
  return input.tasks.groups
    .filter((group) => group.tasks.length > 0)
    .map((group) => {
      const key = groupKey(group, input.tasks);
      const orchestration = matched[group.index];
      return {
        key,
        group,
        orchestration,
        promptPath: groupPromptPath(input.links.specFolder, group, input.tasks),
        prompt: renderGroupPrompt({
          tasks: input.tasks,
          tasksSource: input.tasksSource,
          group,
          ...(orchestration ? { orchestration } : {}),
          links: input.links,
          specTitle: input.specTitle,
        }),
      };
    });
}
