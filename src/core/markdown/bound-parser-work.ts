import { attention, blockQuote, lineEnding, list } from 'micromark-core-commonmark';
import type { Construct, Event, Exiter, Extension, Resolver, TokenizeContext } from 'micromark-util-types';
import type { Data, Processor } from 'unified';
import { MarkdownTooComplexError } from './markdown-too-complex.js';

/**
 * Work units the parser may spend on one text, past which it is refused. Two of micromark's steps cost more than
 * the text's length: pairing emphasis delimiters (`*`, `_`, `~`) walks and rebuilds a paragraph's events for
 * each delimiter (delimiters × events), and closing a list item or block quote rebuilds the events of the
 * document parsed so far in its piece (events per close). Each is charged before it runs. Either budget is
 * about a second of parsing (docs/performance.md); an Agent OS tasks.md of 7,000 tasks (512 KB) spends under 1 %
 * of either read in pieces, but 180 % of the container budget read in one piece (as a file with a footnote
 * definition is).
 */
export const EMPHASIS_WORK = 50_000_000;
export const CONTAINER_WORK = 50_000_000;
/**
 * Work units for merging a paragraph's runs of text (the paragraph's events so far at each line ending that closes
 * a run of several `data` tokens): about a second of parsing (docs/performance.md). A paragraph of 5,000 lines of
 * a sentence each spends 80 % of it; list items, and paragraphs of a few hundred lines, spend next to nothing.
 */
export const PARAGRAPH_WORK = 250_000_000;

interface WorkBudget {
  emphasis: number;
  containers: number;
  paragraph: number;
}

/** The budget of the parse under way (parsing is synchronous: one at a time). */
let current: WorkBudget | undefined;

/** Run `parse` with a fresh budget shared by every piece it parses; over budget, it throws `MarkdownTooComplexError`. */
export function withParserWorkBudget<T>(parse: () => T): T {
  const previous = current;
  current = { emphasis: 0, containers: 0, paragraph: 0 };
  try {
    return parse();
  } finally {
    current = previous;
  }
}

const SEQUENCES = new Set(['attentionSequence', 'strikethroughSequenceTemporary']);

function chargeEmphasis(events: Event[]): void {
  if (!current) return;
  let delimiters = 0;
  let line: number | undefined;
  for (const [kind, token] of events) {
    if (kind === 'enter' && SEQUENCES.has(token.type)) {
      delimiters += 1;
      line ??= token.start.line;
    }
  }
  current.emphasis += delimiters * events.length;
  if (current.emphasis <= EMPHASIS_WORK || line === undefined) return;
  throw new MarkdownTooComplexError(
    'emphasis',
    line,
    `Line ${line}: the paragraph here has ${delimiters} emphasis or strikethrough delimiters (\`*\`, \`_\`, \`~\`), more than the parser can pair in time (its work grows with the square of their number in one paragraph; about ${Math.round(Math.sqrt(EMPHASIS_WORK / 4)).toLocaleString('en-US')} in one paragraph is the limit, fewer across several). Split the paragraph, escape the characters (\\*), or put the text in a code block.`,
  );
}

function chargeContainerExit(context: TokenizeContext): void {
  if (!current) return;
  current.containers += context.events.length;
  if (current.containers <= CONTAINER_WORK) return;
  const line = context.now().line;
  throw new MarkdownTooComplexError(
    'containers',
    line,
    `Line ${line}: too many list items and block quotes close here for the parser to read the file in time (its work grows with the number of items times the length of the block they sit in: deeply nested lists, or hundreds of KB of list items in one block quote or under one list item, or a long file read in one piece: one with footnote definitions \`[^1]: …\`, or opening with a \`---\` line that is never closed). Nest less deeply, leave a blank line and start the next part at the margin, or split the file.`,
  );
}

/**
 * Charge a paragraph's line ending: micromark merges each run of adjacent `data` tokens of a paragraph into one
 * (its text resolver, after the paragraph is read) by splicing the paragraph's events, once per run of several.
 * GFM's literal autolinks split text at each word, so each line of prose ends such a run: the merge costs about
 * the events after the run, and over a paragraph the events seen at each such line ending add up to the same.
 */
