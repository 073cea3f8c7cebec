import { normalisePath } from './check-citations.js';

/**
 * A model's text made safe for one line of markdown: whitespace collapsed, no HTML (so no hidden comments or
 * markers), no leading character that would start a block (heading, quote, list, task box).
 */
export function safeLine(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim().replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return one.replace(/^([#>+*-]|\d+[.)]|\[)/, '\\$1');
}

/** A name in bold, with no `*` of its own to break the emphasis. */
export const boldName = (text: string) => `**${safeLine(text).replace(/\*/g, '')}**`;

/** Text cut at a word before `max` characters (or at half of it), with `…` when cut. */
export function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(text.slice(0, max).lastIndexOf(' '), max / 2))}…`;
}

/** Cited paths as code spans, normalised and each once. */
export function pathSpans(files: readonly string[]): string[] {
  return [...new Set(files.map(normalisePath))].map((p) => `\`${p.replace(/`/g, '')}\``);
}

/** An item's text followed by where it comes from, in italics, when it comes from anything. */
export function withSourceList(text: string, sources: readonly string[]): string {
  return sources.length === 0 ? safeLine(text) : `${safeLine(text)} _(${sources.join('; ')})_`;
}

/** One item of "Existing Code to Leverage" or "Existing code to reuse": the path, its symbol if any, and why. */
export function reuseLine(item: { path: string; symbol: string; reason: string }): string {
  const symbol = item.symbol.trim() === '' ? '' : ` (\`${item.symbol.replace(/`/g, '').trim()}\`)`;
  return `- \`${normalisePath(item.path).replace(/`/g, '')}\`${symbol}: ${safeLine(item.reason)}`;
}

/** The heading of a "Proposed" section and the note saying why its items are optional. */
export function proposedHeading(note: string, level = 2): string[] {
  return [`${'#'.repeat(level)} Proposed`, '', `_${note}_`, ''];
}
