import type { Nodes, RootContent } from 'mdast';

// Where a document may be cut into pieces that parse, one by one, to the whole document's tree (see
// `parseMarkdownInChunks`): lines at the margin, and the checks a line and its parsed node must pass.

/** What a line at the margin may start: a new top-level block, or the next item of a top-level list. */
export interface CutKind {
  block: boolean;
  item: boolean;
  /** A list marker: starts a list in a fresh piece, but after some blocks (indented code) not in the document. */
  listLike: boolean;
  /** The same inside block quotes (`> 2. …`, `> - `). */
  quotedListLike: boolean;
}

/**
 * The last top-level node of a parsed piece (but its first) that starts a line at or after `from` where the piece
 * could have been cut before a block: the line and the node pass the checks a cut line passes. The piece was parsed
 * past that line, which changes nothing before it (block structure up to a line depends only on the text up to it).
 */
export function earlierBlockCut(
  source: string,
  nodes: readonly RootContent[],
  start: number,
  from: number,
): { index: number; at: number } | undefined {
  for (let index = nodes.length - 1; index >= 1; index -= 1) {
    const node = nodes[index];
    const offset = node?.position?.start.offset;
    if (node === undefined || offset === undefined) return undefined;
    const at = start + offset;
    if (at < from) return undefined;
    const before = source.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue;
    const kind = cutKind(source, at);
    if (kind?.block && parsedAsFresh(kind, node)) return { index, at };
  }
  return undefined;
}

/** The first line starting at or after `from` (and after the first line) that may be a cut. */
export function nextCut(source: string, from: number): { at: number; kind: CutKind } | undefined {
  for (let i = from - 1; i < source.length - 1; i += 1) {
    const code = source.charCodeAt(i);
    if (code === 10 || (code === 13 && source.charCodeAt(i + 1) !== 10)) {
      const kind = cutKind(source, i + 1);
      if (kind) return { at: i + 1, kind };
    }
  }
  return undefined;
}

function isSpaceOrEnd(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * What the line at `at` may be: an ATX heading at the margin (it interrupts a paragraph) or any other line at the
 * margin after a blank line may start a top-level block; a bullet or number at the margin followed by a space may
 * be the next item of a top-level list. Never a line that opens with `---`/`+++` (front matter when first in a
 * piece) or a byte-order mark. A line that looks like a list item is a block start only if it starts a list
 * (the caller checks: after indented code and blank lines, `2. …` is a paragraph).
 */
function cutKind(source: string, at: number): CutKind | undefined {
  const first = source[at] ?? '';
  if (first === '' || ' \t\r\n\uFEFF'.includes(first) || source.startsWith('---', at) || source.startsWith('+++', at)) {
    return undefined;
  }
  const { item, listLike } = listMarkerAt(source, at);
  let quotedListLike = false;
  if (first === '>') {
    let i = at;
    while (source[i] === '>' || source[i] === ' ' || source[i] === '\t') i += 1;
    quotedListLike = listMarkerAt(source, i).listLike;
  }
  let block = false;
  if (first === '#') {
    let hashes = 1;
    while (source[at + hashes] === '#') hashes += 1;
    block = hashes <= 6 && isSpaceOrEnd(source[at + hashes]);
  }
  if (!block) {
    // The line before is blank (spaces and tabs only).
    let i = at - 1;
    i -= source[i] === '\n' && source[i - 1] === '\r' ? 2 : 1;
    while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i -= 1;
    block = i < 0 || source[i] === '\n' || source[i] === '\r';
  }
  return block || item ? { block, item, listLike, quotedListLike } : undefined;
}

/** Whether a list marker starts at `at`: one that opens an item with text (`item`), or any (`listLike`). */
function listMarkerAt(source: string, at: number): { item: boolean; listLike: boolean } {
  const first = source[at] ?? '';
  if (first === '-' || first === '+' || first === '*') {
    return { item: source[at + 1] === ' ' || source[at + 1] === '\t', listLike: isSpaceOrEnd(source[at + 1]) };
  }
  if (first >= '0' && first <= '9') {
    let digits = 1;
    while ((source[at + digits] ?? '') >= '0' && (source[at + digits] ?? '') <= '9') digits += 1;
    const delimiter = source[at + digits];
    const after = source[at + digits + 1];
    return {
      item: digits < 10 && (delimiter === '.' || delimiter === ')') && (after === ' ' || after === '\t'),
      listLike: (delimiter === '.' || delimiter === ')') && isSpaceOrEnd(after),
    };
  }
  return { item: false, listLike: false };
}

/**
 * Whether the node the piece's parse gave for a cut line is what a fresh piece starting at that line gives. A list
 * marker (at the margin, or inside block quotes) starts a list in a fresh piece, but in the document, after some
 * blocks (indented code, then blank lines), `2. …` or an empty item is a paragraph: then the line is no cut.
 */
export function parsedAsFresh(kind: CutKind, node: Nodes): boolean {
  if (kind.listLike && node.type !== 'list') return false;
  if (kind.quotedListLike) {
    let inner: Nodes | undefined = node;
    while (inner?.type === 'blockquote') inner = inner.children[0];
    if (inner?.type !== 'list') return false;
  }
  return true;
}

/**
 * Where front matter would end (after its closing fence line), if the document opens with a fence: the parser
 * looks ahead for the closing fence, so no piece may end before it. Without a closing fence, that failed look-ahead
 * leaves the parser in a state of its own: the document is parsed in one piece.
 */
export function frontMatterEnd(source: string): number {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const fence = text.startsWith('---') ? '-' : text.startsWith('+++') ? '+' : undefined;
  if (fence === undefined) return 0;
  const closing = fence === '-' ? /(?:\r\n?|\n)---[ \t]*(?=\r|\n|$)/g : /(?:\r\n?|\n)\+\+\+[ \t]*(?=\r|\n|$)/g;
  closing.lastIndex = 3;
  const match = closing.exec(text);
  return match === null ? source.length : source.length - text.length + match.index + match[0].length;
}

export function endOfLine(source: string, at: number): number {
  for (let i = at; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return source.length;
}
