import type { Nodes, PhrasingContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';

/**
 * How we write markdown, in one place: `-` bullets, `_emphasis_`, `**strong**`, ``` fences, one space after a
 * list marker, GFM tables and task items. Chosen to match what the App wrote before it wrote through trees.
 */
export const MARKDOWN_WRITER: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  extensions: [gfmToMarkdown()],
};

/** A markdown tree (a document, a block, a list, …) as markdown text, ending in one newline. */
export function writeMarkdown(tree: Nodes, options: Options = MARKDOWN_WRITER): string {
  return toMarkdown(tree, options);
}

/** Inline content as it would be written in a paragraph of its own, without the paragraph's newline. */
export function writeInline(children: PhrasingContent[], options: Options = MARKDOWN_WRITER): string {
  return writeMarkdown({ type: 'paragraph', children }, options).replace(/\n$/, '');
}

/** Whether a list or item ends with a block written as is (an html node: someone's code block, table or text). */
function endsWithBlock(node: Nodes | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === 'html') return true;
  return node.type === 'list' || node.type === 'listItem'
    ? endsWithBlock(node.children[node.children.length - 1])
    : false;
}

/**
 * The writer for documents whose list items hold blocks as written (a requirement's code or table, an answer of
 * several paragraphs): a blank line around each such block in an item and after an item ending with one; the rest
 * of a list stays tight.
 */
export const BLOCKS_IN_ITEMS_WRITER: Options = {
  ...MARKDOWN_WRITER,
  join: [
    (left, right, parent) => {
      if (parent.type === 'listItem' && (left.type === 'html' || right.type === 'html')) return 1;
      return parent.type === 'list' && endsWithBlock(left) ? 1 : undefined;
    },
  ],
};
