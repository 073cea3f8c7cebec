import type Token from 'markdown-it/lib/token.mjs';
import { CONTAINER_WORK, EMPHASIS_WORK, PARAGRAPH_WORK } from './bound-parser-work.js';

/** Bytes of a piece `parseMarkdown` parses at once (its `CHUNK_LENGTH`), in which container work adds up. */
const PIECE_BYTES = 2 * 1024;

/**
 * Whether micromark's work on the text these block tokens come from may reach a quarter of any of its budgets
 * (`bound-parser-work.ts`), estimated from markdown-it's tokens with a margin. Such a text is read through the
 * syntax tree, which refuses it (or not) with the line and the limit exactly as before; every other text is far
 * below both budgets, so reading it from the tokens refuses nothing the tree would have.
 *
 * - Emphasis: micromark charges, per paragraph, its delimiter sequences times its events; the estimate counts
 *   `*`, `_` and `~` characters times the paragraph's length (measured: the charge is at most twice that).
 * - Containers: each list item or block quote that closes is charged the document events parsed so far in its
 *   piece: about two per line per open container. A top-level block (or item of a top-level list) lies in one
 *   piece with up to a piece's worth of lines around it: its containers × 2 × (its lines + a piece's lines) ×
 *   (its depth + 3) (measured: four to seven times the charge on task files, above it on deep nesting).
 * - Paragraphs: micromark charges, per line ending of a paragraph (or heading, or table cell) that closes a run of
 *   several `data` tokens, the paragraph's events so far; the estimate is the paragraph's lines times its length
 *   (measured: five times the charge on prose, 1.1 to 1.8 times on short words, code spans or character
 *   references, equal to it on `&` repeated, three quarters of it on escapes `\!` then words, the most events per
 *   character: a quarter of the budget stays well within it).
 */
export function mayExceedParserWork(tokens: readonly Token[], textLength: number, lineCount: number): boolean {
  const estimate = new ParserWorkEstimate(textLength, lineCount);
  estimate.add(tokens);
  return estimate.mayExceed();
}

/**
 * `mayExceedParserWork` over a text's block tokens given a piece at a time (`tokenizeBlockPieces`: each piece holds
 * whole top-level blocks, so no unit is split between two).
 */
export class ParserWorkEstimate {
  private readonly pieceLines: number;
  private emphasis = 0;
  private containers = 0;
  private paragraphs = 0;
  private definitions = false;

  constructor(textLength: number, lineCount: number) {
    this.pieceLines = Math.ceil((PIECE_BYTES * Math.max(lineCount, 1)) / Math.max(textLength, 1));
  }

  /** Count a piece's tokens in; whether the work counted so far already may reach a budget. */
  add(tokens: readonly Token[]): boolean {
    let unitContainers = 0;
    let unitDepth = 0;
    let unitLines = 1;
    let depth = 0;
    for (const token of tokens) {
      if (token.type === 'inline') {
        this.emphasis += delimiters(token.content) * token.content.length;
        this.paragraphs += lines(token) * token.content.length;
      } else if (token.type === 'definition') this.definitions = true;
      if (opensUnit(token)) {
        unitContainers = 0;
        unitDepth = 0;
        unitLines = Math.max(1, (token.map?.[1] ?? 1) - (token.map?.[0] ?? 0));
      }
      if (token.type === 'list_item_open' || token.type === 'blockquote_open') {
        depth += 1;
        unitContainers += 1;
        if (depth > unitDepth) unitDepth = depth;
      } else if (token.type === 'list_item_close' || token.type === 'blockquote_close') {
        depth -= 1;
      }
      if (unitContainers > 0 && closesUnit(token)) {
        this.containers += unitContainers * 2 * (unitLines + this.pieceLines) * (unitDepth + 3);
      }
    }
    return this.mayExceed();
  }

  /** Whether micromark's work may reach a quarter of any budget (pieces are parsed twice when labels are defined). */
  mayExceed(): boolean {
    const times = (this.definitions ? 2 : 1) * 4;
    return (
      this.emphasis * times > EMPHASIS_WORK ||
      this.containers * times > CONTAINER_WORK ||
      this.paragraphs * times > PARAGRAPH_WORK
    );
  }
}

/** A unit: a block at the margin, or an item of a list at the margin. */
function opensUnit(token: Token): boolean {
  return (
    (token.level === 0 &&
      token.nesting === 1 &&
      token.type !== 'bullet_list_open' &&
      token.type !== 'ordered_list_open') ||
    (token.level === 1 && token.type === 'list_item_open')
  );
}

function closesUnit(token: Token): boolean {
  return (
    (token.level === 0 &&
      token.nesting === -1 &&
      token.type !== 'bullet_list_close' &&
      token.type !== 'ordered_list_close') ||
    (token.level === 1 && token.type === 'list_item_close')
  );
}

/** Lines of the block an inline token comes from. */
function lines(token: Token): number {
  return Math.max(1, (token.map?.[1] ?? 1) - (token.map?.[0] ?? 0));
}

/** The `*`, `_` and `~` characters of a text (each counted by `indexOf`, faster than reading every character). */
function delimiters(text: string): number {
  return occurrences(text, '*') + occurrences(text, '_') + occurrences(text, '~');
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}
