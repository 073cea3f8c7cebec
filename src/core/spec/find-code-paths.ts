import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/parse-markdown.js';

/** Something that reads as a file or folder path: `src/app/x.ts`, `app/models/`, `Modal.tsx`. */
const PATH =
  /(?:^|[\s(])((?:\.{0,2}\/)?(?:[\w@.-]+\/)+[\w@.-]*|[\w@-]+\.(?:[jt]sx?|mjs|cjs|rb|py|go|rs|java|kt|swift|php|cs|vue|svelte|css|scss|html|sql|ya?ml|json|md))(?=$|[\s),.;:])/g;

/**
 * Code paths named in an answer: inline code that looks like a path, link targets into the repository, and
 * path-like words in the text. In order, without repeats.
 */
export function findCodePaths(markdown: string): string[] {
  const found: string[] = [];
  const add = (path: string): void => {
    const clean = path.trim().replace(/[.,;:]+$/, '');
    if (clean !== '' && !clean.includes('://') && !found.includes(clean)) found.push(clean);
  };
  visit(parseMarkdown(markdown), (node: Nodes) => {
    if (node.type === 'inlineCode' || node.type === 'text') {
      for (const match of ` ${node.value}`.matchAll(PATH)) if (match[1]) add(match[1]);
    } else if (node.type === 'link' && !/^[a-z]+:/i.test(node.url)) {
      add(node.url);
    }
  });
  return found;
}
