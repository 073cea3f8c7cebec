import { checkCarried, checkCitedPaths, unknownReferences } from './check-citations.js';
import type { DraftFigures, GuardFinding } from './check-spec-draft.js';
import type { ProductDraft } from './product-draft-schema.js';
import { shortText } from './render-sources.js';
import type { FloorProductItem, ProductGrounding } from './product-grounding.js';

export interface ProductCheck {
  ok: boolean;
  findings: GuardFinding[];
  /** Indexes of key features, roadmap items and differentiators citing nothing: written under "Proposed". */
  proposed: { features: number[]; roadmap: number[]; differentiators: number[] };
  /** `requirements*` count the plan's items (pitch, users, problem, differentiators, features) carried. */
  figures: DraftFigures;
}

/** `f2`, ` F2 `, `feature F2` → `F2`; `line 4`, `L4` → `L4`. */
export function normaliseId(id: string): string {
  return id
    .trim()
    .toUpperCase()
    .replace(/^FEATURE\s*/, 'F')
    .replace(/^USER\s*/, 'U')
    .replace(/^DIFFERENTIATOR\s*/, 'D')
    .replace(/^(ISSUE\s*)?LINE\s*/, 'L')
    .replace(/\s+/g, '');
}

/** Where each kind of floor item must be carried: by the draft's items of these sections. */
const CARRIERS: Readonly<Record<FloorProductItem['kind'], ReadonlyArray<keyof ProductDraft>>> = {
  pitch: ['pitch'],
  problem: ['problem'],
  user: ['customers', 'personas'],
  differentiator: ['differentiators'],
  feature: ['features'],
};

interface Sourced {
  from?: string[];
  files?: string[];
}

function itemsOf(draft: ProductDraft, key: keyof ProductDraft): Sourced[] {
  const value = draft[key] as Sourced | Sourced[];
  return Array.isArray(value) ? value : [value];
}

const cites = (item: Sourced) => (item.from ?? []).map(normaliseId);

/** Every item of the draft, whatever its section: each may cite plan items and issue lines. */
function sourcedItems(draft: ProductDraft): Sourced[] {
  return [
    draft.pitch,
    draft.problem,
    ...draft.customers,
    ...draft.personas,
    ...draft.differentiators,
    ...draft.features,
    ...draft.roadmap,
  ];
}

/** References to plan items that are not listed, or to issue lines the issue does not have. */
function badReferences(items: readonly Sourced[], grounding: ProductGrounding): GuardFinding[] {
  const ids = new Set(grounding.floor.map((f) => f.id));
  const bad = new Set<string>();
  for (const item of items) {
    for (const id of cites(item)) {
      const line = /^L(\d+)$/.exec(id);
      if (line !== null ? Number(line[1]) < 1 || Number(line[1]) > grounding.issueLines.length : !ids.has(id))
        bad.add(id);
    }
  }
  return unknownReferences(bad);
}

/** Every plan item carried in its section, every key feature also by a roadmap item, and a roadmap at all. */
function checkPlanCarried(draft: ProductDraft, grounding: ProductGrounding) {
  const carried = checkCarried(
    grounding.floor,
    (item) => CARRIERS[item.kind].flatMap((key) => itemsOf(draft, key)).some((i) => cites(i).includes(item.id)),
    (item) =>
      `${item.id} (“${shortText(item.text, 50)}”) is not carried by the draft's ${CARRIERS[item.kind].join(' or ')}`,
  );
  const roadmapCites = new Set(draft.roadmap.flatMap(cites));
  const onRoadmap = checkCarried(
    grounding.floor.filter((f) => f.kind === 'feature'),
    (item) => roadmapCites.has(item.id),
    (item) => `${item.id} (“${shortText(item.text, 50)}”) has no roadmap item`,
  );
  const findings = [...carried.findings, ...onRoadmap.findings];
  if (draft.roadmap.length === 0) findings.push({ kind: 'no-requirements', message: 'the draft has no roadmap items' });
  return { findings, figures: carried.figures };
}

/** Features, roadmap items and differentiators citing nothing: proposals. */
function proposalsOf(draft: ProductDraft): ProductCheck['proposed'] {
  const unsourced = (list: readonly Sourced[]) =>
    list.flatMap((i, n) => (cites(i).length === 0 && (i.files ?? []).length === 0 ? [n] : []));
  return {
    features: unsourced(draft.features),
    roadmap: unsourced(draft.roadmap),
    differentiators: unsourced(draft.differentiators),
  };
}

/**
 * The deterministic check on a model's product plan: every item of the deterministic plan (pitch, user segments,
 * problem, differentiators, key features) is carried in its section, every key feature also by a roadmap item,
 * every reference points at something listed, every cited path exists. Features, roadmap items and differentiators
 * citing nothing are not a failure: they become proposals.
 */
export function checkProductDraft(draft: ProductDraft, grounding: ProductGrounding): ProductCheck {
  const all = sourcedItems(draft);
  const carried = checkPlanCarried(draft, grounding);
  const paths = checkCitedPaths(
    all.flatMap((i) => i.files ?? []),
    grounding.paths,
  );
  const findings = [...badReferences(all, grounding), ...carried.findings, ...paths.findings];
  const proposed = proposalsOf(draft);
  return {
    ok: findings.length === 0,
    findings,
    proposed,
    figures: {
      ...carried.figures,
      answersCarried: 0,
      answersTotal: 0,
      ...paths.figures,
      proposed: proposed.features.length + proposed.roadmap.length + proposed.differentiators.length,
    },
  };
}
