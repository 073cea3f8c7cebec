import { markFile, parseMarkedFile } from '../spec/file-marker.js';
import { normaliseTaskRef, type GroupPromptCheck } from './check-group-prompt-draft.js';
import type { GroupPromptDraft } from './group-prompt-draft-schema.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { pathSpans, proposedHeading, reuseLine, safeLine } from './render-sources.js';

/** The first line of the model's part of a prompt; everything from it to the marker is the model's. */
export const MODEL_GUIDANCE_HEADING = '## How to approach it';

function trace(item: { tasks: readonly string[]; files: readonly string[]; requirements?: readonly number[] }): string {
  const parts = [
    ...[...new Set(item.tasks.map(normaliseTaskRef))].map((t) => `task ${t}`),
    ...[...new Set(item.requirements ?? [])].map((n) => `Specific Requirement ${n}`),
    ...pathSpans(item.files),
  ];
  return parts.length === 0 ? '' : ` _(${parts.join('; ')})_`;
}

/** The model's guidance as markdown: steps, code to reuse, pitfalls, and proposals (optional steps). */
export function renderModelGuidance(input: {
  draft: GroupPromptDraft;
  check: GroupPromptCheck;
  model: string;
}): string {
  const { draft, check } = input;
  const proposed = new Set(check.proposed);
  const steps = draft.approach.filter((_s, i) => !proposed.has(i));
  const lines = [
    MODEL_GUIDANCE_HEADING,
    '',
    `_Drafted by \`${input.model}\` from spec.md, this group's tasks, the repository's tree and its detected tech stack, and checked: every task above is addressed and every cited path exists. Where it disagrees with the tasks, the tasks win._`,
    '',
    ...steps.map((s, i) => `${i + 1}. ${safeLine(s.text)}${trace(s)}`),
  ];
  if (draft.reuse.length > 0) {
    lines.push('', '### Existing code to reuse', '');
    lines.push(...draft.reuse.map(reuseLine));
  }
  if (draft.watch_out.length > 0)
    lines.push(
      '',
      '### Watch out for',
      '',
      ...draft.watch_out.map((w) => `- ${safeLine(w.text)}${trace({ tasks: w.tasks, files: w.files })}`),
    );
  if (proposed.size > 0) {
    lines.push(
      '',
      ...proposedHeading(
        'Suggested by the model with no task, requirement or file behind it: optional, skip it unless it helps.',
        3,
      ),
    );
    for (const i of check.proposed) {
      const step = draft.approach[i];
      if (step !== undefined) lines.push(`- ${safeLine(step.text)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The prompt file: the deterministic prompt (tasks, references, standards: all kept as they are), then the model's guidance, then the marker. */
export function renderModelGroupPrompt(floor: string, guidance: string, marker: ModelSpecMarker): string {
  return markFile('prompt', `${floor.trimEnd()}\n\n${guidance}`, marker);
}

/**
 * The model's guidance in a prompt file the App wrote for exactly these inputs (`inputs`), with the marker it was
 * written with (so writing it again changes nothing), or `undefined`: a prompt a person edited, one drafted for other
 * inputs, or a deterministic one.
 */
export function cachedGuidance(
  text: string | undefined,
  inputs: string,
): { guidance: string; marker: ModelSpecMarker } | undefined {
  if (text === undefined) return undefined;
  const marked = parseMarkedFile<Partial<ModelSpecMarker>>('prompt', text);
  if (
    !marked.marked ||
    !marked.intact ||
    marked.data.drafter !== 'model' ||
    marked.data.inputs !== inputs ||
    typeof marked.data.model !== 'string'
  )
    return undefined;
  const at = marked.content.lastIndexOf(`\n${MODEL_GUIDANCE_HEADING}\n`);
  if (at < 0) return undefined;
  const usage = marked.data.usage ?? { prompt: 0, completion: 0 };
  return {
    guidance: `${marked.content.slice(at + 1).trimEnd()}\n`,
    marker: {
      drafter: 'model',
      model: marked.data.model,
      inputs,
      usage: { prompt: usage.prompt, completion: usage.completion },
    },
  };
}
