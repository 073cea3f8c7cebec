import MarkdownIt from 'markdown-it';
import type { RuleBlock } from 'markdown-it/lib/parser_block.mjs';
import type { RuleCore } from 'markdown-it/lib/parser_core.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import Token from 'markdown-it/lib/token.mjs';
import { plainTextFrom } from './plain-inline.js';

/** The rules of a markdown-it ruler, as markdown-it keeps them (its typings leave the list out). */
type RuleList<T> = Array<{ name: string; enabled: boolean; fn: T; alt: string[] }>;
const rulesOf = <T>(ruler: object): RuleList<T> => (ruler as { __rules__: RuleList<T> }).__rules__;

/**
 * markdown-it, set up to read the block structure of a task file as CommonMark does (and GFM's tables): raw HTML
 * kept as HTML, link texts and destinations left as written (the tree's text is the source's, not a display form),
 * and nesting allowed past anything `findDeepNesting` lets through.
 */
function makeParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark').enable(['table', 'strikethrough']);
  // Options the preset sets (its typings know only some of them).
  md.set({ html: true, maxNesting: 1_000 } as Parameters<MarkdownIt['set']>[0]);
  md.validateLink = () => true;
  md.normalizeLinkText = (text) => text;
  for (const name of ['paragraph', 'fence', 'code', 'reference']) noteBlockStarts(md, name);
  return md;
}

/** Made on first use: a process that reads no task file does not pay for it. */
let parser: MarkdownIt | undefined;
const markdownIt = (): MarkdownIt => (parser ??= makeParser());

/**
 * Where a paragraph, fence or indented code block starts: its first line, and the offset in markdown-it's text. Kept
 * as the token's `meta` (one small object per block).
 */
class BlockStart {
  constructor(
    readonly line: number,
    readonly at: number,
  ) {}
}

/**
 * Each of these block rules, wrapped to note where the block it made starts (markdown-it's tokens carry lines, not
 * offsets: the box of a task is found at its paragraph's first character). A link reference definition makes no
 * token at all; a `definition` token stands for it, as the syntax tree has a node there.
 */
