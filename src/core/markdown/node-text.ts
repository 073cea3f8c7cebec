import type { Nodes } from 'mdast';

/**
 * The text of a node and everything in it, as `mdast-util-to-string` gives it (values, image alt texts), without
 * recursion: a document nested thousands of levels deep (`> > > …`, `- - - …`) cannot exhaust the stack.
 */
export function nodeText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if ('value' in current && typeof current.value === 'string') {
      parts.push(current.value);
    } else if ((current.type === 'image' || current.type === 'imageReference') && current.alt) {
      parts.push(current.alt);
    } else if ('children' in current) {
      for (let i = current.children.length - 1; i >= 0; i -= 1) {
        const child = current.children[i];
        if (child) stack.push(child);
      }
    }
  }
  return parts.join('');
}

/**
 * 1-based line of an offset as git and GitHub count lines: by `\n` only. micromark also ends a line at a lone `\r`
 * (old Mac line endings, or a stray one), which would move every later line number off its task.
 */
export function lineFinder(source: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) newlines.push(at);
  return lineFinderOver(newlines);
}

/** `lineFinder` over the offsets of a text's `\n`s, already found (ascending). */
export function lineFinderOver(newlines: readonly number[]): (offset: number) => number {
  return (offset) => {
    // Number of `\n` before `offset`, by binary search.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((newlines[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}
