import type { Nodes, Root } from 'mdast';

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
  const visit = (node: Nodes): void => {
    if (node.type === 'code' && node.position) {
      const { start, end } = node.position;
      const raw = source.slice(start.offset, end.offset);
      const opening = /^[ \t>]*(`{3,}|~{3,})/.exec(raw);
      // A fence inside a list item or quote ends with its container; only one that runs to the end swallows the rest.
      contentEnd ??= source.trimEnd().length;
      const runsToEnd = end.offset !== undefined && end.offset >= contentEnd;
      if (opening && runsToEnd) {
        const fence = opening[1] ?? '';
        const lines = raw.split(/\r?\n/);
        const last = (lines.length > 1 ? lines[lines.length - 1] : '') ?? '';
        const closer = last.replace(/^[ \t>]*/, '').trimEnd();
        const closed = lines.length > 1 && closer.length >= fence.length && closer === (fence[0] ?? "").repeat(closer.length);
        if (!closed) found.push({ line: start.line, fence });
      }
      return;
    }
    // Code blocks are flow content: never inside the phrasing of a paragraph, heading or table (most of the tree).
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
      for (const child of node.children) visit(child);
    }
  };
  visit(tree);
  return found;
}