function chargeLineEnding(context: TokenizeContext): void {
  if (!current) return;
  const { events } = context;
  let data = 0;
  for (let index = events.length - 1; index >= 0 && data < 2; index -= 1) {
    const [kind, token] = events[index] ?? [];
    if (token?.type !== 'data') break;
    if (kind === 'enter') data += 1;
  }
  if (data < 2) return;
  current.paragraph += events.length;
  if (current.paragraph <= PARAGRAPH_WORK) return;
  const line = events[0]?.[1].start.line ?? 1;
  throw new MarkdownTooComplexError(
    'paragraph',
    line,
    `Line ${line}: the paragraph that starts here is too long for the parser to read in time (its work grows with the square of a paragraph's length; about 5,000 lines of prose with no blank line between them is the limit). Put blank lines between its parts, or put the text in a code block (a line of three backticks before and after it).`,
  );
}

/** micromark's line ending inside text, charging the paragraph's work first (it tokenizes the same). */
const guardedLineEnding: Construct = {
  ...lineEnding,
  tokenize(effects, ok, nok) {
    chargeLineEnding(this);
    return lineEnding.tokenize.call(this, effects, ok, nok);
  },
};

const guarded = new WeakMap<Construct, Construct>();

/** The same construct, charging its resolving or its closing against the budget first. */
function guard(construct: Construct): Construct {
  const known = guarded.get(construct);
  if (known) return known;
  const { resolveAll, exit } = construct;
  const copy: Construct = { ...construct };
  if (resolveAll) {
    const resolve: Resolver = (events, context) => {
      chargeEmphasis(events);
      return resolveAll(events, context);
    };
    copy.resolveAll = resolve;
  }
  if (exit) {
    copy.exit = function (this: TokenizeContext, effects) {
      chargeContainerExit(this);
      exit.call(this, effects);
    } satisfies Exiter;
  }
  guarded.set(construct, copy);
  return copy;
}

/** GFM's strikethrough: the construct remark-gfm made (with its options), found by name. */
const isGuarded = (construct: Partial<Construct>): construct is Construct => construct.name === 'strikethrough';

/** GFM's strikethrough, wherever the extensions list it (as text, and inside links), guarded. */
function guardExtension<T extends NonNullable<Data['micromarkExtensions']>[number]>(extension: T): T;
function guardExtension(extension: Extension | Extension[]): Extension | Extension[] {
  if (Array.isArray(extension)) return extension.map((one) => guardExtension(one));
  const { text, insideSpan } = extension;
  const copy: Extension = { ...extension };
  if (text) {
    copy.text = Object.fromEntries(
      Object.entries(text).map(([code, constructs]) => [
        code,
        mapConstructs(constructs, (c) => (isGuarded(c) ? guard(c) : c)),
      ]),
    );
  }
  if (insideSpan?.null)
    copy.insideSpan = { ...insideSpan, null: insideSpan.null.map((c) => (isGuarded(c) ? guard(c) : c)) };
  return copy;
}

function mapConstructs<T>(constructs: T, map: (construct: Construct) => Construct): T;
function mapConstructs(
  constructs: Construct | Construct[] | undefined,
  map: (construct: Construct) => Construct,
): Construct | Construct[] | undefined {
  if (constructs === undefined) return undefined;
  return Array.isArray(constructs) ? constructs.map(map) : map(constructs);
}

/**
 * A unified plugin (after remark-gfm): micromark's emphasis, GFM strikethrough, list and block quote constructs,
 * each replaced by the same construct that first charges its work to the budget of `withParserWorkBudget`. The
 * copies tokenize exactly as the originals (they are tried first and succeed where the originals would), so the
 * tree is the same; outside a budget they charge nothing.
 */
export function boundParserWork(this: Processor): undefined {
  const data = this.data();
  const extensions = (data.micromarkExtensions ??= []);
  for (const [index, extension] of extensions.entries()) extensions[index] = guardExtension(extension);
  const guardedList = guard(list);
  extensions.push({
    document: {
      42: guardedList,
      43: guardedList,
      45: guardedList,
      48: guardedList,
      49: guardedList,
      50: guardedList,
      51: guardedList,
      52: guardedList,
      53: guardedList,
      54: guardedList,
      55: guardedList,
      56: guardedList,
      57: guardedList,
      62: guard(blockQuote),
    },
    text: {
      [-5]: guardedLineEnding,
      [-4]: guardedLineEnding,
      [-3]: guardedLineEnding,
      42: guard(attention),
      95: guard(attention),
    },
    insideSpan: { null: [guard(attention)] },
  });
  return undefined;
}
