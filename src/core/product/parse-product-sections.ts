import type { List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isPseudoHeading } from '../markdown/is-pseudo-heading.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { oneLine, sliceOf } from '../markdown/source-slice.js';
import { classifyProductHeading, type ProductSection } from './classify-product-heading.js';
import { splitInlineList, splitLabelledLines } from './split-labelled-lines.js';

/** A list item (or a line of a paragraph read as one): its inline nodes, positioned in `source`. */
export interface ListedEntry {
  source: string;
  nodes: PhrasingContent[];
  /** The text as written, on one line. */
  text: string;
  /** Its sub-items' texts, on one line each. */
  subItems: string[];
}

export interface ProductSectionRead {
  /** `preamble` for what comes before the first heading. */
  section: ProductSection | 'preamble';
  heading: string | undefined;
  /** Paragraphs outside lists, as written, on one line each. */
  paragraphs: string[];
  /** Each paragraph's lines, as entries (for text typed one item a line, as in issue forms). */
  lines: ListedEntry[];
  items: ListedEntry[];
}

/** What issue forms write in an optional field left empty. */
const EMPTY_FIELD = /^_?no response_?$/i;
/** A lead-in such as "Key features:" is a few words. */
const MAX_LEAD_IN_WORDS = 6;

/** "Key features:" right before a list: names the section the list belongs to. */
function leadInSection(node: Paragraph, next: RootContent | undefined): ProductSection | undefined {
  const text = toString(node).trim();
  if (next?.type !== 'list' || !text.endsWith(':') || text.split(/\s+/).length > MAX_LEAD_IN_WORDS) return undefined;
  const section = classifyProductHeading(text);
  return section === 'other' ? undefined : section;
}

function entryOf(source: string, paragraph: Paragraph, subItems: string[]): ListedEntry {
  return { source, nodes: paragraph.children, text: oneLine(sliceOf(source, paragraph)), subItems };
}

/** The texts of a list's items and their sub-items, depth first, on one line each. */
function subItemTexts(source: string, list: List): string[] {
  return list.children.flatMap((item) => {
    const [first, ...rest] = item.children;
    const own = first?.type === 'paragraph' ? [oneLine(sliceOf(source, first))] : [];
    return [...own, ...rest.flatMap((child) => (child.type === 'list' ? subItemTexts(source, child) : []))].filter(
      (t) => t !== '',
    );
  });
}

function listEntries(source: string, list: List): ListedEntry[] {
  return list.children.flatMap((item) => {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph') return [];
    const subItems = rest.flatMap((child) => (child.type === 'list' ? subItemTexts(source, child) : []));
    const entry = entryOf(source, first, subItems);
    return entry.text === '' ? [] : [entry];
  });
}

/** A line that starts in lowercase (or with punctuation) goes on with the line before: the text was wrapped. */
function continuesLine(line: string): boolean {
  return !/^[\p{Lu}\p{N}*_`[~"'“<!]/u.test(line);
}

/**
 * Each line of a paragraph, read on its own (its inline markdown parsed), as an entry: text typed one item a line,
 * as in issue forms. A line that starts in lowercase goes on with the line before (hard-wrapped prose).
 */
export function paragraphLines(source: string, paragraph: Paragraph, quoted = false): ListedEntry[] {
  const lines: string[] = [];
  for (const [index, raw] of sliceOf(source, paragraph).split('\n').entries()) {
    // The `>` that continue a quote are the quote's, not the line's.
    const line = (quoted && index > 0 ? raw.replace(/^[\s>]*/, '') : raw).trim();
    if (line === '') continue;
    const previous = lines.length - 1;
    if (previous >= 0 && continuesLine(line)) lines[previous] = `${lines[previous] ?? ''} ${line}`;
    else lines.push(line);
  }
  return lines.flatMap((line) => {
    const [node] = parseMarkdown(line).children;
    return node?.type === 'paragraph' ? [entryOf(line, node, [])] : [];
  });
}

/**
 * A product description read into sections: by headings, by bold lead-ins (`**Users:**`), and by short lead-ins
 * ending with a colon right before a list ("Key features:"). Quotes count as their content; code, HTML (comments
 * included), tables and images do not count.
 */
export function parseProductSections(markdown: string): ProductSectionRead[] {
  const source = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sections: ProductSectionRead[] = [];
  let current: ProductSectionRead = { section: 'preamble', heading: undefined, paragraphs: [], lines: [], items: [] };
  const start = (heading: string): void => {
    if (current.heading !== undefined || current.paragraphs.length > 0 || current.items.length > 0)
      sections.push(current);
    const text = oneLine(heading).replace(/:\s*$/, '');
    current = { section: classifyProductHeading(text), heading: text, paragraphs: [], lines: [], items: [] };
  };
  const visit = (nodes: readonly RootContent[], quoted: boolean): void => {
    for (const [index, node] of nodes.entries()) {
      if (node.type === 'heading') {
        start(toString(node));
      } else if (isPseudoHeading(node)) {
        start(toString(node));
      } else if (node.type === 'paragraph') {
        const lead = leadInSection(node, nodes[index + 1]);
        const text = oneLine(sliceOf(source, node));
        const labelled = lead === undefined && !quoted ? splitLabelledLines(sliceOf(source, node).split('\n')) : [];
        if (lead !== undefined) start(toString(node));
        else if (labelled.length > 0) {
          for (const segment of labelled) {
            if (segment.label !== undefined) start(segment.label);
            if (segment.text === '') continue;
            current.paragraphs.push(segment.text);
            current.lines.push(...inlineEntries(segment.text, segment.section));
          }
        } else if (text !== '' && !EMPTY_FIELD.test(text) && !isOnlyMedia(node)) {
          current.paragraphs.push(text);
          current.lines.push(...paragraphLines(source, node, quoted));
        }
      } else if (node.type === 'list') {
        current.items.push(...listEntries(source, node));
      } else if (node.type === 'blockquote') {
        visit(node.children, true);
      }
    }
  };
  visit(parseMarkdown(source).children, false);
  if (current.heading !== undefined || current.paragraphs.length > 0 || current.items.length > 0)
    sections.push(current);
  return sections;
}

/** A labelled segment's text as entries: a list written inline (`a, b and c`) for features, users and differentiators. */
function inlineEntries(text: string, section: ProductSection | undefined): ListedEntry[] {
  const listed = section === 'features' || section === 'users' || section === 'differentiators';
  const items = listed ? splitInlineList(text, section === 'features') : [text];
  return items.flatMap((item) => {
    const line = section === 'features' ? item.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : item;
    const [node] = parseMarkdown(line).children;
    return node?.type === 'paragraph' ? [entryOf(line, node, [])] : [];
  });
}

/** A paragraph of images (and the spaces between them) only. */
function isOnlyMedia(node: Paragraph): boolean {
  return node.children.every(
    (child: Nodes) =>
      child.type === 'image' ||
      child.type === 'imageReference' ||
      (child.type === 'text' && child.value.trim() === '') ||
      child.type === 'break',
  );
}

/**
 * The entries of some markdown (an answer, a section): its list items when it has any, otherwise each line of its
 * paragraphs. Nothing in code or HTML comments counts.
 */
export function listedEntries(markdown: string): ListedEntry[] {
  const sections = parseProductSections(markdown);
  const items = sections.flatMap((s) => s.items);
  return items.length > 0 ? items : sections.flatMap((s) => s.lines);
}
