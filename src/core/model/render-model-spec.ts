import { markFile } from '../spec/file-marker.js';
import type { SpecCheck } from './check-spec-draft.js';
import {
  boldName,
  pathSpans,
  proposedHeading,
  reuseLine,
  safeLine,
  shortText,
  withSourceList,
} from './render-sources.js';
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
export { safeLine } from './render-sources.js';

function short(text: string, max = 50): string {
  return shortText(text.replace(/\s+/g, ' ').trim(), max);
}

interface Sourced {
  requirements?: number[];
  answers?: number[];
  issue_lines?: number[];
  files?: string[];
}

function sourceList(item: Sourced, grounding: SpecGrounding): string[] {
  const names = new Map(grounding.requirements.map((r) => [r.number, r.name]));
  return [
    ...(item.requirements ?? []).map((n) => `requirement “${safeLine(short(names.get(n) ?? `R${n}`))}”`),
    ...(item.answers ?? []).map((n) => `answer to Q${n}`),
    ...(item.issue_lines ?? []).map((n) => `issue line ${n}`),
    ...pathSpans(item.files ?? []),
  ];
}

function withSources(text: string, item: Sourced, grounding: SpecGrounding): string {
  return withSourceList(text, sourceList(item, grounding));
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [`## ${title}`, '', ...(lines.length > 0 ? lines : [empty]), ''];
}

/** The requirements backed by a source, numbered, each with its details and sources; then the acceptance criteria. */
function specificRequirements(draft: SpecDraft, check: SpecCheck, grounding: SpecGrounding): string[] {
  const proposed = new Set(check.proposed);
  const specific: string[] = [];
  let n = 0;
  for (const [i, r] of draft.requirements.entries()) {
    if (proposed.has(i)) continue;
    n += 1;
    const list = sourceList(r, grounding);
    specific.push(
      `**${n}. ${safeLine(r.name).replace(/\*/g, '')}**`,
      '',
      ...r.details.map((d) => `- ${safeLine(d)}`),
      ...(list.length > 0 ? [`- _Sources: ${list.join('; ')}_`] : []),
      '',
    );
  }
  const criteria = [
    ...grounding.acceptance.map((a) => `- ${a}`),
    ...draft.acceptance_criteria.map((a) => `- ${withSources(a.text, a, grounding)}`),
  ];
  if (criteria.length > 0) specific.push('**Acceptance criteria**', '', ...criteria, '');
  return specific;
}

/** The sections after Specific Requirements: visual design, code to reuse, out of scope. */
function laterSections(draft: SpecDraft, grounding: SpecGrounding, visualAssets: readonly string[]): string[] {
  const visuals = [
    ...visualAssets.map((v) => `- ${v}`),
    ...draft.visual_design.map((v) => `- ${withSources(v.text, v, grounding)}`),
  ];
  const reuse = draft.existing_code.map((e) => {
    const answers = e.answers.length > 0 ? ` _(${e.answers.map((q) => `answer to Q${q}`).join('; ')})_` : '';
    return `${reuseLine(e)}${answers}`;
  });
  const outOfScope = [
    ...grounding.outOfScope.map((o) => `- ${o}`),
    ...draft.out_of_scope.map((o) => `- ${withSources(o.text, o, grounding)}`),
  ];
  return [
    ...section('Visual Design', visuals, 'No visual assets provided.'),
    ...section('Existing Code to Leverage', reuse, 'No existing code identified for reuse.'),
    ...section('Out of Scope', outOfScope, '- Anything not listed under Specific Requirements.'),
  ];
}

/** The requirements citing nothing, unnumbered, under "Proposed" (nothing when there are none). */
function proposedRequirements(draft: SpecDraft, check: SpecCheck): string[] {
  if (check.proposed.length === 0) return [];
  const lines = proposedHeading(
    'Suggested by the model with no source in the issue, the answers or the repository: optional until someone moves them into Specific Requirements.',
  );
  for (const i of check.proposed) {
    const r = draft.requirements[i];
    if (r === undefined) continue;
    lines.push(boldName(r.name), '', ...r.details.map((d) => `- ${safeLine(d)}`), '');
  }
  return lines;
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
  const lines = [
    `# Specification: ${safeLine(grounding.title)}`,
    '',
    ...section('Goal', [safeLine(draft.goal)], ''),
    ...section(
      'User Stories',
      draft.user_stories.map((s) => `- ${safeLine(s)}`),
      `- As a user, I want “${safeLine(grounding.title)}” so that the problem described in the issue is solved.`,
    ),
    ...section(
      'Specific Requirements',
      specificRequirements(draft, check, grounding),
      '_No specific requirements yet: add them to planning/requirements.md and run /write-spec again._',
    ),
    ...laterSections(draft, grounding, input.visuals),
    ...proposedRequirements(draft, check),
  ];
  return markFile('spec', lines.join('\n'), input.marker);
}
