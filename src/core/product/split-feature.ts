import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { oneLine } from '../markdown/source-slice.js';
import type { ProductFeature } from './product-brief.js';

/** Between a feature's title and its description: dashes with spaces around them, or a colon. */
const SEPARATORS = [' — ', ' – ', ' - ', '—', ': '] as const;
/** A title is a few words; a colon further into a sentence does not end one. */
const MAX_TITLE_WORDS = 8;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** The first separator in a text, if any. */
function firstSeparator(text: string): { at: number; separator: string } | undefined {
  let best: { at: number; separator: string } | undefined;
  for (const separator of SEPARATORS) {
    const at = text.indexOf(separator);
    if (at !== -1 && (best === undefined || at < best.at)) best = { at, separator };
  }
  return best;
}

/** A title on one line, without a trailing colon or a leading box that GFM leaves in the text (`[-]`, `[~]`). */
function clean(title: string): string {
  return oneLine(title)
    .replace(/^\[[ xX~-]\]\s+/, '')
    .replace(/[:\s]+$/, '')
    .trim();
}

/**
 * A list item's text (its paragraph's inline nodes, parsed from `source`) as a feature: `**Title** — description`,
 * `**Title:** description`, `Title: description`, `Title — description` or `Title - description`. The title is
 * plain text; the description is the markdown as written, on one line. Without a separator (or with a colon deep
 * into a sentence) the whole text is the title.
 */
export function splitFeature(source: string, nodes: readonly PhrasingContent[]): ProductFeature {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const end = last?.position?.end.offset;
  if (first === undefined || end === undefined) return { title: '', description: '' };
  const rest = (from: number): string =>
    oneLine(source.slice(from, end))
      .replace(/^[\s:—–-]+/, '')
      .trim();

  if (first.type === 'strong') {
    const after = first.position?.end.offset ?? end;
    return { title: clean(toString(first)), description: rest(after) };
  }
  for (const [index, node] of nodes.entries()) {
    if (node.type !== 'text') continue;
    const found = firstSeparator(node.value);
    if (found === undefined) continue;
    const title =
      nodes
        .slice(0, index)
        .map((n) => toString(n))
        .join('') + node.value.slice(0, found.at);
    if (words(title) > MAX_TITLE_WORDS || clean(title) === '') break;
    const start = node.position?.start.offset ?? end;
    const nodeEnd = node.position?.end.offset ?? end;
    const inSource = source.slice(start, nodeEnd).indexOf(found.separator);
    // Escapes make the source differ from the text: then the description is read from the text.
    const description =
      inSource === -1
        ? oneLine(
            node.value.slice(found.at + found.separator.length) +
              nodes
                .slice(index + 1)
                .map((n) => toString(n))
                .join(''),
          )
        : rest(start + inSource + found.separator.length);
    return { title: clean(title), description };
  }
  return { title: clean(nodes.map((n) => toString(n)).join('')), description: '' };
}
