import type Token from 'markdown-it/lib/token.mjs';
import type { BoxMarker } from '../tasks/types.js';
import { inlineSegments } from './inline-token-text.js';
import type { SourceLines } from './map-source-lines.js';
import { BOX_MARKERS, EXTENDED_ONLY, type Segment } from './scan-task-items.js';
import { blockStart } from './tokenize-blocks.js';

/** A list item's box, read from its tokens, and the text after it in pieces. */
export interface TokenTask {
  bracketOffset: number;
  marker: BoxMarker;
  optional: boolean;
  /** The text after the box, in pieces. */
  segments: Segment[];
}

/**
 * The box of a list item whose first block is a paragraph on the item's own line, as `readBox` reads it from the
 * tree: GFM's own check (`[ ]`, `[x]`, `[X]` then a space or tab before more text, or a line ending), or an
 * extended marker or `[ ]*` at the start of the paragraph's first text. `inline` parses the paragraph's content
 * (only for a list item that opens with a box).
 */
export function readTaskToken(
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

/** A task's whole text, its text outside strikethrough and outside inline code, in one pass over its pieces. */
export function segmentTexts(segments: readonly Segment[]): {
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
