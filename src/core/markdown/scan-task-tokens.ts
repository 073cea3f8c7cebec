import type Token from 'markdown-it/lib/token.mjs';
import type { BoxMarker } from '../tasks/types.js';
import { unclosedFenceOf, type UnclosedFence } from './find-unclosed-fences.js';
import { inlineSegments, inlineText } from './inline-token-text.js';
import type { SourceLines } from './map-source-lines.js';
import {
  BOX_MARKERS,
  collapse,
  columnFinder,
  EXTENDED_ONLY,
  startsStruck,
  type ScannedItem,
  type Segment,
} from './scan-task-items.js';
import { blockStart, tokenizeInline, type BlockTokens } from './tokenize-blocks.js';
import { unsureInline } from './unsure-inline.js';

export interface ScannedTokens {
  items: ScannedItem[];
  fences: UnclosedFence[];
}

/** The block the walk is in: a heading just before a paragraph makes it the heading's lead paragraph. */
interface Frame {
  /** The type of the token that opened it (`list_item_open`…). */
  type: string;
  /** The type of the token that ended its last child (`heading_close`, `fence`…). */
  previous: string | undefined;
  /** Scan index of the nearest task item around. */
  parentTask: number | undefined;
  insideListItem: boolean;
}

/**
 * `scanTaskItems` and `findUnclosedFences` over markdown-it's block tokens instead of the syntax tree: the same
 * headings, lead paragraphs, task items (box, text, struck pieces, parent task) and unclosed fences. Only the
 * paragraphs that open a list item with a box, the headings and their lead paragraphs are parsed inline.
 * `undefined` when a construct may read differently in GFM (see `unsureInline`): the caller then parses the tree.
 */
export function scanTaskTokens(
  { tokens, env }: BlockTokens,
  source: string,
  lines: SourceLines,
): ScannedTokens | undefined {
  const items: ScannedItem[] = [];
  const fences: UnclosedFence[] = [];
  const columnAt = columnFinder(source);
  const lineOf = (token: Token) => lines.gitLine(lines.lineStart(token.map?.[0] ?? 0));
  const contentEnd = source.trimEnd().length;
  const stack: Frame[] = [{ type: 'root', previous: undefined, parentTask: undefined, insideListItem: false }];
  /** Set when some inline content read may read differently in GFM. */
  const found = { unsure: false };
  const inline = (token: Token | undefined): Token[] => {
    const children = tokenizeInline(token?.content ?? '', env);
    if (unsureInline(children, token?.content ?? '')) found.unsure = true;
    return children;
  };

  for (let i = 0; i < tokens.length && !found.unsure; i += 1) {
    const token = tokens[i];
    const frame = stack[stack.length - 1];
    if (!token || !frame) break;
    // GFM tables are read differently at the edges; micromark reads a list right after indented code as if it
    // interrupted a paragraph (no list not starting at 1, no empty item).
    if (token.type === 'table_open') return undefined;
    if ((token.type === 'ordered_list_open' || token.type === 'bullet_list_open') && frame.previous === 'code_block')
      return undefined;
    const type = token.type;
    if (token.nesting === -1) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.previous = token.type;
      continue;
    }
    if (token.nesting === 0) {
      if (token.type === 'fence' || token.type === 'code_block') {
        const fence = unclosedFence(token, source, lines, contentEnd);
        if (fence === 'unsure') return undefined;
        if (fence) fences.push(fence);
      }
      if (token.type !== 'inline') frame.previous = token.type;
      continue;
    }
    const own: Frame = {
      type,
      previous: undefined,
      parentTask: frame.parentTask,
      insideListItem: frame.insideListItem,
    };
    if (type === 'heading_open') {
      items.push({
        kind: 'heading',
        line: lineOf(token),
        depth: Number(token.tag.slice(1)),
        text: collapse(inlineText(inline(tokens[i + 1]))),
      });
    } else if (type === 'paragraph_open' && frame.previous === 'heading_close' && frame.type !== 'list_item_open') {
      items.push({ kind: 'lead-paragraph', line: lineOf(token), text: collapse(inlineText(inline(tokens[i + 1]))) });
    } else if (type === 'list_item_open') {
      own.insideListItem = true;
      const task = readTaskItem(token, tokens[i + 1], tokens[i + 2], source, lines, inline);
      if (task === 'unsure') return undefined;
      if (task) {
        const texts = segmentTexts(task.segments);
        // Most tasks have neither strikethrough nor inline code: their three texts are one, collapsed once.
        const text = collapse(texts.text);
        items.push({
          kind: 'task',
          line: lineOf(token),
          column: columnAt(task.bracketOffset),
          markerOffset: task.bracketOffset + 1,
          marker: task.marker,
          optional: task.optional,
          text,
          hasStruck: texts.hasStruck,
          unstruckText: texts.unstruck.length === texts.text.length ? text : collapse(texts.unstruck),
          proseText: texts.prose.length === texts.text.length ? text : collapse(texts.prose),
          struckFirst: startsStruck(task.segments),
          parent: frame.parentTask,
          topLevel: !frame.insideListItem,
        });
        own.parentTask = items.length - 1;
      }
    }
    stack.push(own);
  }
  return found.unsure ? undefined : { items, fences };
}

