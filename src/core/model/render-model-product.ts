import { EFFORT_SCALE, EFFORTS, estimateEffort, type Effort } from '../product/estimate-effort.js';
import { markFile } from '../spec/file-marker.js';
import { normaliseId, type ProductCheck } from './check-product-draft.js';
import type { ProductDraft } from './product-draft-schema.js';
import type { ProductGrounding } from './product-grounding.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { boldName, pathSpans, proposedHeading, safeLine, shortText, withSourceList } from './render-sources.js';

interface Sourced {
  from?: string[];
  files?: string[];
}

const KIND_NAMES = {
  pitch: 'the pitch',
  problem: 'the problem',
  user: 'user segment',
  differentiator: 'differentiator',
  feature: 'key feature',
} as const;

/** `key feature “Calendar sync”; issue line 4; \`src/app\`` — where an item comes from, as people read it. */
function sourceList(item: Sourced, grounding: ProductGrounding): string[] {
  const byId = new Map(grounding.floor.map((f) => [f.id, f]));
  const names = [...new Set((item.from ?? []).map(normaliseId))].map((id) => {
    const floor = byId.get(id);
    if (floor === undefined) return `issue line ${id.slice(1)}`;
    return floor.kind === 'pitch' || floor.kind === 'problem'
      ? KIND_NAMES[floor.kind]
      : `${KIND_NAMES[floor.kind]} “${safeLine(shortText(floor.text, 40))}”`;
  });
  return [...names, ...pathSpans(item.files ?? [])];
}

function withSources(text: string, item: Sourced, grounding: ProductGrounding): string {
  return withSourceList(text, sourceList(item, grounding));
}

function effortOf(item: ProductDraft['roadmap'][number]): Effort {
  const said = item.effort.trim().toUpperCase();
  return (EFFORTS as readonly string[]).includes(said)
    ? (said as Effort)
    : estimateEffort({ title: item.title, description: item.description });
}

/** A roadmap line as roadmap.md's reader and the roadmap matcher read it: `N. [ ] Title — description \`M\``. */
function roadmapLine(item: ProductDraft['roadmap'][number], grounding: ProductGrounding): string {
  return `${safeLine(item.title).replace(/\*/g, '')} — ${withSources(item.description, item, grounding)} \`${effortOf(item)}\``;
}

const split = <T>(items: readonly T[], proposed: readonly number[]): Split<T> => ({
  kept: items.filter((_i, n) => !proposed.includes(n)),
  proposed: items.filter((_i, n) => proposed.includes(n)),
});

/** A section's items: those kept in their list, those moved under "Proposed". */
interface Split<T> {
  kept: T[];
  proposed: T[];
}

/** The personas, each a bold name then its context, pain points and goals, a blank line between two. */
function personaLines(draft: ProductDraft, grounding: ProductGrounding): string[] {
  return draft.personas.flatMap((p, i) => [
    ...(i > 0 ? [''] : []),
    boldName(p.name),
    `- **Context:** ${withSources(p.context, p, grounding)}`,
    ...(p.pain_points.length > 0 ? [`- **Pain Points:** ${p.pain_points.map(safeLine).join('; ')}`] : []),
    ...(p.goals.length > 0 ? [`- **Goals:** ${p.goals.map(safeLine).join('; ')}`] : []),
  ]);
}

/** The Users section: primary customers and personas, or what is missing. */
function usersSection(draft: ProductDraft, grounding: ProductGrounding): string[] {
  const personas = personaLines(draft, grounding);
  return [
    '## Users',
    '',
    '### Primary Customers',
    '',
    ...(draft.customers.length > 0
      ? draft.customers.map((c) => `- ${boldName(c.name)}: ${withSources(c.description, c, grounding)}`)
      : ['_Not described yet._']),
    '',
    '### User Personas',
    '',
    ...(personas.length > 0
      ? personas
      : ['_No personas described yet: add one per kind of user (role, context, pain points, goals)._']),
    '',
  ];
}

/** mission.md's text: pitch, users, problem, differentiators and features, then the proposed ones. */
function missionLines(
  draft: ProductDraft,
  grounding: ProductGrounding,
  differentiators: Split<ProductDraft['differentiators'][number]>,
  features: Split<ProductDraft['features'][number]>,
): string[] {
  const proposed = [
    ...differentiators.proposed.map((d) => `- ${boldName(d.name)} (differentiator): ${safeLine(d.text)}`),
    ...features.proposed.map((f) => `- ${boldName(f.title)}: ${safeLine(f.description)}`),
  ];
  return [
    '# Product Mission',
    '',
    '## Pitch',
    '',
    withSources(draft.pitch.text, draft.pitch, grounding),
    '',
    ...usersSection(draft, grounding),
    '## The Problem',
    '',
    withSources(draft.problem.text, draft.problem, grounding),
    '',
    '## Differentiators',
    '',
    ...(differentiators.kept.length > 0
      ? differentiators.kept.map((d) => `- ${boldName(d.name)}: ${withSources(d.text, d, grounding)}`)
      : ['_None listed yet._']),
    '',
    '## Key Features',
    '',
    '### Core Features',
    '',
    ...features.kept.map((f) => `- ${boldName(f.title)}: ${withSources(f.description, f, grounding)}`),
    '',
    ...(proposed.length > 0
      ? [
          ...proposedHeading(
            'Suggested by the model with no source in the product description: optional until someone moves them above.',
          ),
          ...proposed,
          '',
        ]
      : []),
  ];
}

/** roadmap.md's text: the numbered roadmap items, the notes, then the proposed ones as plain bullets. */
function roadmapLines(grounding: ProductGrounding, roadmap: Split<ProductDraft['roadmap'][number]>): string[] {
  const scale = EFFORTS.map((effort) => `\`${effort}\` ${EFFORT_SCALE[effort]}`).join(', ');
  return [
    '# Product Roadmap',
    '',
    ...roadmap.kept.map((item, i) => `${i + 1}. [ ] ${roadmapLine(item, grounding)}`),
    '',
    '> Notes',
    '> - Ordered by technical dependencies and product architecture (drafted by the model: adjust the order as you see fit)',
    '> - Each item should represent an end-to-end (frontend + backend) functional and testable feature',
    `> - Effort scale: ${scale}`,
    '',
    ...(roadmap.proposed.length > 0
      ? [
          ...proposedHeading(
            'Suggested by the model with no source in the product description: not roadmap items until someone moves them into the list above.',
          ),
          ...roadmap.proposed.map((item) => `- ${roadmapLine(item, grounding)}`),
          '',
        ]
      : []),
  ];
}

/**
 * mission.md and roadmap.md from a model's product plan that passed the check, in the layout the deterministic
 * drafter writes (so the roadmap matcher and the merge that ticks an item read them the same way). Every item shows
 * its sources; features, roadmap items and differentiators citing nothing go under "Proposed", outside the lists
 * people plan from (proposed roadmap items are plain bullets, never roadmap items a spec is matched to).
 */
export function renderModelProduct(input: {
  draft: ProductDraft;
  check: ProductCheck;
  grounding: ProductGrounding;
  marker: ModelSpecMarker;
}): { mission: string; roadmap: string } {
  const { draft, check, grounding } = input;
  const features = split(draft.features, check.proposed.features);
  const differentiators = split(draft.differentiators, check.proposed.differentiators);
  const roadmap = split(draft.roadmap, check.proposed.roadmap);
  return {
    mission: markFile('mission', missionLines(draft, grounding, differentiators, features).join('\n'), input.marker),
    roadmap: markFile('roadmap', roadmapLines(grounding, roadmap).join('\n'), input.marker),
  };
}
