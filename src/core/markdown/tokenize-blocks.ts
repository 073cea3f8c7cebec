import MarkdownItParser, { type MarkdownIt, type StateBlock, type Token } from 'markdown-it';

/**
 * markdown-it, set up to read the block structure of a task file as CommonMark does (and GFM's tables): raw HTML
 * kept as HTML, link texts and destinations left as written (the tree's text is the source's, not a display form),
 * and nesting allowed past anything `findDeepNesting` lets through.
 */
function makeParser(): MarkdownIt {
  const md = new MarkdownItParser('commonmark', { html: true, maxNesting: 1_000 }).enable(['table', 'strikethrough']);
  md.validateLink = () => true;
  md.normalizeLinkText = (text) => text;
  for (const name of ['paragraph', 'fence', 'code', 'reference']) noteBlockStarts(md, name);
  return md;
}

/** Made on first use: a process that reads no task file does not pay for it. */
let parser: MarkdownIt | undefined;
const markdownIt = (): MarkdownIt => (parser ??= makeParser());

/** Where a paragraph, fence or indented code block starts: its first line, and the offset in markdown-it's text. */
interface BlockStart {
  line: number;
  at: number;
}

/**
 * Each of these block rules, wrapped to note where the block it made starts (markdown-it's tokens carry lines, not
 * offsets: the box of a task is found at its paragraph's first character). A link reference definition makes no
 * token at all; a `definition` token stands for it, as the syntax tree has a node there.
 */
function noteBlockStarts(md: MarkdownIt, name: string): void {
  const rule = md.block.ruler.__rules__.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no block rule ${name}`);
  const original = rule.fn;
  md.block.ruler.at(
    name,
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const before = state.tokens.length;
      const start: BlockStart = { line: startLine, at: (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0) };
      if (!original(state, startLine, endLine, silent)) return false;
      if (silent) return true;
      if (name === 'reference') {
        const token = state.push('definition', '', 0);
        token.map = [startLine, state.line];
      } else {
        const token = state.tokens[before];
        if (token) token.meta = { start };
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
  for (const rule of md.core.ruler.__rules__) if (rule.enabled && BLOCK_PASS.has(rule.name)) rule.fn(state);
  return { tokens: state.tokens, env };
}

const BLOCK_PASS = new Set(['normalize', 'block']);

/** The inline tokens of a paragraph's or heading's content. */
export function tokenizeInline(content: string, env: Record<string, unknown>): Token[] {
  const md = markdownIt();
  const tokens: Token[] = [];
  md.inline.parse(content, md, env, tokens);
  return tokens;
}

/** Where the block that `token` opens starts, when a wrapped rule made it. */
export function blockStart(token: Token | undefined): BlockStart | undefined {
  const start = token?.meta?.['start'];
  return typeof start === 'object' && start !== null && 'line' in start && 'at' in start ? (start as BlockStart) : undefined;
}
