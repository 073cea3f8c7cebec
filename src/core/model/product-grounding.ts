import type { ProductBrief } from '../product/product-brief.js';
import type { StackEntry } from '../product/stack-entry.js';

/** One item of the deterministic product plan, by the id the model cites it with (`F2`, `U1`, `PITCH`). */
export interface FloorProductItem {
  id: string;
  /** What kind of item: where the model's draft must carry it. */
  kind: 'pitch' | 'problem' | 'user' | 'differentiator' | 'feature';
  /** The text as people wrote it (one line). */
  text: string;
}

/** Everything the model drafts mission.md and roadmap.md from; gathered by the phase, plain data. */
export interface ProductGrounding {
  name: string;
  /** The issue's text, line by line. */
  issueLines: string[];
  /** The deterministic plan's items: the floor the model's draft must carry. */
  floor: FloorProductItem[];
  /** The repository's paths (files and folders) on the default branch; cited paths must be among them. */
  paths: string[];
  /** The tech stack detected from the repository's manifests (what tech-stack.md lists). */
  stack: StackEntry[];
}

/** The ids of a brief's items, in the order the prompt lists them. */
export function floorOfBrief(brief: ProductBrief): FloorProductItem[] {
  const one = (text: string) => text.replace(/\s+/g, ' ').trim();
  return [
    ...(brief.pitch.trim() === '' ? [] : [{ id: 'PITCH', kind: 'pitch' as const, text: one(brief.pitch) }]),
    ...brief.users.map((u, i) => ({ id: `U${i + 1}`, kind: 'user' as const, text: one(u) })),
    ...(brief.problem.trim() === '' ? [] : [{ id: 'PROBLEM', kind: 'problem' as const, text: one(brief.problem) }]),
    ...brief.differentiators.map((d, i) => ({ id: `D${i + 1}`, kind: 'differentiator' as const, text: one(d) })),
    ...brief.features.map((f, i) => ({
      id: `F${i + 1}`,
      kind: 'feature' as const,
      text: one(f.description === '' ? f.title : `${f.title}: ${f.description}`),
    })),
  ];
}

export function groundProduct(input: {
  brief: ProductBrief;
  issueBody: string;
  paths: readonly string[];
  stack: readonly StackEntry[];
}): ProductGrounding {
  return {
    name: input.brief.name,
    issueLines: input.issueBody.split('\n'),
    floor: floorOfBrief(input.brief),
    paths: [...input.paths],
    stack: [...input.stack],
  };
}
