import type { Options } from 'mdast-util-to-markdown';
import { text } from './build-mdast.js';
import { MARKDOWN_WRITER, writeInline } from './write-markdown.js';

/**
 * The writer's options for a literal run of text placed inside a line we assemble: on top of what the syntax tree
 * needs escaped (`&copy;`, a `-`, `+` or `1.` that would start a list, …), the characters the App always escaped
 * stay escaped, so the run is also safe inside a table cell, a link text or bold.
 */
const LITERAL: Options = {
  ...MARKDOWN_WRITER,
  unsafe: ['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#'].map((character) => ({
    character,
    inConstruct: 'phrasing' as const,
  })),
};

/** Leading text that puts the run mid-line (no block can start there); dropped from the output. */
const MID_LINE = 'x ';

function literal(value: string, atLineStart: boolean): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
  if (core === '') return value;
  const written = atLineStart
    ? writeInline([text(core)], LITERAL)
    : writeInline([text(MID_LINE), text(core)], LITERAL).slice(MID_LINE.length);
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