function noteBlockStarts(md: MarkdownIt, name: string): void {
  const rule = rulesOf<RuleBlock>(md.block.ruler).find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no block rule ${name}`);
  const original = rule.fn;
  md.block.ruler.at(
    name,
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const before = state.tokens.length;
      // Read before the rule runs (a list item's rule moves its first line's marks while its content is parsed);
      // the object is made only when the rule made a block, not for each line it was tried on.
      const at = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
      if (!original(state, startLine, endLine, silent)) return false;
      if (silent) return true;
      if (name === 'reference') {
        const token = state.push('definition', '', 0);
        token.map = [startLine, state.line];
      } else {
        const token = state.tokens[before];
        if (token) token.meta = new BlockStart(startLine, at);
      }
      return true;
    },
    { alt: rule.alt },
  );
}

export interface BlockTokens {
  tokens: Token[];
  /** markdown-it's environment after the block pass (the link labels the text defines), for the inline pass. */
  env: Record<string, unknown>;
}

/** The block tokens of `text`, inline content not yet parsed. */
export function tokenizeBlocks(text: string): BlockTokens {
  const md = markdownIt();
  const env: Record<string, unknown> = {};
  const state = new md.core.State(text, md, env);
  // `normalize` and `block` only: the inline pass runs on the few paragraphs a task file needs read.
  for (const rule of rulesOf<RuleCore>(md.core.ruler)) if (rule.enabled && BLOCK_PASS.has(rule.name)) rule.fn(state);
  return { tokens: state.tokens, env };
}

const BLOCK_PASS = new Set(['normalize', 'block']);

export interface BlockPieces {
  /** markdown-it's environment (the link labels the text defines), complete once every piece has been read. */
  env: Record<string, unknown>;
  /** The block tokens of the text, a piece of top-level blocks at a time (see `tokenizeBlockPieces`). */
  pieces: Iterable<Token[]>;
}

/**
 * The block tokens of `text` (the same as `tokenizeBlocks`), given a piece at a time so that only one piece's tokens
 * are alive at once: markdown-it's block pass keeps every token of the document until the end, which made a
 * quarter of a 1 MB file's time garbage collection. A piece is the top-level blocks of about `pieceBytes` of text.
 *
 * markdown-it's block parser reads a range of lines of one state: a piece is tokenized up to a line, and every
 * top-level block before the last one that starts in it is final (a block's extent depends only on the lines up to
 * its end; the parser holds nothing open between top-level blocks). The next piece starts at that last block.
 * When no second top-level block starts in a piece, the rest of the text is one piece. A text that may define
 * link labels (`]:`) is one piece: every paragraph's inline content may use a label defined after it.
 */
export function tokenizeBlockPieces(text: string, pieceBytes: number): BlockPieces {
  const md = markdownIt();
  const env: Record<string, unknown> = {};
  const core = new md.core.State(text, md, env);
  // `normalize` turns `\r\n` and `\r` into `\n` and NUL into U+FFFD: a text with neither is left as it is.
  if (text.includes('\r') || text.includes('\0')) {
    for (const rule of rulesOf<RuleCore>(md.core.ruler)) if (rule.enabled && rule.name === 'normalize') rule.fn(core);
  }
  const state = new md.block.State(core.src, md, env, []);
  const whole = text.includes(']:') ? Infinity : pieceBytes;
  return { env, pieces: core.src === '' ? [] : piecesOf(md, state, whole) };
}

function* piecesOf(md: MarkdownIt, state: StateBlock, pieceBytes: number): Generator<Token[]> {
  let start = 0;
  while (start < state.lineMax) {
    const end = lineAfter(state, start, pieceBytes);
    state.tokens = [];
    md.block.tokenize(state, start, end);
    const tokens = state.tokens;
    const last = end < state.lineMax ? lastBlockAfter(tokens, start) : undefined;
    if (last === undefined) {
      // The rest of the text, read on from the tokens so far (a block that runs on past the piece).
      if (end < state.lineMax) {
        state.tokens = [];
        md.block.tokenize(state, start, state.lineMax);
      }
      yield state.tokens;
      return;
    }
    start = tokens[last]?.map?.[0] ?? state.lineMax;
    tokens.length = last;
    yield tokens;
  }
}

/** The first line at or after `pieceBytes` characters from line `start` (or the end of the text). */
function lineAfter(state: StateBlock, start: number, pieceBytes: number): number {
  const limit = (state.bMarks[start] ?? 0) + pieceBytes;
  let line = start + 1;
  while (line < state.lineMax && (state.bMarks[line] ?? 0) < limit) line += 1;
  return line;
}

/** The index of the last top-level block token that starts after line `start`. */
function lastBlockAfter(tokens: readonly Token[], start: number): number | undefined {
  for (let index = tokens.length - 1; index > 0; index -= 1) {
    const token = tokens[index];
    if (token && token.level === 0 && token.nesting !== -1 && (token.map?.[0] ?? start) > start) return index;
  }
  return undefined;
}

/**
 * The inline tokens of a paragraph's or heading's content. A content markdown-it's inline rules cannot act on (see
 * `plainTextFrom`) is one text token, as the inline pass would give it, made without running that pass.
 */
export function tokenizeInline(content: string, env: Record<string, unknown>): Token[] {
  if (content === '') return [];
  if (plainTextFrom(content, env.references === undefined)) {
    const token = new Token('text', '', 0);
    token.content = content;
    return [token];
  }
  return tokenizeInlineFully(content, env);
}

/** The inline tokens of a content, always through markdown-it's inline pass (the reference for the shortcut). */
export function tokenizeInlineFully(content: string, env: Record<string, unknown>): Token[] {
  const md = markdownIt();
  const tokens: Token[] = [];
  md.inline.parse(content, md, env, tokens);
  return tokens;
}

/** Where the block that `token` opens starts, when a wrapped rule made it. */
export function blockStart(token: Token | undefined): BlockStart | undefined {
  const meta: unknown = token?.meta;
  return meta instanceof BlockStart ? meta : undefined;
}
