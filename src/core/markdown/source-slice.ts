import type { Nodes } from 'mdast';

/** The source text of a node, exactly as written. */
export function sliceOf(source: string, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** The source from the start of the first node to the end of the last, exactly as written (blank lines kept). */
export function sliceOfRange(source: string, nodes: readonly Nodes[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** Soft line breaks (and the indentation after them) as single spaces: a paragraph on one line. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t>]*/g, ' ').trim();
}

/**
 * Remove `indent` columns of leading spaces from every line but the first: the content of a list item (or
 * other container) without the container's indentation, so it reads the same outside it.
 */
export function dedentContinuation(text: string, indent: number): string {
  if (indent <= 0) return text;
  const [first = '', ...rest] = text.split('\n');
  const pattern = new RegExp(`^ {0,${indent}}`);
  return [first, ...rest.map((line) => line.replace(pattern, ''))].join('\n');
}

/** 0-based column of an offset in its line. */
export function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}
