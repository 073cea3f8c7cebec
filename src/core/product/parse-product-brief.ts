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
      .replace(
        /^\/?(plan[- ]?product|product[- ](plan|brief|description|idea|vision|mission|spec)|product|prd|mission|plan)\b\s*[:\-–—|]?\s*/i,
        '',
      )
      .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
      .trim();
    if (next === name) return name;
    name = next;
  }
}

/** What a title names when it names no product: "the product", "our app", "a new project". */
const GENERIC_NAME =
  /^((the|our|a|an|my|this|new)\s+)*(product|app|application|project|idea|service|platform|tool|startup|business)?$/i;
/** Words that start a sentence without naming anything. */
const NOT_A_NAME = /^(a|an|the|it|we|our|this|that|there|you|they|i|my|here)$/i;
/** Verbs that follow a product's name in a first sentence: "Shop is…", "Tandem helps…". */
const NAMING_VERB = /^(is|are|was|will|helps|lets|makes|gives|turns|connects|brings|puts|keeps|finds|shows|tracks)$/i;

/**
 * The name a description's first sentence gives its subject: "Shop is a storefront…" names Shop; up to four
 * capitalised words before a verb such as is/helps/lets. `undefined` when it names nothing ("We need a plan…").
 */
export function nameFromFirstSentence(pitch: string): string | undefined {
  const words = plainText(pitch).trim().split(/\s+/);
  const name: string[] = [];
  for (const word of words.slice(0, 5)) {
    if (NAMING_VERB.test(word)) break;
    if (!/^[\p{Lu}\p{N}]/u.test(word)) return undefined;
    name.push(word);
  }
  const [first] = name;
  if (name.length === 0 || name.length > 4 || first === undefined || (name.length === 1 && NOT_A_NAME.test(first)))
    return undefined;
  if (!NAMING_VERB.test(words[name.length] ?? '')) return undefined;
  return name.join(' ').replace(/[,:;]$/, '');
}

function ofSection(
  sections: readonly ProductSectionRead[],
  section: ProductSection | 'preamble',
): ProductSectionRead[] {
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
export function parseProductBrief(title: string, body: string | null | undefined): ProductBrief {
  const sections = parseProductSections(body ?? '');
  const preamble = ofSection(sections, 'preamble');
  const named = ofSection(sections, 'name').flatMap((s) => [...s.paragraphs, ...s.items.map((i) => i.text)])[0];
  const pitchSections = ofSection(sections, 'pitch');
  const pitch =
    pitchSections.length > 0
      ? prose(pitchSections)
      : (preamble.flatMap((s) => s.paragraphs).find((p) => !isLeadIn(p)) ?? '');
  const fromTitle = productNameOf(plainText(title) || title);
  const fromPitch = nameFromFirstSentence(pitch);
  // A title that names no product ("Plan the product") gives way to the description's first sentence ("Shop is…").
  const titleNames =
    fromTitle !== '' &&
    !GENERIC_NAME.test(fromTitle) &&
    !(fromPitch !== undefined && fromTitle.toLowerCase().includes(fromPitch.toLowerCase()));
  const name =
    (named === undefined ? '' : plainText(named)) ||
    (titleNames ? fromTitle : (fromPitch ?? fromTitle)) ||
    UNNAMED_PRODUCT;
  const users = addLines(
    [],
    entries(ofSection(sections, 'users')).map((entry) => lineOf(entry)),
  );
  const problem = prose(ofSection(sections, 'problem'));

  const featureSections = ofSection(sections, 'features');
  const featureEntries = featureSections.length > 0 ? entries(featureSections) : preamble.flatMap((s) => s.items);
  const features = addFeatures(
    [],
    featureEntries.map((entry) => featureOf(entry)),
  );

  return {
    name,
    pitch,
    users,
    // Said who it is for but not the problem: the description of what it does for them is the problem as given.
    problem: problem !== '' || users.length === 0 || pitchSections.length > 0 ? problem : pitch,
    differentiators: addLines(
      [],
      entries(ofSection(sections, 'differentiators')).map((entry) => lineOf(entry)),
    ),
    features: features.filter((f) => f.title !== ''),
  };
}
