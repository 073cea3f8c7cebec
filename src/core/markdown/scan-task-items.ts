import type { ListItem, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BoxMarker } from '../tasks/types.js';

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
  /** Position in the scan of the nearest enclosing task item, if any. */
  parent?: number;
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

const BOX_MARKERS = new Set<string>([' ', 'x', 'X', '-', '~']);
const EXTENDED_ONLY = new Set<string>(['-', '~']);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
 * the item's paragraph, which must start exactly at the box in the source (so an escaped `\[-]` is no box).
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
  if (first?.type !== 'text' || first.position?.start.offset !== start) return undefined;
  if (!EXTENDED_ONLY.has(marker) && !optional) return undefined;
  // Like GFM's own boxes: a space or tab after the box, then some text.
  const after = source[start + (optional ? 4 : 3)];
  if (after !== ' ' && after !== '\t') return undefined;
  if (first.value.slice(optional ? 4 : 3).trim() === '' && paragraph.children.length === 1) return undefined;
  return { bracketOffset: start, marker: marker as BoxMarker, optional };
}

function splitStruck(paragraph: Paragraph, boxInText: boolean, boxLength: number): { hasStruck: boolean; unstruckText: string } {
  let hasStruck = false;
  const unstruck: string[] = [];
  for (const [i, child] of paragraph.children.entries()) {
    if (child.type === 'delete') {
      hasStruck = true;
    } else {
      const text = toString(child);
      unstruck.push(i === 0 && boxInText ? text.slice(boxLength) : text);
    }
  }
  return { hasStruck, unstruckText: collapse(unstruck.join('')) };
}

function textAfterBox(paragraph: Paragraph, boxInText: boolean, boxLength: number): string {
  const text = collapse(toString(paragraph));
  return boxInText ? collapse(text.slice(boxLength)) : text;
}

/**
 * Walk the tree in document order and return the headings and task items. Code, HTML (comments included)
 * and anything else that is not a list item or heading is never looked into for tasks.
 */
export function scanTaskItems(tree: Root, source: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  const columnAt = columnFinder(source);

  const visit = (node: Nodes, parentTask: number | undefined, insideListItem: boolean, afterHeading: boolean): void => {
    if (node.type === 'heading') {
      items.push({ kind: 'heading', line: lineOf(node), depth: node.depth, text: collapse(toString(node)) });
      return;
    }
    if (node.type === 'listItem') {
      visitListItem(node, parentTask, insideListItem);
      return;
    }
    if (node.type === 'paragraph' && afterHeading) {
      items.push({ kind: 'lead-paragraph', line: lineOf(node), text: collapse(toString(node)) });
      return;
    }
    if ('children' in node && node.type !== 'paragraph') {
      let previousWasHeading = false;
      for (const child of node.children) {
        visit(child, parentTask, insideListItem, previousWasHeading);
        previousWasHeading = child.type === 'heading';
      }
    }
  };

  const visitListItem = (item: ListItem, parentTask: number | undefined, insideListItem: boolean): void => {
    const paragraph = item.children[0];
    let own = parentTask;
    if (paragraph?.type === 'paragraph') {
      const box = readBox(source, item, paragraph);
      if (box) {
        const boxInText = typeof item.checked !== 'boolean';
        const boxLength = box.optional ? 4 : 3;
        items.push({
          kind: 'task',
          line: lineOf(item),
          column: columnAt(box.bracketOffset),
          markerOffset: box.bracketOffset + 1,
          marker: box.marker,
          optional: box.optional,
          text: textAfterBox(paragraph, boxInText, boxLength),
          ...splitStruck(paragraph, boxInText, boxLength),
          parent: parentTask,
          topLevel: !insideListItem,
        });
        own = items.length - 1;
      }
    }
    for (const child of item.children) visit(child, own, true, false);
  };

  visit(tree, undefined, false, false);
  return items;
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
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
function columnFinder(source: string): (offset: number) => number {
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
