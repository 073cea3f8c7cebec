import { lineFinder, lineFinderOver } from './node-text.js';

/**
 * Offsets in a document for positions in markdown-it's copy of a part of it (from `base` on). markdown-it ends a
 * line at `\r\n`, `\r` or `\n` and turns each into `\n`, so its lines are the document's, but its offsets drift by
 * one at each `\r\n`; line numbers are as git counts them (by `\n` only).
 */
export interface SourceLines {
  /** Document offset of a markdown-it offset `at` on its line `line`. */
  offset(line: number, at: number): number;
  /** Document offset of the start of markdown-it's line `line`. */
  lineStart(line: number): number;
  /** Document offset of the end of markdown-it's line `line` (before its line ending). */
  lineEnd(line: number): number;
  /** How many lines markdown-it sees. */
  count: number;
  /** 1-based line (by `\n`) of a document offset. */
  gitLine(offset: number): number;
}

export function mapSourceLines(source: string, base: number): SourceLines {
  /** Per markdown-it line: start in the document, start in markdown-it's text, end in the document. */
  const starts: number[] = [base];
  const normalStarts: number[] = [0];
  const ends: number[] = [];
  if (source.indexOf('\r', base) === -1) {
    // Only `\n` line endings (most files): markdown-it's offsets are the document's less `base`, found by indexOf.
    for (let at = source.indexOf('\n', base); at !== -1; at = source.indexOf('\n', at + 1)) {
      ends.push(at);
      starts.push(at + 1);
      normalStarts.push(at + 1 - base);
    }
    // From the start of the text, the line ends are its `\n`s: git's line numbers need no second search.
    return sourceLines(source, base, starts, normalStarts, ends, base === 0 ? lineFinderOver(ends.slice()) : undefined);
  }
  let normal = 0;
  for (let i = base; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    ends.push(i);
    const crlf = code === 13 && source.charCodeAt(i + 1) === 10;
    normal += i - (starts[starts.length - 1] ?? base) + 1;
    if (crlf) i += 1;
    starts.push(i + 1);
    normalStarts.push(normal);
  }
  return sourceLines(source, base, starts, normalStarts, ends);
}

/** The lookups over the line starts and ends (`ends` without the last line's end, added here). */
function sourceLines(
  source: string,
  base: number,
  starts: number[],
  normalStarts: number[],
  ends: number[],
  gitLine = lineFinder(source),
): SourceLines {
  ends.push(source.length);
  const clamp = (line: number) => Math.min(Math.max(line, 0), starts.length - 1);
  return {
    offset: (line, at) => (starts[clamp(line)] ?? base) + at - (normalStarts[clamp(line)] ?? 0),
    lineStart: (line) => starts[clamp(line)] ?? base,
    lineEnd: (line) => ends[clamp(line)] ?? source.length,
    count: starts.length,
    gitLine,
  };
}
