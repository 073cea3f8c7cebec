import { EFFORT_SCALE, EFFORTS, estimateEffort, type Effort } from '../product/estimate-effort.js';
import { markFile } from '../spec/file-marker.js';
import { normalisePath } from './check-citations.js';
import { normaliseId, type ProductCheck } from './check-product-draft.js';
import type { ProductDraft } from './product-draft-schema.js';
import type { ProductGrounding } from './product-grounding.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { safeLine } from './render-model-spec.js';

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

function short(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(text.slice(0, max).lastIndexOf(' '), max / 2))}…`;
}

/** `key feature “Calendar sync”; issue line 4; \`src/app\`` — where an item comes from, as people read it. */
function sourceList(item: Sourced, grounding: ProductGrounding): string[] {
  const byId = new Map(grounding.floor.map((f) => [f.id, f]));
  const names = [...new Set((item.from ?? []).map(normaliseId))].map((id) => {
    const floor = byId.get(id);
    if (floor === undefined) return `issue line ${id.slice(1)}`;
    return floor.kind === 'pitch' || floor.kind === 'problem'
      ? KIND_NAMES[floor.kind]
      : `${KIND_NAMES[floor.kind]} “${safeLine(short(floor.text))}”`;
  });
  return [...names, ...[...new Set((item.files ?? []).map(normalisePath))].map((p) => `\`${p.replace(/`/g, '')}\``)];
}

function withSources(text: string, item: Sourced, grounding: ProductGrounding): string {
  const list = sourceList(item, grounding);
  return list.length === 0 ? safeLine(text) : `${safeLine(text)} _(${list.join('; ')})_`;
}

const bold = (text: string) => `**${safeLine(text).replace(/\*/g, '')}**`;

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

const split = <T>(items: readonly T[], proposed: readonly number[]) => ({
  kept: items.filter((_i, n) => !proposed.includes(n)),
  proposed: items.filter((_i, n) => proposed.includes(n)),
});

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
  const personas = draft.personas.flatMap((p, i) => [
    ...(i > 0 ? [''] : []),
    bold(p.name),
    `- **Context:** ${withSources(p.context, p, grounding)}`,
    ...(p.pain_points.length > 0 ? [`- **Pain Points:** ${p.pain_points.map(safeLine).join('; ')}`] : []),
    ...(p.goals.length > 0 ? [`- **Goals:** ${p.goals.map(safeLine).join('; ')}`] : []),
  ]);
  const mission = [
    '# Product Mission',
    '',
    '## Pitch',
    '',
    withSources(draft.pitch.text, draft.pitch, grounding),
    '',
    '## Users',
    '',
    '### Primary Customers',
    '',
    ...(draft.customers.length > 0
      ? draft.customers.map((c) => `- ${bold(c.name)}: ${withSources(c.description, c, grounding)}`)
      : ['_Not described yet._']),
    '',
    '### User Personas',
    '',
    ...(personas.length > 0
      ? personas
      : ['_No personas described yet: add one per kind of user (role, context, pain points, goals)._']),
    '',
    '## The Problem',
    '',
    withSources(draft.problem.text, draft.problem, grounding),
    '',
    '## Differentiators',
    '',
    ...(differentiators.kept.length > 0
      ? differentiators.kept.map((d) => `- ${bold(d.name)}: ${withSources(d.text, d, grounding)}`)
      : ['_None listed yet._']),
    '',
    '## Key Features',
    '',
    '### Core Features',
    '',
    ...features.kept.map((f) => `- ${bold(f.title)}: ${withSources(f.description, f, grounding)}`),
    '',
  ];
  if (features.proposed.length + differentiators.proposed.length > 0) {
    mission.push(
      '## Proposed',
      '',
      '_Suggested by the model with no source in the product description: optional until someone moves them above._',
      '',
    );
    mission.push(...differentiators.proposed.map((d) => `- ${bold(d.name)} (differentiator): ${safeLine(d.text)}`));
    mission.push(...features.proposed.map((f) => `- ${bold(f.title)}: ${safeLine(f.description)}`), '');
  }
  const scale = EFFORTS.map((effort) => `\`${effort}\` ${EFFORT_SCALE[effort]}`).join(', ');
  const lines = [
    '# Product Roadmap',
    '',
    ...roadmap.kept.map((item, i) => `${i + 1}. [ ] ${roadmapLine(item, grounding)}`),
    '',
    '> Notes',
    '> - Ordered by technical dependencies and product architecture (drafted by the model: adjust the order as you see fit)',
    '> - Each item should represent an end-to-end (frontend + backend) functional and testable feature',
    `> - Effort scale: ${scale}`,
    '',
  ];
  if (roadmap.proposed.length > 0) {
    lines.push(
      '## Proposed',
      '',
      '_Suggested by the model with no source in the product description: not roadmap items until someone moves them into the list above._',
      '',
    );
    lines.push(...roadmap.proposed.map((item) => `- ${roadmapLine(item, grounding)}`), '');
  }
  return {
    mission: markFile('mission', mission.join('\n'), input.marker),
    roadmap: markFile('roadmap', lines.join('\n'), input.marker),
  };
}
