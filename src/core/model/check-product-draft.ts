import { normalisePath, type DraftFigures, type GuardFinding } from './check-spec-draft.js';
import type { ProductDraft } from './product-draft-schema.js';
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

/**
 * The deterministic check on a model's product plan: every item of the deterministic plan (pitch, user segments,
 * problem, differentiators, key features) is carried in its section, every key feature also by a roadmap item,
 * every reference points at something listed, every cited path exists. Features, roadmap items and differentiators
 * citing nothing are not a failure: they become proposals.
 */
export function checkProductDraft(draft: ProductDraft, grounding: ProductGrounding): ProductCheck {
  const findings: GuardFinding[] = [];
  const ids = new Set(grounding.floor.map((f) => f.id));
  const all: Sourced[] = [
    draft.pitch,
    draft.problem,
    ...draft.customers,
    ...draft.personas,
    ...draft.differentiators,
    ...draft.features,
    ...draft.roadmap,
  ];

  const bad = new Set<string>();
  for (const item of all) {
    for (const id of cites(item)) {
      const line = /^L(\d+)$/.exec(id);
      if (line !== null ? Number(line[1]) < 1 || Number(line[1]) > grounding.issueLines.length : !ids.has(id))
        bad.add(id);
    }
  }
  if (bad.size > 0)
    findings.push({
      kind: 'bad-reference',
      message: `cites ${[...bad].join(', ')}, which do not exist in what it was given`,
    });

  let carried = 0;
  for (const item of grounding.floor) {
    const by = CARRIERS[item.kind].flatMap((key) => itemsOf(draft, key)).some((i) => cites(i).includes(item.id));
    if (by) carried += 1;
    else
      findings.push({
        kind: 'dropped-requirement',
        message: `${item.id} (“${short(item.text)}”) is not carried by the draft's ${CARRIERS[item.kind].join(' or ')}`,
      });
  }
  const roadmapCites = new Set(draft.roadmap.flatMap(cites));
  for (const item of grounding.floor.filter((f) => f.kind === 'feature')) {
    if (!roadmapCites.has(item.id))
      findings.push({ kind: 'dropped-requirement', message: `${item.id} (“${short(item.text)}”) has no roadmap item` });
  }
  if (draft.roadmap.length === 0) findings.push({ kind: 'no-requirements', message: 'the draft has no roadmap items' });

  const known = new Set(grounding.paths.map(normalisePath));
  const cited = [...new Set(all.flatMap((i) => i.files ?? []).map(normalisePath))];
  const missing = cited.filter((p) => !known.has(p));
  for (const path of missing)
    findings.push({ kind: 'unknown-path', message: `\`${path}\` does not exist in the repository` });

  const unsourced = (list: readonly Sourced[]) =>
    list.flatMap((i, n) => (cites(i).length === 0 && (i.files ?? []).length === 0 ? [n] : []));
  const proposed = {
    features: unsourced(draft.features),
    roadmap: unsourced(draft.roadmap),
    differentiators: unsourced(draft.differentiators),
  };
  return {
    ok: findings.length === 0,
    findings,
    proposed,
    figures: {
      requirementsCovered: carried,
      requirementsTotal: grounding.floor.length,
      answersCarried: 0,
      answersTotal: 0,
      pathsCited: cited.length,
      pathsExisting: cited.length - missing.length,
      proposed: proposed.features.length + proposed.roadmap.length + proposed.differentiators.length,
    },
  };
}

function short(text: string, max = 50): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(text.slice(0, max).lastIndexOf(' '), max / 2))}…`;
}
