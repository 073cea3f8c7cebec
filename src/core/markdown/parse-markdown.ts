import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** GFM, plus YAML/TOML front matter (Spec Kit's task files open with one) read as metadata, not as text. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** Parse GitHub-flavoured markdown to an mdast tree. Total: any string gives a tree. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}
