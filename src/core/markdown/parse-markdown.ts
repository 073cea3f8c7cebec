import type { Definition, List, Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data, type Processor } from 'unified';
import { boundParserWork, withParserWorkBudget } from './bound-parser-work.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { isMarkdownTooComplex } from './markdown-too-complex.js';
import { definedIdentifier, shareDefinitions, withDefinitions } from './share-definitions.js';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

type FromMarkdownExtensions = NonNullable<Data['fromMarkdownExtensions']>;
type FromMarkdownExtension = Exclude<FromMarkdownExtensions[number], readonly unknown[]>;
type Transform = NonNullable<FromMarkdownExtension['transforms']>[number];

/**
 * GFM's literal autolinks (`www.x.com`, `https://…`, `a@b.co`) that the tokenizer cannot see (after an escape or a
 * character reference, after a dot) are found after parsing, by a transform that walks the tree once per kind of
 * link (four walks, a fifth of all parsing time) matching a regular expression against every text node. Each of
 * those expressions needs `http://`, `https://` or `www.` (any case), or an `@`, in one text node: a tree without
 * any is left as it is, so one quick look at the text nodes replaces the walks.
 */
function skipIdleAutolinkLiterals(this: Processor): undefined {
  const data = this.data();
  if (data.fromMarkdownExtensions) data.fromMarkdownExtensions = data.fromMarkdownExtensions.map(guardAutolinkLiterals);
  return undefined;
}

function guardAutolinkLiterals<T extends FromMarkdownExtensions[number]>(extension: T): T;
function guardAutolinkLiterals(extension: FromMarkdownExtensions[number]): FromMarkdownExtensions[number] {
  if (Array.isArray(extension)) return extension.map(guardAutolinkLiterals);
  // The literal autolink extension: the only one that enters `literalAutolink` tokens.
  const { enter, transforms } = extension;
  if (!enter || !Object.hasOwn(enter, 'literalAutolink') || !transforms) return extension;
  const guarded = transforms.map((transform): Transform => (tree) => (mayHoldAutolinkLiteral(tree) ? transform(tree) : undefined));
  return { ...extension, transforms: guarded };
}

/** Same start as the transform's own expression for URLs (and its flags): a text that fails it has none. */
const URL_START = /(?:https?:\/\/|www(?=\.))/i;

/** Whether some text node holds what a literal autolink starts with. */
function mayHoldAutolinkLiteral(node: Nodes): boolean {
  if (node.type === 'text') return node.value.includes('@') || URL_START.test(node.value);
  if ('children' in node) for (const child of node.children) if (mayHoldAutolinkLiteral(child)) return true;
  return false;
}

/** GFM, plus YAML/TOML front matter (Spec Kit's task files open with one) read as metadata, not as text. */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(skipIdleAutolinkLiterals)
  .use(boundParserWork)
  .use(shareDefinitions);

/**
 * Roughly how much text goes to the parser at once. micromark's time grows with the square of the text it is
 * given when that text has lists (each time a list item ends, it copies every event of the document so far: a
 * 735 KB Agent OS tasks.md took 7 s in one piece), so longer documents are parsed a few KB at a time. Each piece
 * costs a fixed setup (under 0.1 ms): 2 KB keeps list-heavy task files fastest (4 KB pieces are a third slower
 * on a Kiro tasks.md) at a few per cent on prose.
 */
const CHUNK_LENGTH = 2 * 1024;

/**
 * Parse GitHub-flavoured markdown to an mdast tree, in time bounded by the text's length. Any string gives a tree,
 * or, for a text the parser would take too long on (nesting deeper than `MAX_NESTING`, or more emphasis pairing
 * or list closing than its work budget allows), a `MarkdownTooComplexError` that names the line and the limit,
 * thrown before that work is done.
 */
export function parseMarkdown(source: string): Root {
  return parseMarkdownInChunks(source, CHUNK_LENGTH);
}

/** What a line at the margin may start: a new top-level block, or the next item of a top-level list. */
interface CutKind {
  block: boolean;
  item: boolean;
  /** A list marker: starts a list in a fresh piece, but after some blocks (indented code) not in the document. */
  listLike: boolean;
  /** The same inside block quotes (`> 2. …`, `> - `). */
  quotedListLike: boolean;
}

