import type { ListItem, Nodes, Paragraph, Root } from 'mdast';
import type { BoxMarker } from '../tasks/types.js';
import { lineFinder, nodeText } from './node-text.js';

/** A list item that carries a task box, as found in the syntax tree. */
export interface TaskItem {
  kind: 'task';
  line: number;
  column: number;
  /** 0-based offset of the marker character between the brackets. */
  markerOffset: number;
  marker: BoxMarker;
  optional: boolean;
  /** Text after the box (and optional star), whitespace collapsed. */
  text: string;
  /** Some of the text after the box is struck through (`~~…~~`). */
  hasStruck: boolean;
  /** The text after the box that is not struck through, whitespace collapsed. */
  unstruckText: string;
  /** The text after the box without its inline code, whitespace collapsed. */
  proseText: string;
  /**
   * When some text is struck through: the text before the first struck piece (`leading`: an ID, tags), the struck
   * run (`struck`) and what follows it (`rest`: a reason such as `→ carried over` or `DEFERRED: …`).
   */
  struckFirst?: { leading: string; struck: string; rest: string } | undefined;
  /** Position in the scan of the nearest enclosing task item, if any. */
  parent?: number | undefined;
  /** Whether the item sits in a list at the top level of the document (not inside another list item). */
  topLevel: boolean;
}

export interface HeadingItem {
  kind: 'heading';
  line: number;
  depth: number;
  text: string;
}

/** A paragraph that directly follows a heading (before any other block): Agent OS puts `**Dependencies:**` there. */
export interface LeadParagraphItem {
  kind: 'lead-paragraph';
  line: number;
  text: string;
}

export type ScannedItem = TaskItem | HeadingItem | LeadParagraphItem;

export const BOX_MARKERS = new Set<string>([' ', 'x', 'X', '-', '~']);
export const EXTENDED_ONLY = new Set<string>(['-', '~']);

/** A character `\s` may match other than a single space (anything but NUL and printable ASCII), or two spaces. */
const MAY_COLLAPSE = /[^\0 -~]| {2}/;

export function collapse(text: string): string {
  // Most texts hold single ASCII spaces only: trimming them is enough, without a regular expression's copy. (One
  // regular expression test: a text joined from pieces is read once, not character by character.)
  return MAY_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Where the list item's content starts: after the bullet (`-`, `*`, `+`, `1.`, `1)`) and its spacing. */
function contentStart(source: string, item: ListItem): number | undefined {
  let at = item.position?.start.offset;
  if (at === undefined) return undefined;
  if (/[-*+]/.test(source[at] ?? '')) {
    at += 1;
  } else {
    while (/[0-9]/.test(source[at] ?? '')) at += 1;
    if (!/[.)]/.test(source[at] ?? '')) return undefined;
    at += 1;
  }
  while (source[at] === ' ' || source[at] === '\t') at += 1;
  return at;
}

interface Box {
  bracketOffset: number;
  marker: BoxMarker;
  optional: boolean;
}

/**
 * Read the box of a list item. GFM recognises `[ ]`/`[x]`/`[X]` followed by a space (`item.checked` is a
 * boolean); the extended markers `[-]`, `[~]` and the optional form `[ ]*` reach the tree as the first text of
 * the item's paragraph, which must start exactly at the box in the source (so an escaped `\[-]` is no box). The
 * paragraph's own position says where it starts: its first text may have none, when GFM's literal autolinks
 * (`[-] ?www.example.com`) split it into new nodes after parsing.
 */
function readBox(source: string, item: ListItem, paragraph: Paragraph): Box | undefined {
  const start = contentStart(source, item);
  if (start === undefined || source[start] !== '[' || source[start + 2] !== ']') return undefined;
  const marker = source[start + 1] ?? '';
  if (!BOX_MARKERS.has(marker)) return undefined;
  const optional = source[start + 3] === '*';
  if (typeof item.checked === 'boolean') {
    return { bracketOffset: start, marker: marker as BoxMarker, optional: false };
  }
  const first = paragraph.children[0];
  if (first?.type !== 'text' || paragraph.position?.start.offset !== start) return undefined;
  if (!EXTENDED_ONLY.has(marker) && !optional) return undefined;
  // Like GFM's own boxes: a space or tab after the box, then some text.
  const after = source[start + (optional ? 4 : 3)];
  if (after !== ' ' && after !== '\t') return undefined;
  if (first.value.slice(optional ? 4 : 3).trim() === '' && paragraph.children.length === 1) return undefined;
  return { bracketOffset: start, marker: marker as BoxMarker, optional };
}

/** A piece of a task's text after its box: struck through (`~~…~~`) or not. */
export interface Segment {
  text: string;
  struck: boolean;
  /** Inline code (`` `{{VERSION}}` ``): text the author quotes rather than writes. */
  code?: true;
}

/**
 * The task's text after its box, in pieces struck through or not. The box is never part of the text: a `~` in a
 * `[~]` marker can pair with a later `~` as GFM strikethrough, and that strikethrough strikes nothing (its text
 * and its closing `~` are read as plain text), so open work is never hidden by a tilde. The box's characters are
 * counted off the paragraph's first texts (`boxLength`, 0 when GFM took the box out of the text), not found by
 * position: texts split by GFM's literal autolinks have none.
 */
