import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parse GitHub-flavoured markdown to an mdast tree. Total: any string gives a tree. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}
