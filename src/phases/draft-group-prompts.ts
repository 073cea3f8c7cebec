import type { ChatModel } from '../core/model/chat-model.js';
import { groundGroupPrompt } from '../core/model/ground-group-prompt.js';
import { ruleNote, TREE_UNREADABLE, type DraftingNote } from '../core/model/render-drafting-note.js';
import { parseSpec } from '../core/spec/parse-spec.js';
import type { TaskFile } from '../core/tasks/types.js';
import { draftGroupPrompt } from '../model/draft-group-prompt.js';
import type { PlannedGroup } from './plan-groups.js';
import type { SpecWorkspace } from './ports/spec-workspace.js';
import { readStackInWorkspace } from './read-stack-in-tree.js';
import { pathsOutside, type DraftingDeps } from './write-spec-file.js';

export interface DraftedGroupPrompts {
  groups: PlannedGroup[];
  /** How each group's prompt was drafted, by group key. */
  notes: Array<{ key: string; note: DraftingNote }>;
}

/** Every group keeps its deterministic prompt: the repository could not be read to ground the model. */
function deterministicPrompts(groups: readonly PlannedGroup[], modelName: string): DraftedGroupPrompts {
  return {
    groups: [...groups],
    notes: groups.map((g) => ({ key: g.key, note: ruleNote(modelName, TREE_UNREADABLE) })),
  };
}

/**
 * The task groups' implementation prompts with the model's guidance: one tree read, spec.md, the manifests the tree
 * shows (bounded) and the prompt files already written (for the cache) are read once for all groups; then one model
 * call per group at most (none for a group whose prompt already holds the model's guidance for exactly these inputs).
 * Each prompt falls back to the deterministic one on its own. The App runs this on the spec branch, the CLI on the
 * file system.
 */
export async function draftGroupPrompts(
  workspace: SpecWorkspace,
  deps: DraftingDeps & { model: ChatModel },
  input: {
    folder: string;
    specPath: string;
    tasks: TaskFile;
    groups: readonly PlannedGroup[];
    specTitle: string;
    existingPrompts: ReadonlySet<string>;
  },
): Promise<DraftedGroupPrompts> {
  const { model } = deps;
  let paths: string[];
  let specText: string | undefined;
  let existing: Map<string, string>;
  try {
    const [tree, spec, ...prompts] = await Promise.all([
      workspace.readTree(),
      workspace.readFile(input.specPath),
      ...input.groups.map((g) =>
        input.existingPrompts.has(g.promptPath) ? workspace.readFile(g.promptPath) : Promise.resolve(undefined),
      ),
    ]);
    paths = pathsOutside(tree, input.folder);
    specText = spec?.text;
    existing = new Map(
      input.groups.flatMap((g, i) =>
        prompts[i] === undefined ? [] : [[g.promptPath, prompts[i].text] as [string, string]],
      ),
    );
  } catch (error) {
    deps.log.warn({ err: error }, 'model draft: the repository could not be read');
    return deterministicPrompts(input.groups, model.name);
  }
  const stack = await readStackInWorkspace(workspace, paths);
  const spec = specText === undefined ? undefined : parseSpec(specText);
  const groups: PlannedGroup[] = [];
  const notes: DraftedGroupPrompts['notes'] = [];
  // One group at a time: a rate-limited endpoint sees one request at once, and the notes keep the groups' order.
  for (const planned of input.groups) {
    const grounding = groundGroupPrompt({
      tasks: input.tasks,
      group: planned.group,
      specTitle: input.specTitle,
      spec,
      paths,
      stack,
    });
    const drafted = await draftGroupPrompt(model, {
      grounding,
      floor: planned.prompt,
      existingText: existing.get(planned.promptPath),
      budgetTokens: deps.settings.modelContextTokens,
      log: deps.log,
    });
    groups.push({ ...planned, prompt: drafted.prompt });
    notes.push({ key: planned.key, note: drafted.note });
  }
  return { groups, notes };
}