/**
 * The same tree as parsing `source` in one piece, built from pieces of about `chunkLength` characters that are
 * parsed one by one and joined (positions moved to where each piece sits in `source`).
 *
 * A piece may end only before a line at the margin, and it is parsed together with that line: the cut is kept if
 * the line comes out as the start of a top-level node (after a blank line or as an ATX heading), or as the next
 * item of a top-level list (whose items then go on in the next piece's first list). Block structure up to and
 * including a line depends only on the text up to that line, so the nodes before the line are those of the whole
 * document; at such a line the parser holds nothing open but that list. When the line is not a cut, the last
 * node of the piece that starts at a line that would have been a block cut is taken instead. Link definitions
 * reach across the whole document: its pieces are parsed again knowing every label it defines. Footnote
 * definitions (and front matter without its closing fence) make the document be parsed whole. Exported for tests,
 * which force small pieces.
 */
export function parseMarkdownInChunks(source: string, chunkLength: number): Root {
  const tooDeep = findDeepNesting(source);
  if (tooDeep) throw tooDeep;
  return withParserWorkBudget(() => parseWithinBudget(source, chunkLength));
}

function parseWithinBudget(source: string, chunkLength: number): Root {
  // The parser drops a byte-order mark that opens the text and counts positions from after it: so do the pieces.
  if (source.charCodeAt(0) === 0xfeff) {
    const text = source.slice(1);
    return text.charCodeAt(0) === 0xfeff ? processor.parse(source) : parsePieces(text, chunkLength);
  }
  return parsePieces(source, chunkLength);
}

/**
 * The pieces, parsed once; when some define link labels (which `[label]` anywhere in the document may use), parsed
 * again with each piece knowing every label the document defines.
 */
function parsePieces(source: string, chunkLength: number): Root {
  const definitions: Definition[] = [];
  const tree = parsePiecesOnce(source, chunkLength, definitions);
  if (definitions.length === 0) return tree;
  const identifiers: string[] = [];
  for (const definition of definitions) {
    const identifier = definedIdentifier(source, definition);
    if (identifier === undefined) return processor.parse(source);
    identifiers.push(identifier);
  }
  return withDefinitions(identifiers, () => parsePiecesOnce(source, chunkLength, []));
}

function parsePiecesOnce(source: string, chunkLength: number, definitions: Definition[]): Root {
  const mayDefine = source.includes(']:');
  const children: RootContent[] = [];
  /** A top-level list that goes on in the next piece. */
  let openList: List | undefined;
  let rootStart: Point | undefined;
  let start = 0;
  let line = 1;
  const frontMatter = frontMatterEnd(source);
  let want = Math.max(1, chunkLength, frontMatter);
  for (;;) {
    const cut = start + want < source.length ? nextCut(source, start + want) : undefined;
    if (start === 0 && cut === undefined) return processor.parse(source);
    const end = cut === undefined ? source.length : endOfLine(source, cut.at);
    const tree = parsePiece(source.slice(start, end), line - 1);
    const nodes = tree.children.slice();
    /** The piece's last node: it starts at the cut, or is the list whose next item does. */
    let cutNode: Nodes | undefined;
    let cutAt = cut?.at;
    let continuing: List | undefined;
    if (cut !== undefined) {
      const last = nodes[nodes.length - 1];
      const lastItem = last?.type === 'list' ? last.children[last.children.length - 1] : undefined;
      if (cut.kind.block && last?.position?.start.offset === cut.at - start && parsedAsFresh(cut.kind, last)) {
        cutNode = nodes.pop();
      } else if (cut.kind.item && last?.type === 'list' && last.children.length > 1 && lastItem?.position?.start.offset === cut.at - start) {
        cutNode = last.children.pop();
        continuing = last;
      } else {
        // Not a cut after all (a list's first item, a line in a fence, an HTML block, a paragraph going on…). If an
        // earlier line of the piece is one, keep the nodes before it and parse the rest again with the next piece
        // (parsing the whole piece again, further on, made every such line cost a piece); if none, try further on.
        const earlier = earlierBlockCut(source, nodes, start, Math.max(start + 1, frontMatter));
        if (earlier === undefined) {
          want = 2 * (cut.at - start);
          continue;
        }
        cutNode = nodes[earlier.index];
        nodes.length = earlier.index;
        cutAt = earlier.at;
      }
    }
    rootStart ??= tree.position?.start;
    const moved = line > 1 || start > 0;
    for (const [index, node] of nodes.entries()) {
      if ((moved || mayDefine) && adopt(node, line - 1, start, mayDefine, definitions)) return processor.parse(source);
      if (index === 0 && openList) {
        // The previous piece's last list goes on here: its items, spread and end.
        if (node.type !== 'list' || node.position?.start.offset !== start) return processor.parse(source);
        for (const item of node.children) openList.children.push(item);
        openList.spread = openList.spread === true || node.spread === true;
        if (openList.position) openList.position.end = node.position.end;
        if (continuing === node) continuing = openList;
      } else {
        children.push(node);
      }
    }
    openList = continuing;
    if (cut === undefined || cutNode === undefined) {
      const rootEnd = tree.position?.end;
      const root: Root = { type: 'root', children };
      if (rootStart && rootEnd) root.position = { start: { ...rootStart }, end: shiftPoint(rootEnd, line - 1, start) };
      return root;
    }
    line += (cutNode.position?.start.line ?? 1) - 1;
    start = cutAt ?? source.length;
    want = Math.max(1, chunkLength);
  }
}

