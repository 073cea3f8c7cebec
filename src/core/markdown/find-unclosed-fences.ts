import type { Nodes, Root } from 'mdast';
import { lineFinder } from './node-text.js';

export interface UnclosedFence {
  /** 1-based line of the opening fence. */
  line: number;
  fence: string;
}

/**
 * Fenced code blocks that run to the end of the document without a closing fence. Everything after such a
 * fence is code, so task boxes there are not tasks: worth telling the author.
 */
export function findUnclosedFences(tree: Root, source: string): UnclosedFence[] {
  const found: UnclosedFence[] = [];
  let contentEnd: number | undefined;
  let lineAt: ((offset: number) => number) | undefined;
  // Walked with a stack of its own: no nesting depth can overflow the call stack.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'code' && node.position) {
      const { start, end } = node.position;
      const raw = source.slice(start.offset, end.offset);
      // A fence inside a list item or quote ends with its container; only one that runs to the end swallows the rest.
      contentEnd ??= source.trimEnd().length;
      const runsToEnd = end.offset !== undefined && end.offset >= contentEnd;
      const fence = runsToEnd ? unclosedFenceOf(raw) : undefined;
      if (fence !== undefined) {
        // Lines as git counts them (by `\n`), not as the parser does (which also ends one at a lone `\r`).
        lineAt ??= lineFinder(source);
        found.push({ line: start.offset === undefined ? start.line : lineAt(start.offset), fence });
      }
      continue;
    }
    // Code blocks are flow content: never inside the phrasing of a paragraph, heading or table (most of the tree).
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child) stack.push(child);
      }
    }
  }
  return found;
}

/** The opening fence of a code block's source (from its start to its end) when no closing fence ends it. */
export function unclosedFenceOf(raw: string): string | undefined {
  const opening = /^[ \t>]*(`{3,}|~{3,})/.exec(raw);
  if (!opening) return undefined;
  const fence = opening[1] ?? '';
  // Lines end as the parser ends them: at `\r\n`, `\n` or a lone `\r`.
  const lines = raw.split(/\r\n?|\n/);
  const last = (lines.length > 1 ? lines[lines.length - 1] : '') ?? '';
  const closer = last.replace(/^[ \t>]*/, '').trimEnd();
  const closed = lines.length > 1 && closer.length >= fence.length && closer === (fence[0] ?? '').repeat(closer.length);
  return closed ? undefined : fence;
}
