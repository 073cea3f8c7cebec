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