/** A task's whole text, its text outside strikethrough and outside inline code, in one pass over its pieces. */
function segmentTexts(segments: readonly Segment[]): {
  text: string;
  unstruck: string;
  prose: string;
  hasStruck: boolean;
} {
  let text = '';
  let unstruck = '';
  let prose = '';
  let hasStruck = false;
  for (const segment of segments) {
    text += segment.text;
    if (segment.struck) {
      if (!hasStruck && segment.text.trim() !== '') hasStruck = true;
    } else {
      unstruck += segment.text;
    }
    if (segment.code !== true) prose += segment.text;
  }
  return { text, unstruck, prose, hasStruck };
}

interface TokenTask {
  bracketOffset: number;
  marker: BoxMarker;
  optional: boolean;
  /** The text after the box, in pieces. */
  segments: Segment[];
}

/**
 * The box of a list item whose first block is a paragraph on the item's own line, as `readBox` reads it from the
 * tree: GFM's own check (`[ ]`, `[x]`, `[X]` then a space or tab before more text, or a line ending), or an
 * extended marker or `[ ]*` at the start of the paragraph's first text.
 */
function readTaskItem(
  item: Token,
  open: Token | undefined,
  content: Token | undefined,
  source: string,
  lines: SourceLines,
  inline: (token: Token | undefined) => Token[],
): TokenTask | 'unsure' | undefined {
  const start = blockStart(open);
  if (open?.type !== 'paragraph_open' || !start || start.line !== item.map?.[0] || content?.type !== 'inline')
    return undefined;
  const at = lines.offset(start.line, start.at);
  const text = content.content;
  const marker = text[1] ?? '';
  if (text[0] !== '[' || text[2] !== ']' || !BOX_MARKERS.has(marker) || source[at] !== '[') return undefined;
  const children = inline(content);
  const segments = inlineSegments(children);
  const first = segments[0];
  const startsWithText = children[0]?.type === 'text' && first !== undefined && first.text.startsWith(text.slice(0, 3));
  if (gfmChecks(text)) {
    // GFM takes the box before any link: markdown-it may have read `[x]` as a reference link.
    if (!startsWithText) return 'unsure';
    first.text = first.text.slice(4);
    return { bracketOffset: at, marker: marker as BoxMarker, optional: false, segments };
  }
  const optional = source[at + 3] === '*';
  if (!startsWithText || (!EXTENDED_ONLY.has(marker) && !optional)) return undefined;
  const boxLength = optional ? 4 : 3;
  const after = source[at + boxLength];
  if (after !== ' ' && after !== '\t') return undefined;
  const onlyText = children.every((c) => c.type === 'text' || c.type === 'text_special' || c.type === 'softbreak');
  first.text = first.text.slice(boxLength);
  if (onlyText && segments.length === 1 && first.text.trim() === '') return undefined;
  return { bracketOffset: at, marker: marker as BoxMarker, optional, segments };
}

/**
 * GFM's task list check on a paragraph that opens a list item: `[`, a space, tab, line ending, `x` or `X`, `]`, then
 * a line ending, or spaces or tabs followed by more of the paragraph (micromark-extension-gfm-task-list-item).
 */
function gfmChecks(text: string): boolean {
  const inside = text[1];
  if (text[0] !== '[' || text[2] !== ']') return false;
  if (inside !== ' ' && inside !== '\t' && inside !== '\n' && inside !== 'x' && inside !== 'X') return false;
  let at = 3;
  if (text[at] === '\n') return true;
  if (text[at] !== ' ' && text[at] !== '\t') return false;
  while (text[at] === ' ' || text[at] === '\t') at += 1;
  return at < text.length;
}

/**
 * A fenced (or indented) code block as `findUnclosedFences` judges it from the tree: one that runs to the end of the
 * text without a closing fence. `unsure` for a fence markdown-it leaves open whose last line looks like a closing
 * fence all the same (indented four spaces, say): the tree's judgement depends on where micromark ends the block.
 */
function unclosedFence(
  token: Token,
  source: string,
  lines: SourceLines,
  contentEnd: number,
): UnclosedFence | 'unsure' | undefined {
  const start = blockStart(token);
  const [first, after] = token.map ?? [0, 1];
  if (!start) return undefined;
  // A fence markdown-it closed has its content between the two fence lines.
  if (token.type === 'fence' && after - first - 1 - contentLines(token.content) === 1) return undefined;
  const from = lines.offset(start.line, start.at);
  const end = lines.lineEnd(after - 1);
  if (end < contentEnd) return undefined;
  const fence = unclosedFenceOf(source.slice(from, end));
  if (fence === undefined) return token.type === 'fence' ? 'unsure' : undefined;
  return { line: lines.gitLine(from), fence };
}

/** Lines of a code block's content: each ends with `\n`, but the document's last may not. */
function contentLines(text: string): number {
  let count = text === '' || text.endsWith('\n') ? 0 : 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
