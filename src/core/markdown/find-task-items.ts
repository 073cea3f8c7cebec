import { ParserWorkEstimate } from './estimate-parser-work.js';
import { findDeepNesting } from './find-deep-nesting.js';
import { frontMatterEnd } from './find-piece-cuts.js';
import { findUnclosedFences, type UnclosedFence } from './find-unclosed-fences.js';
import { mapSourceLines } from './map-source-lines.js';
import { parseMarkdown } from './parse-markdown.js';
import { scanTaskItems, type ScannedItem } from './scan-task-items.js';
import { TaskTokenScan } from './scan-task-tokens.js';
import { tokenizeBlockPieces } from './tokenize-blocks.js';

/** What a task file's markdown holds for the task engine: headings, lead paragraphs and task items; unclosed fences. */
export interface TaskItemsRead {
  items: ScannedItem[];
  fences: UnclosedFence[];
  /** How they were read: from markdown-it's tokens, or from the syntax tree (the reference). */
  via: 'tokens' | 'tree';
}

/** The reference reading: the whole document parsed to mdast (remark-gfm), then walked. */
export function findTaskItemsInTree(source: string): TaskItemsRead {
  const tree = parseMarkdown(source);
  return { items: scanTaskItems(tree, source), fences: findUnclosedFences(tree, source), via: 'tree' };
}

/**
 * The same as `findTaskItemsInTree`, about ten times faster: read from markdown-it's block tokens, with only the
 * paragraphs and headings the task engine reads parsed inline. The syntax tree is still used when the tokens
 * cannot say what GFM reads (footnotes, tables, one-tilde strikethrough, literal autolinks holding syntax: see
 * `scanTaskTokens`), when front matter is not closed, and when micromark's work budget might be reached (so a
 * hostile text is refused exactly as before). Throws `MarkdownTooComplexError` as `parseMarkdown` does.
 */
export function findTaskItems(source: string): TaskItemsRead {
  return findTaskItemsInPieces(source, PIECE_BYTES);
}

/**
 * About how much text is tokenized at once (see `tokenizeBlockPieces`): small enough that a piece's tokens die
 * young, large enough that the few lines read twice at each cut cost nothing.
 */
const PIECE_BYTES = 16 * 1024;

/** `findTaskItems`, tokenizing pieces of about `pieceBytes` (exported for tests, which force small pieces). */
export function findTaskItemsInPieces(source: string, pieceBytes: number): TaskItemsRead {
  const tooDeep = findDeepNesting(source);
  if (tooDeep) throw tooDeep;
  // Footnotes (`[^1]`) are GFM's, not markdown-it's; a byte-order mark is left to the parser that reads it.
  if (source.includes('[^') || source.charCodeAt(0) === 0xfeff || unsureIndent(source))
    return findTaskItemsInTree(source);
  const base = frontMatterLength(source);
  if (base === undefined) return findTaskItemsInTree(source);
  const text = base === 0 ? source : source.slice(base);
  const lines = mapSourceLines(source, base);
  const { env, pieces } = tokenizeBlockPieces(text, pieceBytes);
  const work = new ParserWorkEstimate(text.length, lines.count);
  const scan = new TaskTokenScan(source, lines, env);
  for (const tokens of pieces) {
    // Each piece is counted before it is read inline: a text that may reach micromark's budget goes to the tree.
    // So does a text where a link label's definition may run on into the next line (`definitionMayRunOn`).
    if (work.add(tokens) || definitionMayRunOn(env, text) || !scan.scan(tokens)) return findTaskItemsInTree(source);
  }
  return work.mayExceed() ? findTaskItemsInTree(source) : { ...scan.result(), via: 'tokens' };
}

/**
 * Whether a definition of a link label (`[spec]: ./spec.md`) may be followed, on the very next line, by text that is
 * not another definition: markdown-it ends a definition at its own line, where CommonMark (micromark, GitHub) reads
 * the lines after it as the same paragraph, so a `===` under them makes a heading of them. Only asked when the
 * tokens hold a definition; a line holding `]:` followed by a blank line, the end of the text, or a line that
 * opens with `[` and holds `]:` (definitions one per line, as task files keep them) reads alike in both parsers.
 */
function definitionMayRunOn(env: Record<string, unknown>, text: string): boolean {
  if (env.references === undefined) return false;
  const lineEnd = text.includes('\r')
    ? (from: number) => lineEndAnyFrom(text, from)
    : (from: number) => lfFrom(text, from);
  // Each line is looked at once (the search goes on from its end), so a hostile text costs one pass.
  for (let at = text.indexOf(']:'), end = 0; at !== -1; at = text.indexOf(']:', end)) {
    end = lineEnd(at);
    if (end >= text.length) break;
    const start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    const next = text.slice(start, lineEnd(start));
    // A blank line is spaces and tabs only (CommonMark's, not `trim`'s, whitespace).
    if (next.replace(/[ \t]/g, '') !== '' && !(next.trimStart().startsWith('[') && next.includes(']:'))) return true;
  }
  return false;
}

/** Where the line holding `from` ends: its `\n`, or the text's end. */
function lfFrom(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf === -1 ? text.length : lf;
}

/** The same where lines may also end in `\r`: read up to the line's end only, whichever ending it has. */
function lineEndAnyFrom(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at += 1;
  return at;
}

/**
 * Where the YAML or TOML front matter that opens the text ends (0 when there is none), as remark-frontmatter reads
 * it: the candidate (from a `---` or `+++` first line to the next such line) is parsed to mdast on its own, since
 * front matter depends on nothing after it. `undefined` when it is not closed (then the whole text is parsed).
 */
function frontMatterLength(source: string): number | undefined {
  if (!source.startsWith('---') && !source.startsWith('+++')) return 0;
  const end = frontMatterEnd(source);
  if (end >= source.length) return undefined;
  const [first] = parseMarkdown(source.slice(0, end)).children;
  const kind: string | undefined = first?.type;
  return (kind === 'yaml' || kind === 'toml') && first?.position?.end.offset === end ? end : 0;
}

/**
 * Whether a line's indentation (spaces, tabs and `>` before its first other character) is one where markdown-it and
 * micromark part: a tab in it (they count its columns alike, but not on some lazy continuation lines), or a `>` after
 * four or more spaces (markdown-it goes on with a block quote there). Such a text is parsed to the tree.
 */
function unsureIndent(source: string): boolean {
  // Most task files hold neither: no need to read them line by line.
  if (!source.includes('\t') && !source.includes('>')) return false;
  let spaces = 0;
  let lineStart = true;
  for (let i = 0; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) {
      lineStart = true;
      spaces = 0;
    } else if (!lineStart) {
      continue;
    } else if (code === 9) {
      return true;
    } else if (code === 32) {
      spaces += 1;
    } else if (code === 62 /* > */) {
      if (spaces >= 4) return true;
      spaces = 0;
    } else {
      lineStart = false;
    }
  }
  return false;
}