function segmentsAfterBox(paragraph: Paragraph, boxLength: number): Segment[] {
  const segments: Segment[] = [];
  /** Characters of the box not yet left out. */
  let inBox = boxLength;
  /** Nodes still to read, in order; `struck` when inside a strikethrough that counts. */
  const pending: Array<{ node: Nodes; struck: boolean } | { closing: string }> = paragraph.children
    .map((node) => ({ node: node, struck: false }))
    .reverse();
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    if ('closing' in entry) {
      segments.push({ text: entry.closing, struck: false });
      continue;
    }
    const { node, struck } = entry;
    if (inBox > 0 && node.type === 'text') {
      const left = Math.min(inBox, node.value.length);
      inBox -= left;
      segments.push({ text: node.value.slice(left), struck });
    } else if (inBox > 0 && node.type === 'delete') {
      // Opened by the marker's `~`: not a strikethrough. Its closing `~` is text again.
      inBox -= 1;
      pending.push({ closing: '~' });
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child) pending.push({ node: child, struck });
      }
    } else if (node.type === 'delete') {
      segments.push({ text: nodeText(node), struck: true });
    } else if (inBox === 0) {
      segments.push({ text: nodeText(node), struck, ...(node.type === 'inlineCode' ? { code: true as const } : {}) });
    }
  }
  return segments;
}

interface Frame {
  node: Nodes;
  parentTask: number | undefined;
  insideListItem: boolean;
  afterHeading: boolean;
}

/** Push `children` on the walk's stack, last first (so they are walked in order). */
function pushChildren(
  stack: Frame[],
  children: readonly Nodes[],
  parentTask: number | undefined,
  insideListItem: boolean,
  headingAware: boolean,
): void {
  for (let i = children.length - 1; i >= 0; i -= 1) {
    const child = children[i];
    if (child)
      stack.push({
        node: child,
        parentTask,
        insideListItem,
        afterHeading: headingAware && children[i - 1]?.type === 'heading',
      });
  }
}

/**
 * Walk the tree in document order and return the headings and task items. Code, HTML (comments included)
 * and anything else that is not a list item or heading is never looked into for tasks. The walk keeps its own
 * stack, so no nesting depth can overflow the call stack. Lines are counted as git counts them (by `\n`).
 */
export function scanTaskItems(tree: Root, source: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  const columnAt = columnFinder(source);
  const lineAt = lineFinder(source);
  const lineOf = (node: Nodes): number => {
    const offset = node.position?.start.offset;
    return offset === undefined ? (node.position?.start.line ?? 1) : lineAt(offset);
  };
  const stack: Frame[] = [{ node: tree, parentTask: undefined, insideListItem: false, afterHeading: false }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { node, parentTask, insideListItem, afterHeading } = frame;
    if (node.type === 'heading') {
      items.push({ kind: 'heading', line: lineOf(node), depth: node.depth, text: collapse(nodeText(node)) });
    } else if (node.type === 'listItem') {
      const task = taskOf(source, node, columnAt);
      let own = parentTask;
      if (task) {
        items.push({ ...task, line: lineOf(node), parent: parentTask, topLevel: !insideListItem });
        own = items.length - 1;
      }
      pushChildren(stack, node.children, own, true, false);
    } else if (node.type === 'paragraph') {
      if (afterHeading) items.push({ kind: 'lead-paragraph', line: lineOf(node), text: collapse(nodeText(node)) });
    } else if ('children' in node) {
      pushChildren(stack, node.children, parentTask, insideListItem, true);
    }
  }
  return items;
}

/** The task a list item holds when its first paragraph opens with a box (its place in the walk added by the caller). */
function taskOf(
  source: string,
  item: ListItem,
  columnAt: (offset: number) => number,
): Omit<TaskItem, 'line' | 'parent' | 'topLevel'> | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const box = readBox(source, item, paragraph);
  if (!box) return undefined;
  const boxInText = typeof item.checked !== 'boolean';
  const segments = segmentsAfterBox(paragraph, boxInText ? (box.optional ? 4 : 3) : 0);
  const joined = (keep: (segment: Segment) => boolean) =>
    collapse(
      segments
        .filter(keep)
        .map((s) => s.text)
        .join(''),
    );
  return {
    kind: 'task',
    column: columnAt(box.bracketOffset),
    markerOffset: box.bracketOffset + 1,
    marker: box.marker,
    optional: box.optional,
    text: joined(() => true),
    hasStruck: segments.some((s) => s.struck && s.text.trim() !== ''),
    unstruckText: joined((s) => !s.struck),
    proseText: joined((s) => s.code !== true),
    struckFirst: startsStruck(segments),
  };
}

/** The segments as struck text first, then the rest: `~~move the helpers~~ → carried over`. */
export function startsStruck(
  segments: readonly Segment[],
): { struck: string; rest: string; leading: string } | undefined {
  const first = segments.findIndex((s) => s.struck && s.text.trim() !== '');
  if (first === -1) return undefined;
  let last = first;
  while (last + 1 < segments.length && (segments[last + 1]?.struck === true || segments[last + 1]?.text.trim() === ''))
    last += 1;
  const join = (from: number, to: number) =>
    collapse(
      segments
        .slice(from, to)
        .map((s) => s.text)
        .join(''),
    );
  return { leading: join(0, first), struck: join(first, last + 1), rest: join(last + 1, segments.length) };
}

/** 1-based column of an offset: counted from the last `\n` before it. */
function columnAtSlowly(source: string, offset: number): number {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart + 1;
}

/**
 * `columnAtSlowly` for offsets asked in document order, without searching back from each one: that search runs
 * to the start of the file when there is no `\n` (old Mac `\r` line endings), quadratic over many tasks. Walks
 * forward over each `\n` once; an offset out of order falls back to the search.
 */
export function columnFinder(source: string): (offset: number) => number {
  let lastNewline = -1;
  let nextNewline = source.indexOf('\n');
  return (offset) => {
    if (offset <= 0 || offset <= lastNewline) return columnAtSlowly(source, offset);
    while (nextNewline !== -1 && nextNewline < offset) {
      lastNewline = nextNewline;
      nextNewline = source.indexOf('\n', nextNewline + 1);
    }
    return offset - lastNewline;
  };
}
