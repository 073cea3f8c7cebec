import type { Html, Nodes, Paragraph, Parents, PhrasingContent, Text } from 'mdast';
import { defaultHandlers, type Info, type Options, type State, type Unsafe } from 'mdast-util-to-markdown';
import { text } from '../markdown/build-mdast.js';
import { LITERAL_UNSAFE, MID_LINE } from '../markdown/escape-markdown.js';
import { writeMarkdown } from '../markdown/write-markdown.js';

declare module 'mdast' {
  interface HtmlData {
    /** A person's text, written as `escapeMarkdown` writes it (see `literal`). */
    literal?: string;
    /** Pieces written one after the other: strings as they are, inline runs as `writeInline` writes each alone. */
    pieces?: Array<string | PhrasingContent[]>;
  }
}

/** Where `toMarkdown` starts a document: what `writeInline` sees around its paragraph. */
const AT_START: Info = { before: '\n', after: '\n', now: { line: 1, column: 1 }, lineShift: 0 };

const literalUnsafe = new WeakMap<Unsafe[], Unsafe[]>();

/**
 * Inline content written exactly as `writeInline(children, options)` writes it alone, but inside the document's own
 * writer: the writer's stack and unsafe patterns set as a fresh writer has them for the time of the run.
 */
function writeAlone(children: PhrasingContent[], state: State, unsafe: Unsafe[]): string {
  const { stack, unsafe: saved } = state;
  state.stack = [];
  state.unsafe = unsafe;
  try {
    const node: Paragraph = { type: 'paragraph', children };
    const written = state.handle(node, undefined, state, { ...AT_START, now: { ...AT_START.now } });
    const code = written.charCodeAt(written.length - 1);
    return (written !== '' && code !== 10 && code !== 13 ? `${written}\n` : written).replace(/\n$/, '');
  } finally {
    state.stack = stack;
    state.unsafe = saved;
  }
}

/** The text node `escapeMarkdown` writes its run after; only its last character (a space) reaches the run. */
const MID_LINE_NODE = text(MID_LINE);

/**
 * What `escapeMarkdown(value)` returns, written with the document's writer instead of a writer of its own: the run
 * escaped as that writer escapes a text node after `x ` at the end of a paragraph, with `escapeMarkdown`'s
 * patterns on top of the document's.
 */
function writeLiteral(value: string, state: State): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
  if (core === '') return value;
  let unsafe = literalUnsafe.get(state.unsafe);
  if (unsafe === undefined) {
    unsafe = [...state.unsafe, ...LITERAL_UNSAFE];
    literalUnsafe.set(state.unsafe, unsafe);
  }
  const { stack, unsafe: saved } = state;
  const info = { ...AT_START, before: MID_LINE.slice(-1), beforeNode: MID_LINE_NODE };
  state.stack = ['paragraph', 'phrasing'];
  state.unsafe = withCharacterIn(core, info, unsafe);
  try {
    return `${lead}${state.safe(core, info)}${trail}`;
  } finally {
    state.stack = stack;
    state.unsafe = saved;
  }
}

function html(node: Html, _parent: unknown, state: State): string {
  const { literal: literalValue, pieces } = node.data ?? {};
  if (literalValue !== undefined) return writeLiteral(literalValue, state);
  if (pieces !== undefined) {
    return pieces.map((piece) => (typeof piece === 'string' ? piece : writeAlone(piece, state, state.unsafe))).join('');
  }
  return node.value;
}
// As the writer's own html handler: what follows is taken to start with `<`, whatever it holds.
html.peek = (): string => '<';

/**
 * A person's text, escaped as `escapeMarkdown` escapes it (the same bytes), when the document is written with
 * `writeOnePass`. An html node, as the escaped text was before, so the writer treats it alike around it.
 */
export function literal(value: string): Html {
  return { type: 'html', value: '', data: { literal: value } };
}

/**
 * Text assembled from pieces (a table's rows, say): strings as given, inline runs each written as `writeInline`
 * writes it on its own, when the document is written with `writeOnePass`.
 */
export function pieces(parts: Array<string | PhrasingContent[]>): Html {
  return { type: 'html', value: '', data: { pieces: parts } };
}

/**
 * The unsafe patterns that can match where the writer escapes `value` (with the characters around it that it looks
 * at): a pattern matches at its character, so the writer passes over one whose character is not there. Leaving
 * those out first gives the same text without compiling and running a regular expression per pattern per text.
 */
function withCharacterIn(value: string, info: Info, unsafe: Unsafe[]): Unsafe[] {
  const around = `${info.before}${value}${info.after}`;
  return unsafe.filter((pattern) => around.includes(pattern.character));
}

/** A text node written by `write`, with only the unsafe patterns that can match in it. */
function withFewerPatterns(write: NonNullable<Options['handlers']>['text'] = defaultHandlers.text) {
  return (node: Text, parent: Parents | undefined, state: State, info: Info): string => {
    const saved = state.unsafe;
    state.unsafe = withCharacterIn(node.value, info, saved);
    try {
      return write(node, parent, state, info);
    } finally {
      state.unsafe = saved;
    }
  };
}

/**
 * A document written in one pass of the writer, `literal` and `pieces` nodes included: byte for byte what writing
 * each piece and escaped text on its own and the document around them gives, with one writer set up instead of one
 * per line (options: MARKDOWN_WRITER or one built on it, with no further unsafe patterns).
 */
export function writeOnePass(tree: Nodes, options: Options): string {
  return writeMarkdown(tree, {
    ...options,
    handlers: { ...options.handlers, html, text: withFewerPatterns(options.handlers?.text) },
  });
}
