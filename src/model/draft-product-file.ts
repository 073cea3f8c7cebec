import { buildProductPrompt } from '../core/model/build-product-prompt.js';
import type { ChatModel } from '../core/model/chat-model.js';
import { checkProductDraft } from '../core/model/check-product-draft.js';
import { PRODUCT_DRAFT_SCHEMA } from '../core/model/product-draft-schema.js';
import { groundProduct } from '../core/model/product-grounding.js';
import { ruleNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import { renderModelProduct } from '../core/model/render-model-product.js';
import type { ModelSpecMarker } from '../core/model/render-model-spec.js';
import { fingerprint } from '../core/markdown/fingerprint.js';
import type { ProductBrief } from '../core/product/product-brief.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import type { DraftLog } from './draft-spec-file.js';
import { draftWithGuard, guardLogFields, modelMarker } from './draft-with-guard.js';

/** Bump when the prompt or the schema changes meaning: plans cached under an older version are drafted again. */
const PROMPT_VERSION = 1;

export interface ProductFiles {
  mission: string;
  roadmap: string;
}

function cachedDraft(kind: 'mission' | 'roadmap', text: string | undefined, inputs: string): boolean {
  if (text === undefined) return false;
  const marked = parseMarkedFile<Partial<ModelSpecMarker>>(kind, text);
  return marked.marked && marked.intact && marked.data.drafter === 'model' && marked.data.inputs === inputs;
}

/** The product files as they are, when both hold the model's plan for exactly these inputs. */
function cachedPlan(existing: Partial<ProductFiles>, inputs: string): { mission: string; roadmap: string } | undefined {
  const { mission, roadmap } = existing;
  if (mission === undefined || roadmap === undefined) return undefined;
  return cachedDraft('mission', mission, inputs) && cachedDraft('roadmap', roadmap, inputs)
    ? { mission, roadmap }
    : undefined;
}

/**
 * mission.md and roadmap.md by the model (one call, repaired at most once), grounded in the product description,
 * the repository's tree and its detected tech stack, held to the deterministic plan (`floor`) by
 * `checkProductDraft`, or the floor with the reason. Files that already hold the model's plan for exactly these
 * inputs are returned as they are, without a call. tech-stack.md is never the model's: it is detected facts.
 */
export async function draftProductFiles(
  model: ChatModel,
  input: {
    brief: ProductBrief;
    issueBody: string;
    floor: ProductFiles;
    existing: Partial<ProductFiles>;
    paths: readonly string[];
    stack: readonly StackEntry[];
    budgetTokens: number;
    log: DraftLog;
    /** Only reuse a cached plan, never call (files exist that will not be replaced). */
    cacheOnly?: boolean;
  },
): Promise<ProductFiles & { note: DraftingNote }> {
  const grounding = groundProduct({
    brief: input.brief,
    issueBody: input.issueBody,
    paths: input.paths,
    stack: input.stack,
  });
  const messages = buildProductPrompt(grounding, input.budgetTokens);
  const inputs = fingerprint(JSON.stringify({ v: PROMPT_VERSION, model: model.name, messages }));
  const cached = cachedPlan(input.existing, inputs);
  if (cached !== undefined) {
    input.log.info({ model: model.name, inputs }, 'model draft: cached');
    return { ...cached, note: { by: 'cached', model: model.name } };
  }
  if (input.cacheOnly === true)
    return {
      ...input.floor,
      note: ruleNote(model.name, 'the product files exist and hold no plan of the model for these inputs'),
    };
  const guarded = await draftWithGuard(model, messages, 'product_plan', PRODUCT_DRAFT_SCHEMA, (draft) =>
    checkProductDraft(draft, grounding),
  );
  const { usage } = guarded;
  input.log.info(guardLogFields(model.name, guarded), 'model draft: product plan');
  if (!guarded.ok) return { ...input.floor, note: ruleNote(model.name, guarded.reason, usage) };
  const files = renderModelProduct({
    draft: guarded.draft,
    check: guarded.check,
    grounding,
    marker: modelMarker(model.name, inputs, usage),
  });
  return {
    ...files,
    note: { by: 'model', model: model.name, usage, figures: guarded.check.figures, repaired: guarded.repaired },
  };
}
