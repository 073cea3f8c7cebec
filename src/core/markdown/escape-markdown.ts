import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { text } from './build-mdast.js';
import { MARKDOWN_WRITER, writeInline } from './write-markdown.js';

/**
 * The writer's options for a literal run of text placed inside a line we assemble: on top of what the syntax tree
 * needs escaped (`&copy;`, a `-`, `+` or `1.` that would start a list, …), the characters the App always escaped
 * stay escaped, so the run is also safe inside a table cell, a link text or bold.
 */
export const LITERAL_UNSAFE: Unsafe[] = ['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#'].map((character) => ({
  character,
  inConstruct: 'phrasing' as const,
}));

export const LITERAL_WRITER: Options = { ...MARKDOWN_WRITER, unsafe: LITERAL_UNSAFE };

/** Leading text that puts the run mid-line (no block can start there); dropped from the output. */
export const MID_LINE = 'x ';

/** The writer's escape patterns for a run of text, read from the writer itself (its defaults, GFM's and ours). */
function unsafePatterns(): readonly Unsafe[] {
  let patterns: readonly Unsafe[] = [];
  toMarkdown(text(''), {
    ...LITERAL_WRITER,
    handlers: {
      text: (_node, _parent, state) => {
        patterns = [...state.unsafe];
        return '';
      },
    },
  });
  return patterns;
}

/**
 * The characters the writer may escape or encode in a run of text: every escape pattern's character, bar the space,
 * which it escapes only next to a line ending (`\r` and `\n` are in the set, and the run is trimmed).
 */
let touched: ReadonlySet<string> | undefined;

/** Whether the writer would write the trimmed run as it is: none of its characters is one it may touch. */
function untouched(core: string): boolean {
  // Read from the writer on first use, not when the module loads (the Action loads it on every event).
  touched ??= new Set(unsafePatterns().flatMap((p) => (p.character === ' ' ? [] : [p.character])));
  for (const character of core) if (touched.has(character)) return false;
  return true;
}

function literal(value: string, atLineStart: boolean): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
  // Most titles are words and spaces: the writer would return them as they are (a full write costs ~50 µs each).
  if (core === '' || untouched(core)) return value;
  const written = atLineStart
    ? writeInline([text(core)], LITERAL_WRITER)
    : writeInline([text(MID_LINE), text(core)], LITERAL_WRITER).slice(MID_LINE.length);
  return `${lead}${written}${trail}`;
}

/**
 * Text written so that markdown shows it literally inside a line (after a marker, in a table cell, in bold): read
 * back, it is the same text (`&copy;` stays `&copy;`). Whitespace around it is kept as it is.
 */
export function escapeMarkdown(value: string): string {
  return literal(value, false);
}

/** Like `escapeMarkdown`, for text that starts a line or a list item: `2. step` or `+ x` stay text, not a list. */
export function escapeLineStart(value: string): string {
  return literal(value, true);
}
