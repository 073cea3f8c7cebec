import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/parse-markdown.js';

/**
 * An issue kept as a markdown file: its first `# Heading` (if the file opens with one) is the title and the rest
 * is the body. Without such a heading the whole file is the body and the title is `undefined`.
 */
export function splitIssueFile(markdown: string): { title: string | undefined; body: string } {
  const source = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = parseMarkdown(source).children.find((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  if (first?.type !== 'heading' || first.depth !== 1) return { title: undefined, body: source };
  const end = first.position?.end.offset ?? 0;
  return { title: toString(first).trim(), body: source.slice(end).replace(/^\n+/, '') };
}
