import type { ChatModel } from '../core/model/chat-model.js';
import { buildTasksPrompt } from '../core/model/build-tasks-prompt.js';
import { checkTasksDraft, type TasksGrounding } from '../core/model/check-tasks-draft.js';
import { ruleNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import type { ModelSpecMarker } from '../core/model/render-model-spec.js';
import { renderModelTasks } from '../core/model/render-model-tasks.js';
import { TASKS_DRAFT_SCHEMA } from '../core/model/tasks-draft-schema.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import type { SpecDocument } from '../core/spec/parse-spec.js';
import type { DraftLog } from './draft-spec-file.js';
import { draftWithGuard, guardLogFields, modelMarker } from './draft-with-guard.js';

const PROMPT_VERSION = 1;

/** What the model is shown of the spec: its requirements with their details, the tree's paths, the stack. */
function tasksGrounding(
  spec: SpecDocument,
  paths: readonly string[],
  stack: readonly StackEntry[] | undefined,
): TasksGrounding {
  return {
    title: spec.title,
    goal: spec.goal,
    requirements: spec.requirements.map((r) => ({
      number: r.number,
      name: r.name,
      details: r.bullets.map((b) => `${'  '.repeat(b.depth)}${b.text}`),
    })),
    paths: [...paths],
    stack: [...(stack ?? [])],
  };
}

/**
 * tasks.md's content by the model from spec.md and the repository's tree, checked (every specific requirement
 * has a task, cited paths exist), repaired once, or the deterministic `floor` with the reason. A tasks.md holding
 * the model's draft of exactly these inputs is returned as it is, without a call.
 */
export async function draftTasksFile(
  model: ChatModel,
  input: {
    spec: SpecDocument;
    floor: string;
    existingText: string | undefined;
    paths: readonly string[];
    stack?: readonly StackEntry[];
    budgetTokens: number;
    log: DraftLog;
  },
): Promise<{ content: string; note: DraftingNote }> {
  const grounding = tasksGrounding(input.spec, input.paths, input.stack);
  const messages = buildTasksPrompt(grounding, input.budgetTokens);
  const inputs = fingerprint(JSON.stringify({ v: PROMPT_VERSION, model: model.name, messages }));
  if (input.existingText !== undefined) {
    const marked = parseMarkedFile<Partial<ModelSpecMarker>>('tasks', input.existingText);
    if (marked.marked && marked.intact && marked.data.drafter === 'model' && marked.data.inputs === inputs) {
      input.log.info({ model: model.name, inputs }, 'model draft: cached');
      return { content: input.existingText, note: { by: 'cached', model: model.name } };
    }
  }
  const guarded = await draftWithGuard(model, messages, 'tasks_draft', TASKS_DRAFT_SCHEMA, (draft) =>
    checkTasksDraft(draft, grounding),
  );
  const { usage } = guarded;
  input.log.info(guardLogFields(model.name, guarded), 'model draft: tasks.md');
  if (!guarded.ok) return { content: input.floor, note: ruleNote(model.name, guarded.reason, usage) };
  const content = renderModelTasks({
    draft: guarded.draft,
    check: guarded.check,
    grounding,
    marker: modelMarker(model.name, inputs, usage),
  });
  const f = guarded.check.figures;
  return {
    content,
    note: {
      by: 'model',
      model: model.name,
      usage,
      repaired: guarded.repaired,
      figures: { ...f, answersCarried: 0, answersTotal: 0 },
    },
  };
}
