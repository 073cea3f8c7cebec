import type Token from 'markdown-it/lib/token.mjs';
import { unclosedFenceOf, type UnclosedFence } from './find-unclosed-fences.js';
import { inlineText } from './inline-token-text.js';
import type { SourceLines } from './map-source-lines.js';
import { readTaskToken, segmentTexts, type TokenTask } from './read-task-token.js';
import { collapse, columnFinder, startsStruck, type ScannedItem } from './scan-task-items.js';
import { blockStart, tokenizeInline } from './tokenize-blocks.js';
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
 * paragraphs that open a list item with a box, the headings and their lead paragraphs are parsed inline. The
 * tokens come a piece at a time (`tokenizeBlockPieces`), in document order; the walk goes on from piece to piece.
 * `scan` says false when a construct may read differently in GFM (see `unsureInline`): the caller then parses the
 * tree.
 */
export class TaskTokenScan {
  readonly items: ScannedItem[] = [];
  readonly fences: UnclosedFence[] = [];
  private readonly stack: Frame[] = [
    { type: 'root', previous: undefined, parentTask: undefined, insideListItem: false },
  ];
  private readonly columnAt: (offset: number) => number;
  private readonly contentEnd: number;
  private unsure = false;
  /** `inline`, bound once (not a closure per list item). */
  private readonly readInline = (token: Token | undefined): Token[] => this.inline(token);

  constructor(
    private readonly source: string,
    private readonly lines: SourceLines,
    /** markdown-it's environment (the link labels), for the inline pass. */
    private readonly env: Record<string, unknown>,
  ) {
    this.columnAt = columnFinder(source);
    this.contentEnd = source.trimEnd().length;
  }

  /** Walk a piece's tokens: false when some construct may read differently in GFM (then stop). */
  scan(tokens: readonly Token[]): boolean {
    for (let i = 0; i < tokens.length && !this.unsure; i += 1) {
      const token = tokens[i];
      const frame = this.stack[this.stack.length - 1];
      if (!token || !frame) break;
      if (token.nesting === -1) {
        this.stack.pop();
        const parent = this.stack[this.stack.length - 1];
        if (parent) parent.previous = token.type;
      } else if (token.nesting === 0) {
        if ((token.type === 'fence' || token.type === 'code_block') && !this.noteFence(token)) return false;
        if (token.type !== 'inline') frame.previous = token.type;
      } else if (!this.open(token, tokens[i + 1], tokens[i + 2], frame)) {
        return false;
      }
    }
    return !this.unsure;
  }

  /** The walk's findings, once every piece has been scanned. */
  result(): ScannedTokens {
    return { items: this.items, fences: this.fences };
  }

  /** A token that opens a block: a heading, a lead paragraph or a list item may be read. False when unsure. */
  private open(token: Token, next: Token | undefined, after: Token | undefined, frame: Frame): boolean {
    const type = token.type;
    // GFM tables are read differently at the edges; micromark reads a list right after indented code as if it
    // interrupted a paragraph (no list not starting at 1, no empty item).
    if (type === 'table_open') return false;
    if ((type === 'ordered_list_open' || type === 'bullet_list_open') && frame.previous === 'code_block') return false;
    const own: Frame = {
      type,
      previous: undefined,
      parentTask: frame.parentTask,
      insideListItem: frame.insideListItem,
    };
    if (type === 'heading_open') {
      const text = collapse(inlineText(this.inline(next)));
      this.items.push({ kind: 'heading', line: this.lineOf(token), depth: Number(token.tag.slice(1)), text });
    } else if (type === 'paragraph_open' && frame.previous === 'heading_close' && frame.type !== 'list_item_open') {
      const text = collapse(inlineText(this.inline(next)));
      this.items.push({ kind: 'lead-paragraph', line: this.lineOf(token), text });
    } else if (type === 'list_item_open') {
      own.insideListItem = true;
      const task = readTaskToken(token, next, after, this.source, this.lines, this.readInline);
      if (task === 'unsure') return false;
      if (task) {
        this.pushTask(token, task, frame);
        own.parentTask = this.items.length - 1;
      }
    }
    this.stack.push(own);
    return true;
  }

  private pushTask(token: Token, task: TokenTask, frame: Frame): void {
    const texts = segmentTexts(task.segments);
    // Most tasks have neither strikethrough nor inline code: their three texts are one, collapsed once.
    const text = collapse(texts.text);
    this.items.push({
      kind: 'task',
      line: this.lineOf(token),
      column: this.columnAt(task.bracketOffset),
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
  }

  /** A paragraph's or heading's inline tokens; notes when GFM may read them differently. */
  private inline(token: Token | undefined): Token[] {
    const content = token?.content ?? '';
    const children = tokenizeInline(content, this.env);
    if (unsureInline(children, content)) this.unsure = true;
    return children;
  }

  private lineOf(token: Token): number {
    return this.lines.gitLine(this.lines.lineStart(token.map?.[0] ?? 0));
  }

  /** Note a code block left open at the end of the text; false when unsure how GFM ends it. */
  private noteFence(token: Token): boolean {
    const fence = unclosedFence(token, this.source, this.lines, this.contentEnd);
    if (fence === 'unsure') return false;
    if (fence) this.fences.push(fence);
    return true;
  }
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
