import { plainText } from '../markdown/plain-text.js';
import type { ProductFeature } from './product-brief.js';
import type { ListedEntry } from './parse-product-sections.js';
import { splitFeature } from './split-feature.js';

/** How two titles or segments are compared for duplicates: their plain words, lowercase. */
export function entryKey(text: string): string {
  return plainText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An entry as a feature: `Title — description`, its sub-items added to the description. */
export function featureOf(entry: ListedEntry): ProductFeature {
  const feature = splitFeature(entry.source, entry.nodes);
  if (entry.subItems.length === 0) return feature;
  const more = entry.subItems.join('; ');
  return {
    title: feature.title,
    description: feature.description === '' ? more : `${feature.description.replace(/[.;:]?$/, ';')} ${more}`,
  };
}

/** An entry as a user segment (or a differentiator): its text, its sub-items after a dash. */
export function lineOf(entry: ListedEntry): string {
  return entry.subItems.length === 0 ? entry.text : `${entry.text} — ${entry.subItems.join('; ')}`;
}

/** `into` followed by the features of `more` whose titles it does not have yet. */
export function addFeatures(into: readonly ProductFeature[], more: readonly ProductFeature[]): ProductFeature[] {
  const seen = new Set(into.map((f) => entryKey(f.title)));
  const added: ProductFeature[] = [...into];
  for (const feature of more) {
    const key = entryKey(feature.title);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    added.push(feature);
  }
  return added;
}

/** `into` followed by the lines of `more` it does not have yet. */
export function addLines(into: readonly string[], more: readonly string[]): string[] {
  const seen = new Set(into.map((line) => entryKey(line)));
  const added: string[] = [...into];
  for (const line of more) {
    const key = entryKey(line);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    added.push(line);
  }
  return added;
}
