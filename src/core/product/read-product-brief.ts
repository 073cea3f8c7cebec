import { plainText } from '../markdown/plain-text.js';
import type { ProductSection } from './classify-product-heading.js';
import type { ProductBrief } from './product-brief.js';
import { addFeatures, addLines, featureOf, lineOf } from './product-entries.js';
import { parseProductSections, type ProductSectionRead } from './parse-product-sections.js';

export type { ProductBrief, ProductFeature, ProductQuestion, ProductTopic } from './product-brief.js';
export { MIN_FEATURES, MIN_USERS } from './product-brief.js';
export { missingProductInfo } from './missing-product-info.js';
export { foldProductAnswers } from './fold-product-answers.js';

/** What the name is called when neither the title nor the description gives one. */
export const UNNAMED_PRODUCT = 'Untitled product';

/**
 * An issue title without the words that only say what the issue is for: `Product: Acme`, `[plan-product] Acme`,
 * `/plan-product Acme`, `Plan product: Acme`, `Product brief - Acme` all name Acme.
 */
export function productNameOf(title: string): string {
  let name = title.trim();
  for (;;) {
    const next = name
      .replace(/^\[[^\]]*\]\s*/, '')
      .replace(/^\/?(plan[- ]?product|product[- ](plan|brief|description|idea|vision|mission|spec)|product|prd|mission|plan)\b\s*[:\-–—|]?\s*/i, '')
      .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
      .trim();
    if (next === name) return name;
    name = next;
  }
}

function ofSection(sections: readonly ProductSectionRead[], section: ProductSection | 'preamble'): ProductSectionRead[] {
  return sections.filter((s) => s.section === section);
}

/** The paragraphs of the sections, then their items as a list: markdown, one block per paragraph. */
function prose(sections: readonly ProductSectionRead[]): string {
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  const items = sections.flatMap((s) => s.items).map((item) => `- ${lineOf(item)}`);
  return [...paragraphs, ...(items.length > 0 ? [items.join('\n')] : [])].join('\n\n');
}

/** Items when the sections have any, otherwise each line of their paragraphs. */
function entries(sections: readonly ProductSectionRead[]) {
  const items = sections.flatMap((s) => s.items);
  return items.length > 0 ? items : sections.flatMap((s) => s.lines);
}

/** A paragraph that only introduces what follows ("Features:", "It does three things:"). */
function isLeadIn(paragraph: string): boolean {
  return paragraph.trim().endsWith(':');
}

/**
 * Read the product description of an issue: the title (without `Product:` and the like) is the name, unless a
 * Name section gives one; sections by heading (or bold lead-in) give the pitch (Pitch, Vision, Overview, Summary…),
 * users (Users, Audience, Personas, Customers…), the problem, differentiators (Differentiators, Why us…) and key
 * features (Features, Key features, Capabilities, MVP…: list items, `Title: description` or `**Title** — description`).
 * Without such sections, the first paragraph is the pitch and the list items before any heading are the features.
 * Total: any text gives a brief (possibly with empty parts; see `missingProductInfo`).
 */
export function readProductBrief(title: string, body: string | null | undefined): ProductBrief {
  const sections = parseProductSections(body ?? '');
  const preamble = ofSection(sections, 'preamble');
  const named = ofSection(sections, 'name').flatMap((s) => [...s.paragraphs, ...s.items.map((i) => i.text)])[0];
  const name = (named === undefined ? '' : plainText(named)) || productNameOf(plainText(title) || title) || UNNAMED_PRODUCT;

  const pitchSections = ofSection(sections, 'pitch');
  const pitch = pitchSections.length > 0 ? prose(pitchSections) : (preamble.flatMap((s) => s.paragraphs).find((p) => !isLeadIn(p)) ?? '');

  const featureSections = ofSection(sections, 'features');
  const featureEntries = featureSections.length > 0 ? entries(featureSections) : preamble.flatMap((s) => s.items);
  const features = addFeatures([], featureEntries.map((entry) => featureOf(entry)));

  return {
    name,
    pitch,
    users: addLines([], entries(ofSection(sections, 'users')).map((entry) => lineOf(entry))),
    problem: prose(ofSection(sections, 'problem')),
    differentiators: addLines([], entries(ofSection(sections, 'differentiators')).map((entry) => lineOf(entry))),
    features: features.filter((f) => f.title !== ''),
  };
}
