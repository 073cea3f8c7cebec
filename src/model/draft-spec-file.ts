import type { ChatModel } from '../core/model/chat-model.js';
import { groundSpec, visualsOf } from '../core/model/ground-spec.js';
import { ruleNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import type { ModelSpecMarker } from '../core/model/render-model-spec.js';
import type { GroundingDocument } from '../core/model/spec-grounding.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import type { RequirementsDocument } from '../core/spec/parse-requirements.js';
import { draftSpecWithModel, prepareSpecDraft } from './draft-spec-with-model.js';

export interface DraftLog {
  info(data: object, message: string): void;
}

/**
 * spec.md's content by the model from requirements.md and what was read of the repository, or the
 * deterministic `floor` with the reason. A spec.md that already holds the model's draft of exactly these inputs
 * is returned as it is, without a call (a redelivery, a second replica, a re-run).
 */
export async function draftSpecFile(
  model: ChatModel,
  input: {
    doc: RequirementsDocument;
    floor: string;
    existingText: string | undefined;
    repository: { paths: readonly string[]; documents: readonly GroundingDocument[]; stack?: readonly StackEntry[] };
    budgetTokens: number;
    log: DraftLog;
  },
): Promise<{ content: string; note: DraftingNote }> {
  const grounding = groundSpec(input.doc, input.floor, input.repository);
  const prepared = prepareSpecDraft(grounding, model.name, input.budgetTokens);
  if (input.existingText !== undefined) {
    const marked = parseMarkedFile<Partial<ModelSpecMarker>>('spec', input.existingText);
    if (marked.marked && marked.intact && marked.data.drafter === 'model' && marked.data.inputs === prepared.inputs) {
      input.log.info({ model: model.name, inputs: prepared.inputs }, 'model draft: cached');
      return { content: input.existingText, note: { by: 'cached', model: model.name } };
    }
  }
  const drafted = await draftSpecWithModel({
    model,
    grounding,
    prepared,
    floor: input.floor,
    visuals: visualsOf(input.doc),
  });
  const { usage } = drafted;
  input.log.info(
    {
      model: model.name,
      by: drafted.by,
      calls: usage.calls,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      ...(drafted.by === 'model' ? drafted.figures : { reason: drafted.reason }),
    },
    'model draft: spec.md',
  );
  const note: DraftingNote =
    drafted.by === 'model'
      ? { by: 'model', model: model.name, usage, figures: drafted.figures, repaired: drafted.repaired }
      : ruleNote(model.name, drafted.reason, usage);
  return { content: drafted.content, note };
}
