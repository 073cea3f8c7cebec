import type { PhrasingContent, RootContent } from 'mdast';
import { bulletList, emphasis, heading, paragraph, raw, root, strong, text } from '../markdown/build-mdast.js';
import { markFile } from '../spec/file-marker.js';
import type { SpecCheck } from './check-spec-draft.js';
import { boldName, modelLine, proposedHeading, starless, writeModelMarkdown } from './model-markdown.js';
import { joined, pathSpans, reuseLine, shortText, sourcesNote, withSourceList } from './render-sources.js';
import type { SpecDraft } from './spec-draft-schema.js';
import type { SpecGrounding } from './spec-grounding.js';

/** What a model-drafted spec.md keeps in its hidden marker: enough to never ask the model again for the same inputs. */
export interface ModelSpecMarker {
  drafter: 'model';
  model: string;
  /** Fingerprint of the model's name and the whole prompt. */
  inputs: string;
  usage: { prompt: number; completion: number };
}

/** Where the other renderers and the tests first found it; it lives with the shared helpers now. */
export { safeLine } from './model-markdown.js';

function short(text: string, max = 50): string {
  return shortText(text.replace(/\s+/g, ' ').trim(), max);
}

interface Sourced {
  requirements?: number[];
  answers?: number[];
  issue_lines?: number[];
  files?: string[];
}

function sourceList(item: Sourced, grounding: SpecGrounding): PhrasingContent[][] {
  const names = new Map(grounding.requirements.map((r) => [r.number, r.name]));
  return [
    ...(item.requirements ?? []).map((n) => [
      text('requirement “'),
      modelLine(short(names.get(n) ?? `R${n}`)),
      text('”'),
    ]),
    ...(item.answers ?? []).map((n) => [text(`answer to Q${n}`)]),
    ...(item.issue_lines ?? []).map((n) => [text(`issue line ${n}`)]),
    ...pathSpans(item.files ?? []).map((span) => [span]),
  ];
}

function withSources(text: string, item: Sourced, grounding: SpecGrounding): PhrasingContent[] {
  return withSourceList(text, sourceList(item, grounding));
}

function section(title: string, content: readonly RootContent[], empty: RootContent): RootContent[] {
  return [heading(2, [text(title)]), ...(content.length > 0 ? content : [empty])];
}

/** A list of the items given, or nothing when there are none. */
const listOf = (items: PhrasingContent[][]): RootContent[] => (items.length > 0 ? [bulletList(items)] : []);

/** The requirements backed by a source, numbered, each with its details and sources; then the acceptance criteria. */
function specificRequirements(draft: SpecDraft, check: SpecCheck, grounding: SpecGrounding): RootContent[] {
  const proposed = new Set(check.proposed);
  const kept = draft.requirements.filter((_r, i) => !proposed.has(i));
  const specific = kept.flatMap((r, i) => {
    const list = sourceList(r, grounding);
    return [
      paragraph([strong([text(`${i + 1}. `), starless(r.name)])]),
      ...listOf([
        ...r.details.map((d) => [modelLine(d)]),
        ...(list.length > 0 ? [[emphasis([text('Sources: '), ...joined(list)])]] : []),
      ]),
    ];
  });
  // The issue's own criteria (and below its visual assets and exclusions) are people's markdown, kept as written.
  const criteria = [
    ...grounding.acceptance.map((a) => [raw(a)]),
    ...draft.acceptance_criteria.map((a) => withSources(a.text, a, grounding)),
  ];
  if (criteria.length > 0) specific.push(paragraph([strong([text('Acceptance criteria')])]), bulletList(criteria));
  return specific;
}

/** The sections after Specific Requirements: visual design, code to reuse, out of scope. */
function laterSections(draft: SpecDraft, grounding: SpecGrounding, visualAssets: readonly string[]): RootContent[] {
  const visuals = [
    ...visualAssets.map((v) => [raw(v)]),
    ...draft.visual_design.map((v) => withSources(v.text, v, grounding)),
  ];
  const reuse = draft.existing_code.map((e) => [
    ...reuseLine(e),
    ...sourcesNote(e.answers.map((q) => [text(`answer to Q${q}`)])),
  ]);
  const outOfScope = [
    ...grounding.outOfScope.map((o) => [raw(o)]),
    ...draft.out_of_scope.map((o) => withSources(o.text, o, grounding)),
  ];
  return [
    ...section('Visual Design', listOf(visuals), paragraph([text('No visual assets provided.')])),
    ...section('Existing Code to Leverage', listOf(reuse), paragraph([text('No existing code identified for reuse.')])),
    ...section(
      'Out of Scope',
      listOf(outOfScope),
      bulletList([[text('Anything not listed under Specific Requirements.')]]),
    ),
  ];
}

/** The requirements citing nothing, unnumbered, under "Proposed" (nothing when there are none). */
function proposedRequirements(draft: SpecDraft, check: SpecCheck): RootContent[] {
  if (check.proposed.length === 0) return [];
  const requirements = check.proposed.flatMap((i) => {
    const r = draft.requirements[i];
    return r === undefined ? [] : [paragraph([boldName(r.name)]), ...listOf(r.details.map((d) => [modelLine(d)]))];
  });
  return [
    ...proposedHeading(
      'Suggested by the model with no source in the issue, the answers or the repository: optional until someone moves them into Specific Requirements.',
    ),
    ...requirements,
  ];
}

/**
 * spec.md from a model's draft that passed the check, in the Agent OS layout the deterministic drafter writes (so
 * create-tasks and the gate read it the same way). Every item shows its sources; the issue's own acceptance
 * criteria, out-of-scope items and visual assets are kept as written; requirements citing nothing go under
 * "Proposed", outside Specific Requirements, so no task is ever required for them.
 */
export function renderModelSpec(input: {
  draft: SpecDraft;
  check: SpecCheck;
  grounding: SpecGrounding;
  visuals: readonly string[];
  marker: ModelSpecMarker;
}): string {
  const { draft, check, grounding } = input;
  const tree = root([
    heading(1, [text('Specification: '), modelLine(grounding.title)]),
    ...section('Goal', [paragraph([modelLine(draft.goal)])], paragraph([])),
    ...section(
      'User Stories',
      listOf(draft.user_stories.map((s) => [modelLine(s)])),
      bulletList([
        [
          text('As a user, I want “'),
          modelLine(grounding.title),
          text('” so that the problem described in the issue is solved.'),
        ],
      ]),
    ),
    ...section(
      'Specific Requirements',
      specificRequirements(draft, check, grounding),
      paragraph([
        emphasis([
          text('No specific requirements yet: add them to planning/requirements.md and run /write-spec again.'),
        ]),
      ]),
    ),
    ...laterSections(draft, grounding, input.visuals),
    ...proposedRequirements(draft, check),
  ]);
  return markFile('spec', writeModelMarkdown(tree), input.marker);
}
