import { classifyProductHeading, type ProductSection } from './classify-product-heading.js';

/** A piece of a paragraph: what comes before any label, or what follows `Users:`, `For:`, `Key features:` … */
export interface LabelledSegment {
  /** The label as written, without its colon; `undefined` for text before any label. */
  label?: string;
  section?: ProductSection;
  text: string;
}

/** A label is a few words and a colon, at the start of a line or of a sentence. */
const MAX_LABEL_WORDS = 3;
const LABEL = /^([\p{L}][\p{L}'’ -]{0,40}?):\s*/u;

/** The sentences of one line: split after `.`, `!` or `?` followed by a space. */
function sentences(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length - 1; i += 1) {
    if ('.!?'.includes(line[i] ?? '') && line[i + 1] === ' ') {
      parts.push(line.slice(start, i + 1));
      start = i + 2;
    }
  }
  parts.push(line.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function labelOf(sentence: string): { label: string; section: ProductSection; rest: string } | undefined {
  const match = LABEL.exec(sentence);
  const label = match?.[1]?.trim();
  if (match === null || label === undefined || label.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  const section = classifyProductHeading(label);
  return section === 'other' ? undefined : { label, section, rest: sentence.slice(match[0].length).trim() };
}

/**
 * A paragraph's text (its lines as written) read for labels that start a line or a sentence: "Shop is a storefront
 * for bakeries. Users: bakery owners. Key features: ordering, pickup slots" gives the pitch, then a Users segment,
 * then a Key features segment. Labels that name no section of a product description ("Note:") stay text. `[]`
 * when the paragraph has no label at all (read as before: one paragraph).
 */
export function splitLabelledLines(lines: readonly string[]): LabelledSegment[] {
  const segments: LabelledSegment[] = [];
  let labelled = false;
  for (const line of lines) {
    for (const sentence of sentences(line.trim())) {
      const found = labelOf(sentence);
      const last = segments[segments.length - 1];
      if (found !== undefined) {
        labelled = true;
        segments.push({ label: found.label, section: found.section, text: found.rest });
      } else if (last !== undefined) {
        last.text = last.text === '' ? sentence : `${last.text} ${sentence}`;
      } else {
        segments.push({ text: sentence });
      }
    }
  }
  return labelled ? segments : [];
}

/**
 * The items of a list written inline ("online ordering, pickup slots and a loyalty card."): split on commas and
 * semicolons (and a last "and" where there are commas), the end's full stop dropped. One item when it reads as a
 * sentence rather than a list (an item over eight words, or a colon inside).
 */
export function splitInlineList(text: string, splitOnAnd: boolean): string[] {
  const trimmed = text.trim().replace(/[.;]+$/, '');
  if (trimmed.includes(':')) return [trimmed];
  const parts = trimmed.split(/\s*[,;]\s*/);
  const last = parts.pop() ?? '';
  if (splitOnAnd && parts.length > 0) {
    const stripped = last.replace(/^and\s+/i, '');
    const at = stripped.lastIndexOf(' and ');
    parts.push(...(at > 0 ? [stripped.slice(0, at), stripped.slice(at + ' and '.length)] : [stripped]));
  } else {
    parts.push(last);
  }
  const items = parts.map((p) => p.trim()).filter((p) => p !== '');
  return items.length > 1 && items.every((item) => item.split(/\s+/).length <= 8) ? items : [trimmed];
}