/** Parse a piece that starts `lines` lines into the document; a refusal names the document's line. */
function parsePiece(piece: string, lines: number): Root {
  try {
    return processor.parse(piece);
  } catch (error) {
    throw isMarkdownTooComplex(error) ? error.movedDown(lines) : error;
  }
}

/**
 * The last top-level node of a parsed piece (but its first) that starts a line at or after `from` where the piece
 * could have been cut before a block: the line and the node pass the checks a cut line passes. The piece was parsed
 * past that line, which changes nothing before it (block structure up to a line depends only on the text up to it).
 */
function earlierBlockCut(source: string, nodes: readonly RootContent[], start: number, from: number): { index: number; at: number } | undefined {
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
function nextCut(source: string, from: number): { at: number; kind: CutKind } | undefined {
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
function parsedAsFresh(kind: CutKind, node: Nodes): boolean {
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
function frontMatterEnd(source: string): number {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const fence = text.startsWith('---') ? '-' : text.startsWith('+++') ? '+' : undefined;
  if (fence === undefined) return 0;
  const closing = fence === '-' ? /(?:\r\n?|\n)---[ \t]*(?=\r|\n|$)/g : /(?:\r\n?|\n)\+\+\+[ \t]*(?=\r|\n|$)/g;
  closing.lastIndex = 3;
  const match = closing.exec(text);
  return match === null ? source.length : source.length - text.length + match.index + match[0].length;
}

function endOfLine(source: string, at: number): number {
  for (let i = at; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return source.length;
}

function shiftPoint(point: Point, lines: number, offset: number): Point {
  return {
    line: point.line + lines,
    column: point.column,
    offset: point.offset === undefined ? undefined : point.offset + offset,
  };
}

/**
 * Move a node (and its descendants) parsed from a piece to its place in the document, and note the link definitions
 * it holds; true if it holds a footnote definition (read only by parsing the whole document). The points are moved
 * where they are: each node of a freshly parsed tree has points of its own.
 */
function adopt(node: Nodes, lines: number, offset: number, mayDefine: boolean, definitions: Definition[]): boolean {
  if (mayDefine && node.type === 'footnoteDefinition') return true;
  if (node.position) {
    const { start, end } = node.position;
    start.line += lines;
    if (start.offset !== undefined) start.offset += offset;
    if (end !== start) {
      end.line += lines;
      if (end.offset !== undefined) end.offset += offset;
    }
  }
  if (node.type === 'definition') definitions.push(node);
  if ('children' in node) {
    for (const child of node.children) if (adopt(child, lines, offset, mayDefine, definitions)) return true;
  }
  return false;
}
