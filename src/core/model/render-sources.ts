import type { InlineCode, PhrasingContent } from 'mdast';
import { code, emphasis, text } from '../markdown/build-mdast.js';
import { normalisePath } from './check-citations.js';
import { modelLine } from './model-markdown.js';

/** Where the renderers and the tests first found it; it lives with the model's markdown helpers now. */
export { safeLine } from './model-markdown.js';

/** Text cut at a word before `max` characters (or at half of it), with `…` when cut. */
export function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(text.slice(0, max).lastIndexOf(' '), max / 2))}…`;
}

/** Cited paths as code spans, normalised and each once. */
export function pathSpans(files: readonly string[]): InlineCode[] {
  return [...new Set(files.map(normalisePath))].map((p) => code(p.replace(/`/g, '')));
}

/** Runs of inline content joined by `separator` (sources by `; `). */
export function joined(runs: ReadonlyArray<readonly PhrasingContent[]>, separator = '; '): PhrasingContent[] {
  return runs.flatMap((run, i) => (i === 0 ? [...run] : [text(separator), ...run]));
}

/** Where an item comes from, in italics and brackets: ` _(issue line 4; \`src/app\`)_`, or nothing. */
export function sourcesNote(sources: ReadonlyArray<readonly PhrasingContent[]>): PhrasingContent[] {
  return sources.length === 0 ? [] : [text(' '), emphasis([text('('), ...joined(sources), text(')')])];
}

/** An item's text followed by where it comes from, in italics, when it comes from anything. */
export function withSourceList(text: string, sources: ReadonlyArray<readonly PhrasingContent[]>): PhrasingContent[] {
  return [modelLine(text), ...sourcesNote(sources)];
}

/** One item of "Existing Code to Leverage" or "Existing code to reuse": the path, its symbol if any, and why. */
export function reuseLine(item: { path: string; symbol: string; reason: string }): PhrasingContent[] {
  const symbol = item.symbol.trim() === '' ? [] : [text(' ('), code(item.symbol.replace(/`/g, '').trim()), text(')')];
  return [code(normalisePath(item.path).replace(/`/g, '')), ...symbol, text(': '), modelLine(item.reason)];
}
