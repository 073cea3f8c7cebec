import type { List, PhrasingContent, RootContent } from 'mdast';
import { bulletList, code, emphasis, heading, paragraph, root, text } from '../markdown/build-mdast.js';
import { markFile, parseMarkedFile } from '../spec/file-marker.js';
import { normaliseTaskRef, type GroupPromptCheck } from './check-group-prompt-draft.js';
import type { GroupPromptDraft } from './group-prompt-draft-schema.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { modelLine, proposedHeading, writeModelMarkdown } from './model-markdown.js';
import { pathSpans, reuseLine, sourcesNote } from './render-sources.js';

/** The first line of the model's part of a prompt; everything from it to the marker is the model's. */
export const MODEL_GUIDANCE_HEADING = '## How to approach it';
const GUIDANCE_TITLE = MODEL_GUIDANCE_HEADING.slice('## '.length);

function trace(item: {
  tasks: readonly string[];
  files: readonly string[];
  requirements?: readonly number[];
}): PhrasingContent[] {
  return sourcesNote([
    ...[...new Set(item.tasks.map(normaliseTaskRef))].map((t) => [text(`task ${t}`)]),
    ...[...new Set(item.requirements ?? [])].map((n) => [text(`Specific Requirement ${n}`)]),
    ...pathSpans(item.files).map((span) => [span]),
  ]);
}

/** A section of the guidance under its own heading, when it has items. */
function subsection(title: string, items: PhrasingContent[][]): RootContent[] {
  return items.length > 0 ? [heading(3, [text(title)]), bulletList(items)] : [];
}

/** The model's guidance as markdown: steps, code to reuse, pitfalls, and proposals (optional steps). */
export function renderModelGuidance(input: {
  draft: GroupPromptDraft;
  check: GroupPromptCheck;
  model: string;
}): string {
  const { draft, check } = input;
  const proposed = new Set(check.proposed);
  const steps: List = {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    children: draft.approach
      .filter((_s, i) => !proposed.has(i))
      .map((s) => ({ type: 'listItem', spread: false, children: [paragraph([modelLine(s.text), ...trace(s)])] })),
  };
  const optional = check.proposed.flatMap((i) => {
    const step = draft.approach[i];
    return step === undefined ? [] : [[modelLine(step.text)]];
  });
  const tree = root([
    heading(2, [text(GUIDANCE_TITLE)]),
    paragraph([
      emphasis([
        text('Drafted by '),
        code(input.model),
        text(
          " from spec.md, this group's tasks, the repository's tree and its detected tech stack, and checked: every task above is addressed and every cited path exists. Where it disagrees with the tasks, the tasks win.",
        ),
      ]),
    ]),
    ...(steps.children.length > 0 ? [steps] : []),
    ...subsection('Existing code to reuse', draft.reuse.map(reuseLine)),
    ...subsection(
      'Watch out for',
      draft.watch_out.map((w) => [modelLine(w.text), ...trace({ tasks: w.tasks, files: w.files })]),
    ),
    ...(proposed.size > 0
      ? [
          ...proposedHeading(
            'Suggested by the model with no task, requirement or file behind it: optional, skip it unless it helps.',
            3,
          ),
          ...(optional.length > 0 ? [bulletList(optional)] : []),
        ]
      : []),
  ]);
  return writeModelMarkdown(tree);
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
