import type { Html, Nodes, Root, RootContent, Strong } from 'mdast';
import { emphasis, heading, paragraph, raw, strong, text } from '../markdown/build-mdast.js';
import { MARKDOWN_WRITER, writeMarkdown } from '../markdown/write-markdown.js';

/**
 * A model's text made safe for one line of markdown: whitespace collapsed, no HTML (so no hidden comments or
 * markers), no leading character that would start a block (heading, quote, list, rule, task box); read back, it
 * is the model's own inline markdown.
 */
export function safeLine(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim().replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // `-`, `+` and `*` start a block only as a list marker (a space after) or a rule (`---`, `***`): `**bold**` and
  // `-1` stay as written. A digit cannot be escaped (`\1.` shows its backslash): a list's number is escaped at its
  // `.` or `)`.
  return one.replace(/^([#>[]|[-+*](?=\s|$)|([-*_])(?=(?:\s*\2){2,}\s*$))/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A model's text in a line we write: its own inline markdown (code, emphasis, links) kept as the model wrote it, made
 * one safe line by `safeLine`, so it goes into the tree as written (an html node), not as text the writer escapes.
 */
export const modelLine = (text: string): Html => raw(safeLine(text));

/**
 * A model's name or title as one safe line with no `*` of its own (it sits in bold, or where `*` would mislead). The
 * stars go before the line is made safe, so a leading `*` leaves no escape behind (`*Ops*` is `Ops`, not `\Ops`); a
 * backslash ending it is doubled, so it stays a backslash and cannot escape the `**` that closes a bold.
 */
export const starless = (text: string): Html =>
  raw(safeLine(text.replace(/\\?\*/g, '')).replace(/(?<!\\)((?:\\\\)*)\\$/, '$1\\\\'));

/** A name in bold, with no `*` of its own to break the emphasis. */
export const boldName = (text: string): Strong => strong([starless(text)]);

/** The heading of a "Proposed" section and the note saying why its items are optional. */
export function proposedHeading(note: string, level: 2 | 3 = 2): RootContent[] {
  return [heading(level, [text('Proposed')]), paragraph([emphasis([text(note)])])];
}

/**
 * A model-drafted file's tree as markdown, in our house style, with no blank line after the blocks in `tight` where
 * the layout has none (a persona's name above its details, the roadmap's "Notes" above their list).
 */
export function writeModelMarkdown(tree: Root, tight: ReadonlySet<Nodes> = new Set()): string {
  return writeMarkdown(tree, { ...MARKDOWN_WRITER, join: [(left) => (tight.has(left) ? 0 : undefined)] });
}
