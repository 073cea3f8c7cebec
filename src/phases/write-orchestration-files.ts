import { taskRulesOf, type GateSettings } from '../core/config/settings.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import type { SpecFileLinks } from '../core/orchestration/group-prompt.js';
import { planOrchestration, type OrchestrationPlan } from '../core/orchestration/orchestration-file.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import type { TaskFile } from '../core/tasks/types.js';
import { draftGroupPrompts } from './draft-group-prompts.js';
import { planGroups, type PlannedGroup } from './plan-groups.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';
import type { DraftingDeps } from './write-spec-file.js';

/**
 * tasks.md read with the repository's rules (skip words, cancelled markers), as every orchestrate-tasks reads it;
 * `undefined` when no task group has a task in it (nothing to orchestrate).
 */
export function parseOrchestrationTasks(source: string, path: string, gate: GateSettings): TaskFile | undefined {
  const tasks = parseTaskFile(source, { path, ...taskRulesOf(gate) });
  return tasks.groups.some((g) => g.tasks.length > 0) ? tasks : undefined;
}

export interface OrchestrationFiles {
  plan: OrchestrationPlan;
  /** The task groups with a task, each with its prompt (the model's, when one drafted it). */
  groups: PlannedGroup[];
  /** The files whose content changed, orchestration.yml first: written in one go. */
  written: string[];
  /** How the model drafted each group's prompt, when one did. */
  drafting?: Array<{ key: string; note: DraftingNote }>;
}

/**
 * orchestrate-tasks' files, wherever it runs: orchestration.yml (one entry per task group, keeping what a person set
 * in it) and one implementation prompt per task group (the model's guidance when `deps.model` is set), written
 * through the workspace at once; files already as they should be are left alone. The App writes them on the spec
 * branch, the CLI in the folder.
 */
export async function writeOrchestrationFiles(
  workspace: SpecWorkspace,
  deps: DraftingDeps,
  input: {
    folder: string;
    specPath: string;
    orchestrationPath: string;
    tasks: TaskFile;
    tasksSource: string;
    /** orchestration.yml as it is, if there is one. */
    existingPlan: string | undefined;
    links: SpecFileLinks;
    specTitle: string;
    /** The prompt files that exist (a model's draft cached in one is reused); unset: any of them may. */
    existingPrompts?: ReadonlySet<string>;
    /** The commit message, given the number of prompts. */
    message: (prompts: number) => string;
  },
): Promise<OrchestrationFiles> {
  const { tasks, specTitle } = input;
  const plan = planOrchestration(tasks, input.existingPlan);
  let groups = planGroups({
    tasks,
    tasksSource: input.tasksSource,
    orchestration: plan.groups,
    links: input.links,
    specTitle,
  });
  let drafting: OrchestrationFiles['drafting'];
  if (deps.model !== undefined) {
    ({ groups, notes: drafting } = await draftGroupPrompts(
      workspace,
      { ...deps, model: deps.model },
      {
        folder: input.folder,
        specPath: input.specPath,
        tasks,
        groups,
        specTitle,
        existingPrompts: input.existingPrompts ?? new Set(groups.map((g) => g.promptPath)),
      },
    ));
  }
  const { written } = await workspace.writeFiles({
    files: [
      { path: input.orchestrationPath, content: plan.text },
      ...groups.map((g) => ({ path: g.promptPath, content: g.prompt })),
    ],
    message: input.message(groups.length),
  });
  return { plan, groups, written, ...(drafting === undefined ? {} : { drafting }) };
}
