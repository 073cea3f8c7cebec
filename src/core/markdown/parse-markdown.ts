import type { Definition, List, Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { boundParserWork, withParserWorkBudget } from './bound-parser-work.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { earlierBlockCut, endOfLine, frontMatterEnd, nextCut, parsedAsFresh, type CutKind } from './find-piece-cuts.js';
import { isMarkdownTooComplex } from './markdown-too-complex.js';
import { definedIdentifier, shareDefinitions, withDefinitions } from './share-definitions.js';
import { skipIdleAutolinkLiterals } from './skip-idle-autolink-literals.js';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

/** GFM, plus YAML/TOML front matter (Spec Kit's task files open with one) read as metadata, not as text. */
const makeProcessor = () =>
  unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(skipIdleAutolinkLiterals)
    .use(boundParserWork)
    .use(shareDefinitions);

/**
 * The processor, made on first use: most events parse nothing through it (a task file is read from markdown-it's
 * tokens), and the Action loads remark and micromark only when it is made (scripts/bundle-action.mjs).
 */
let made: ReturnType<typeof makeProcessor> | undefined;
const processor = { parse: (text: string): Root => (made ??= makeProcessor()).parse(text) };

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
    const kept = cut === undefined ? undefined : keepBeforeCut(source, nodes, cut, start, frontMatter);
    if (kept === 'further') {
      want = 2 * ((cut?.at ?? start) - start);
      continue;
    }
    rootStart ??= tree.position?.start;
    const piece = { nodes, line, start, continuing: kept?.continuing };
    const joined = joinPiece(piece, children, openList, mayDefine ? definitions : undefined);
    if (joined === 'whole') return processor.parse(source);
    openList = joined;
    if (kept === undefined) {
      const rootEnd = tree.position?.end;
      const root: Root = { type: 'root', children };
      if (rootStart && rootEnd) root.position = { start: { ...rootStart }, end: shiftPoint(rootEnd, line - 1, start) };
      return root;
    }
    line += (kept.cutNode.position?.start.line ?? 1) - 1;
    start = kept.cutAt;
    want = Math.max(1, chunkLength);
  }
}

/**
 * Where a parsed piece is cut: its last node starts at the cut line (a block, or the next item of a top-level list,
 * which then goes on in the next piece), or an earlier line of the piece is a block cut. The nodes from the cut
 * on are taken off `nodes` (they are parsed again with the next piece). `further` when no line of the piece is a
 * cut (a list's first item, a line in a fence, an HTML block, a paragraph going on…): a longer piece is tried.
 */
function keepBeforeCut(
  source: string,
  nodes: RootContent[],
  cut: { at: number; kind: CutKind },
  start: number,
  frontMatter: number,
): { cutNode: Nodes; cutAt: number; continuing: List | undefined } | 'further' {
  const last = nodes[nodes.length - 1];
  const lastItem = last?.type === 'list' ? last.children[last.children.length - 1] : undefined;
  if (last && cut.kind.block && last.position?.start.offset === cut.at - start && parsedAsFresh(cut.kind, last)) {
    nodes.pop();
    return { cutNode: last, cutAt: cut.at, continuing: undefined };
  }
  if (
    cut.kind.item &&
    last?.type === 'list' &&
    last.children.length > 1 &&
    lastItem?.position?.start.offset === cut.at - start
  ) {
    last.children.pop();
    return { cutNode: lastItem, cutAt: cut.at, continuing: last };
  }
  // Parsing the whole piece again, further on, made every such line cost a piece: keep the nodes before an
  // earlier cut, and parse the rest again with the next piece.
  const earlier = earlierBlockCut(source, nodes, start, Math.max(start + 1, frontMatter));
  const cutNode = earlier === undefined ? undefined : nodes[earlier.index];
  if (earlier === undefined || cutNode === undefined) return 'further';
  nodes.length = earlier.index;
  return { cutNode, cutAt: earlier.at, continuing: undefined };
}

/**
 * Add a piece's nodes to the document's `children`, moved to where the piece sits; the previous piece's open list
 * takes the items of the piece's first list. Gives the list that goes on in the next piece, or `whole` when the
 * document must be parsed in one piece (a footnote definition, or a list that does not go on as expected).
 * `definitions` collects the link definitions (when the document may have some).
 */
function joinPiece(
  piece: { nodes: readonly RootContent[]; line: number; start: number; continuing: List | undefined },
  children: RootContent[],
  openList: List | undefined,
  definitions: Definition[] | undefined,
): List | undefined | 'whole' {
  const { nodes, line, start } = piece;
  let continuing = piece.continuing;
  const moved = line > 1 || start > 0;
  for (const [index, node] of nodes.entries()) {
    if ((moved || definitions) && adopt(node, line - 1, start, definitions)) return 'whole';
    if (index === 0 && openList) {
      // The previous piece's last list goes on here: its items, spread and end.
      if (node.type !== 'list' || node.position?.start.offset !== start) return 'whole';
      for (const item of node.children) openList.children.push(item);
      openList.spread = openList.spread === true || node.spread === true;
      if (openList.position) openList.position.end = node.position.end;
      if (continuing === node) continuing = openList;
    } else {
      children.push(node);
    }
  }
  return continuing;
}

/** Parse a piece that starts `lines` lines into the document; a refusal names the document's line. */
function parsePiece(piece: string, lines: number): Root {
  try {
    return processor.parse(piece);
  } catch (error) {
    throw isMarkdownTooComplex(error) ? error.movedDown(lines) : error;
  }
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
function adopt(node: Nodes, lines: number, offset: number, definitions: Definition[] | undefined): boolean {
  if (definitions && node.type === 'footnoteDefinition') return true;
  if (node.position) {
    const { start, end } = node.position;
    start.line += lines;
    if (start.offset !== undefined) start.offset += offset;
    if (end !== start) {
      end.line += lines;
      if (end.offset !== undefined) end.offset += offset;
    }
  }
  if (definitions && node.type === 'definition') definitions.push(node);
  if ('children' in node) {
    for (const child of node.children) if (adopt(child, lines, offset, definitions)) return true;
  }
  return false;
}
