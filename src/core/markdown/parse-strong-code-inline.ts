import { isMdAsciiPunct, isPunctChar, isWhiteSpace } from 'markdown-it/lib/common/utils.mjs';
import Token from 'markdown-it/lib/token.mjs';
import { boxEnd, startsSyntax } from './plain-inline.js';

const BACKTICK = 0x60;
const STAR = 0x2a;

/** How a run of `*` may act, from the characters either side of it (markdown-it's `scanDelims` for `*`). */
type RunKind = 'opens' | 'closes' | 'text' | 'unsure';

/**
 * The inline tokens markdown-it's inline pass gives a content whose only inline syntax, outside code spans, is `**`
 * strong emphasis that cannot nest, with code spans anywhere (`` Do **step** 1 in `src/a_b.ts` ``, `**Task 1.1**`):
 * task texts as create-tasks and most spec tools write them. `undefined` for any other content, which goes through
 * the inline pass; so does a content this reading is not sure of:
 * - outside code spans, any character an inline rule starts at (`INLINE_SYNTAX_START`) but `*` and `` ` ``, save a
 *   task box that opens it (as `plainTextFrom` reads it);
 * - a run of backticks without a closing run of the same length (markdown-it's backtick cache comes into play);
 * - a run of `*` that can both open and close, an opening run not exactly `**`, an opening run while another is still
 *   open or never closed, a closing run not exactly `**` after an open one, or a surrogate next to a run.
 * Left to right, markdown-it's rules then do exactly this: a code span is taken whole before anything inside it is
 * read; a `**` that only opens and the next `**` that only closes pair as strong emphasis (neither can both open and
 * close, so CommonMark's rule of three never applies); a run that can neither open nor close, or only close with
 * nothing open, stays text. Its tokens are made as markdown-it leaves them: the outer
 * `*` of each pair an empty text, adjacent texts joined, levels counted.
 */
export function parseStrongCodeInline(content: string, noDefinitions: boolean): Token[] | undefined {
  const tokens = new InlineTokens();
  let textFrom = 0;
  let open = false;
  let at = noDefinitions ? boxEnd(content) : 0;
  while (at < content.length) {
    const code = content.charCodeAt(at);
    if (!startsSyntax(code)) {
      at += 1;
      continue;
    }
    const run = runEnd(content, at, code);
    if (code === BACKTICK) {
      const close = closingRun(content, run, run - at);
      if (close === undefined) return undefined;
      tokens.text(content.slice(textFrom, at));
      tokens.code(codeContent(content.slice(run, close)), content.slice(at, run));
      at = textFrom = close + run - at;
      continue;
    }
    if (code !== STAR) return undefined;
    const kind = runKind(content, at, run);
    if (kind === 'unsure') return undefined;
    if (kind === 'opens') {
      if (open || run - at !== 2) return undefined;
      tokens.text(content.slice(textFrom, at));
      tokens.opening();
      open = true;
      textFrom = run;
    } else if (kind === 'closes' && open) {
      if (run - at !== 2) return undefined;
      tokens.text(content.slice(textFrom, at));
      tokens.closing();
      open = false;
      textFrom = run;
    }
    at = run;
  }
  if (open) return undefined;
  tokens.text(content.slice(textFrom));
  return tokens.list;
}

/** The end of the run of `code` characters that starts at `at`. */
function runEnd(content: string, at: number, code: number): number {
  let end = at + 1;
  while (content.charCodeAt(end) === code) end += 1;
  return end;
}

/** Where the next run of exactly `length` backticks after `from` starts (markdown-it's closing run), if any. */
function closingRun(content: string, from: number, length: number): number | undefined {
  for (let at = content.indexOf('`', from); at !== -1;) {
    const end = runEnd(content, at, BACKTICK);
    if (end - at === length) return at;
    at = content.indexOf('`', end);
  }
  return undefined;
}

/** markdown-it's flanking rules for a run of `*` (which may split words: it opens when left-flanking, closes when right-flanking). */
function runKind(content: string, start: number, end: number): RunKind {
  const last = start === 0 ? 0x20 : content.charCodeAt(start - 1);
  const next = end >= content.length ? 0x20 : content.charCodeAt(end);
  if ((last & 0xf800) === 0xd800 || (next & 0xf800) === 0xd800) return 'unsure';
  const lastPunct = isPunct(last);
  const nextPunct = isPunct(next);
  const lastSpace = isWhiteSpace(last);
  const nextSpace = isWhiteSpace(next);
  const left = !nextSpace && (!nextPunct || lastSpace || lastPunct);
  const right = !lastSpace && (!lastPunct || nextSpace || nextPunct);
  if (left && right) return 'unsure';
  return left ? 'opens' : right ? 'closes' : 'text';
}

/** markdown-it's punctuation (ASCII punctuation, or Unicode punctuation and symbols: in ASCII the same characters). */
function isPunct(code: number): boolean {
  return code < 128 ? isMdAsciiPunct(code) : isPunctChar(String.fromCharCode(code));
}

/**
 * A code span's content as markdown-it's backtick rule gives it: line endings as spaces, then one space stripped from
 * either end when both have one. Each replacement is made only where it can change something.
 */
function codeContent(inside: string): string {
  const spaced = inside.includes('\n') ? inside.replace(/\n/g, ' ') : inside;
  return spaced.charCodeAt(0) === 0x20 ? spaced.replace(/^ (.+) $/, '$1') : spaced;
}

/** Inline tokens as markdown-it's inline pass leaves them: adjacent texts joined into one, levels counted. */
class InlineTokens {
  readonly list: Token[] = [];
  private level = 0;

  /** Text (none when empty, as markdown-it's pending text), joined to a text just before. */
  text(content: string, always = false): void {
    const last = this.list[this.list.length - 1];
    if (last?.type === 'text') last.content += content;
    else if (content !== '' || always) this.push('text', '', 0).content = content;
  }

  code(content: string, markup: string): void {
    const token = this.push('code_inline', 'code', 0);
    token.content = content;
    token.markup = markup;
  }

  /** A `**` that opens: its outer `*` an empty text, its inner one the opening token. */
  opening(): void {
    this.text('', true);
    this.push('strong_open', 'strong', 1).markup = '**';
  }

  /** The `**` that closes: the closing token, then its outer `*` an empty text. */
  closing(): void {
    this.push('strong_close', 'strong', -1).markup = '**';
    this.text('', true);
  }

  private push(type: string, tag: string, nesting: 1 | 0 | -1): Token {
    if (nesting < 0) this.level -= 1;
    const token = new Token(type, tag, nesting);
    token.level = this.level;
    if (nesting > 0) this.level += 1;
    this.list.push(token);
    return token;
  }
}
