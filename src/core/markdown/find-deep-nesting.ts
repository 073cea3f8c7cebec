import { MarkdownTooComplexError } from './markdown-too-complex.js';

/**
 * How many block quotes and list items may be open at once. The parser's time on a line grows with the square of
 * how many containers it opens or closes there (1,000 nested bullets on one line: half a second; 4,000: seven), and
 * real task files nest four or five deep. GitHub's own renderer stops nesting much earlier than this.
 */
export const MAX_NESTING = 100;

/**
 * A line that may open or continue more than `MAX_NESTING` containers, refused before the parser sees it. Not a
 * markdown parser: a bound. A container opens only at a `>` or a list marker at the start of a line (after
 * spaces and earlier markers), and a list item goes on to a later line only through at least two columns of
 * indentation before any new list marker; so the depth at a line is at most the markers at its start plus half
 * that indentation (never more than the deepest line before it). Linear in the text.
 */
export function findDeepNesting(source: string): MarkdownTooComplexError | undefined {
  // Most texts end their lines with `\n` only: the next line is found by `indexOf`, not character by character.
  const nextLine = source.includes('\r') ? nextLineAnyEnding : nextLineLf;
  let deepest = 0;
  let line = 1;
  let at = 0;
  while (at < source.length) {
    let markers = 0;
    /** Indentation before the line's first list marker: what lets list items of earlier lines go on. */
    let columns = 0;
    let opened = false;
    let i = at;
    for (;;) {
      const code = source.charCodeAt(i);
      if (code === 32) {
        if (!opened) columns += 1;
        i += 1;
      } else if (code === 9) {
        if (!opened) columns += 4 - (columns % 4);
        i += 1;
      } else if (code === 62 /* > */) {
        markers += 1;
        i += 1;
      } else if (code === 42 || code === 43 || code === 45 /* * + - */) {
        if (!isMarkerEnd(source.charCodeAt(i + 1))) break;
        markers += 1;
        opened = true;
        i += 1;
      } else if (code >= 48 && code <= 57) {
        let end = i + 1;
        while (end - i < 10 && isDigit(source.charCodeAt(end))) end += 1;
        const delimiter = source.charCodeAt(end);
        if (end - i > 9 || (delimiter !== 46 && delimiter !== 41) || !isMarkerEnd(source.charCodeAt(end + 1))) break;
        markers += 1;
        opened = true;
        i = end + 1;
      } else {
        break;
      }
    }
    const depth = Math.min(deepest, Math.floor(columns / 2)) + markers;
    if (depth > MAX_NESTING) {
      return new MarkdownTooComplexError(
        'nesting',
        line,
        `Line ${line}: ${markers} block quotes and list markers open at the start of the line, which may nest the text ${depth} levels deep; a task file may nest at most ${MAX_NESTING} levels (block quotes and list items). Nest less deeply, or put the text in a code block.`,
      );
    }
    if (depth > deepest) deepest = depth;
    at = nextLine(source, i);
    line += 1;
  }
  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** After a list marker: a space, a tab, a line ending or the end of the text. */
function isMarkerEnd(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13;
}

/** The offset after the line ending at or after `from` (`\n`, `\r\n` or `\r`, as the parser counts lines). */
function nextLineAnyEnding(source: string, from: number): number {
  for (let i = from; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    if (code === 10) return i + 1;
    if (code === 13) return source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return source.length;
}

/** `nextLineAnyEnding` in a text without `\r`. */
function nextLineLf(source: string, from: number): number {
  const lf = source.indexOf('\n', from);
  return lf === -1 ? source.length : lf + 1;
}
