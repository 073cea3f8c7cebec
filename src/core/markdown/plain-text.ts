import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse-markdown.js';

/** What a reader sees of a node already parsed: its text without markup, code blocks or HTML (not trimmed). */
export function textOf(node: Nodes): string {
  if (node.type === 'html' || node.type === 'code' || node.type === 'yaml') return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (!('children' in node)) return '';
  const blocks = node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote';
  return node.children.map((child) => textOf(child)).join(blocks ? '\n' : '');
}

/** What a reader sees of some markdown: its text without markup, code blocks or HTML comments. */
export function plainText(markdown: string): string {
  return textOf(parseMarkdown(markdown)).trim();
}
