import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * `**Users**` or `**Describe the solution:**` alone in a paragraph: a heading in all but name (issue templates and
 * product notes written by hand use them). Read by the issue's and the product notes' section parsers alike. A
 * plain boolean, not a type guard: a paragraph that is not one is still a paragraph.
 */
export function isPseudoHeading(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong') return false;
  const trailing = rest
    .map((c) => toString(c))
    .join('')
    .trim();
  return trailing === '' || trailing === ':';
}
