import type { Html, List, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { embedVerbatim } from '../markdown/embed-verbatim.js';
import { isPseudoHeading } from '../markdown/is-pseudo-heading.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { textOf } from '../markdown/plain-text.js';
import { columnOf, oneLine, sliceOfRange } from '../markdown/source-slice.js';
import { classifyHeading, type SectionKind } from './classify-heading.js';
import { proseOfTree } from './prose.js';

/** A list item of an issue (bullet, numbered or task), its own first paragraph as written. */
export interface IssueItem {
  /** The item's first paragraph as written (inline markdown kept), on one line, without marker or box. */
  text: string;
  /** What a reader sees of `text` (no markup), read from the issue's own tree: no second parse per item. */
  plain: string;
  /** 0 for a top-level item, 1 for a sub-item, … */
  depth: number;
  /** `true`/`false` for a GitHub task-list item, `null` for a plain one. */
  checked: boolean | null;
  line: number;
}

export interface IssueSection {
  /** The heading's text; `undefined` for what comes before the first heading. */
  heading: string | undefined;
  kind: SectionKind;
  items: IssueItem[];
  /** Paragraphs outside lists, as written, on one line each (empty issue-form fields left out). */
  paragraphs: string[];
  /** What a reader sees of each of `paragraphs` (same order), read from the issue's own tree: no second parse. */
  paragraphsPlain: string[];
  /** Tables and code blocks, as written. */
  blocks: string[];
  line: number;
}

export interface IssueImage {
  url: string;
  alt: string;
}

export interface IssueLink {
  url: string;
  text: string;
}

/** An issue read for shaping: its sections, items, images and links. Nothing in code or HTML comments counts. */
export interface ParsedIssue {
  title: string;
  /** The body with line endings normalised to LF (otherwise as written). */
  body: string;
  /** The body made safe to place in a document we write (`embedVerbatim`), read from the same tree. */
  verbatim: string;
  /** The words a reader reads in the body (`proseOf`), read from the same tree. */
  prose: string;
  sections: IssueSection[];
  images: IssueImage[];
  links: IssueLink[];
}

/** What issue forms write in an optional field left empty. */
const EMPTY_FIELD = /^_?no response_?$/i;

/**
 * `**Describe the solution you'd like**` with the answer on the next line of the same paragraph (issue templates
 * written by hand): the bold line is a heading, what follows is the section's first paragraph.
 */
function leadLine(source: string, node: RootContent): { heading: string; rest: string; plain: string } | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [first, second] = node.children;
  if (first?.type !== 'strong' || second?.type !== 'text' || !/^[ \t]*\n/.test(second.value)) return undefined;
  const end = first.position?.end.offset;
  const stop = node.position?.end.offset;
  if (end === undefined || stop === undefined) return undefined;
  const plain = oneLine(
    node.children
      .slice(1)
      .map((c) => textOf(c))
      .join('')
      .trim(),
  );
  return { heading: toString(first), rest: oneLine(source.slice(end, stop)), plain };
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** `[ ] `, `[-] `, `[~] ` at the start of a plain item's text (GFM leaves the extended boxes in the text). */
function withoutBox(text: string): string {
  return text.replace(/^\[[ xX~-]\]\*?\s+/, '');
}

function collectItems(source: string, list: List, depth: number, into: IssueItem[]): void {
  for (const item of list.children) {
    const [first] = item.children;
    if (first?.type === 'paragraph') {
      const text = oneLine(withoutBox(sliceOfRange(source, [first])));
      const plain = oneLine(withoutBox(textOf(first).trim()));
      if (text !== '') into.push({ text, plain, depth, checked: item.checked ?? null, line: lineOf(item) });
    }
    for (const child of item.children) collectBlock(source, child, depth + 1, into);
  }
}

/** Where a section's paragraphs and blocks go; none inside list items (their text belongs to the item). */
type SectionSink = Pick<IssueSection, 'paragraphs' | 'paragraphsPlain' | 'blocks'>;

function collectBlock(source: string, node: Nodes, depth: number, items: IssueItem[], section?: SectionSink): void {
  if ((node.type === 'table' || node.type === 'code') && section) {
    section.blocks.push(sliceOfRange(source, [node]));
  } else if (node.type === 'list') {
    collectItems(source, node, depth, items);
  } else if (node.type === 'paragraph') {
    const text = oneLine(sliceOfRange(source, [node]));
    if (section && text !== '' && !EMPTY_FIELD.test(text)) {
      section.paragraphs.push(text);
      section.paragraphsPlain.push(oneLine(textOf(node).trim()));
    }
  } else if (node.type === 'blockquote') {
    for (const child of node.children) collectBlock(source, child, depth, items, section);
  }
  // Code, HTML (comments included), tables, thematic breaks: not requirements.
}

const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;
const IMG_ALT = /\balt\s*=\s*["']([^"']*)["']/i;

/** Images (markdown and `<img>` tags, not in comments) and links, in document order. */
function collectMedia(tree: Root): { images: IssueImage[]; links: IssueLink[] } {
  const images: IssueImage[] = [];
  const links: IssueLink[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'image') images.push({ url: node.url, alt: node.alt ?? '' });
    else if (node.type === 'link') links.push({ url: node.url, text: toString(node) });
    else if (node.type === 'html') collectImgTags(node, images);
  });
  return { images, links };
}

function collectImgTags(node: Html, images: IssueImage[]): void {
  if (node.value.trimStart().startsWith('<!--')) return;
  for (const match of node.value.matchAll(IMG_SRC)) {
    const url = match[1];
    if (url !== undefined) images.push({ url, alt: IMG_ALT.exec(match[0])?.[1] ?? '' });
  }
}

/** An issue's text already parsed: the tree, the text its positions point into, and the body itself. */
export interface ParsedBody {
  /** The body (LF line endings). */
  body: string;
  tree: Root;
  /** The text the tree's positions point into: the body, or a document that holds it (requirements.md). */
  source: string;
  /** The body made safe to embed (`embedVerbatim`); by default read from the tree when `source` is the body. */
  verbatim?: string;
}

function hasContent(section: IssueSection): boolean {
  return (
    section.heading !== undefined ||
    section.items.length > 0 ||
    section.paragraphs.length > 0 ||
    section.blocks.length > 0
  );
}

/** The sections of an issue's tree: by headings, bold lead-ins, and what comes before the first of them. */
function sectionsOf(source: string, tree: Root): IssueSection[] {
  const sections: IssueSection[] = [];
  const empty = (): SectionSink & Pick<IssueSection, 'items'> => ({
    items: [],
    paragraphs: [],
    paragraphsPlain: [],
    blocks: [],
  });
  let current: IssueSection = { heading: undefined, kind: 'preamble', ...empty(), line: 1 };
  const start = (heading: string, node: Nodes): void => {
    if (hasContent(current)) sections.push(current);
    const text = oneLine(heading).replace(/:\s*$/, '');
    current = { heading: text, kind: classifyHeading(text), ...empty(), line: lineOf(node) };
  };
  for (const node of tree.children) {
    const lead = node.type === 'heading' || isPseudoHeading(node) ? undefined : leadLine(source, node);
    if (node.type === 'heading' || isPseudoHeading(node)) start(toString(node), node);
    else if (lead) {
      start(lead.heading, node);
      if (lead.rest !== '' && !EMPTY_FIELD.test(lead.rest)) {
        current.paragraphs.push(lead.rest);
        current.paragraphsPlain.push(lead.plain);
      }
    } else collectBlock(source, node, 0, current.items, current);
  }
  if (hasContent(current)) sections.push(current);
  return sections;
}

/**
 * An issue read from its tree, parsed once by the caller: nothing here parses again. Lines are those of `source`.
 */
export function issueFromTree(title: string, parsed: ParsedBody): ParsedIssue {
  const { body, tree, source } = parsed;
  return {
    title: title.trim(),
    body,
    verbatim: parsed.verbatim ?? embedVerbatim(body, source === body ? tree : undefined),
    prose: proseOfTree(tree),
    sections: sectionsOf(source, tree),
    ...collectMedia(tree),
  };
}

/**
 * Read an issue's markdown into sections (by headings, or bold lead-ins like `**Requirements:**`), each with
 * its list items and paragraphs, plus every image and link. Total: any text gives a result. Parsed once.
 */
export function parseIssue(title: string, body: string | null | undefined): ParsedIssue {
  const source = (body ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return issueFromTree(title, { body: source, tree: parseMarkdown(source), source });
}

/** Every item of the sections of the given kinds, in document order. */
export function itemsOfKind(issue: ParsedIssue, kinds: readonly SectionKind[]): IssueItem[] {
  return issue.sections.filter((s) => kinds.includes(s.kind)).flatMap((s) => s.items);
}

/** Whether the issue has a section of this kind with anything in it. */
export function hasSection(issue: ParsedIssue, kind: SectionKind): boolean {
  return issue.sections.some(
    (s) => s.kind === kind && (s.items.length > 0 || s.paragraphs.length > 0 || s.blocks.length > 0),
  );
}

/** The column a list item's content starts at (for dedenting its continuation lines). */
export function contentColumn(source: string, offset: number): number {
  return columnOf(source, offset);
}
