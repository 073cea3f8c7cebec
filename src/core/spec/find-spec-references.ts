import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/parse-markdown.js';

export interface SpecReference {
  /** As written after `Spec:`. */
  written: string;
  /** The task file it points at: the path itself if it names a `.md` file, else `<folder>/tasks.md`. */
  taskFile: string;
}

/** A repository-relative path with no `..`, no empty segment and no scheme; `undefined` if it is not one. */
export function normaliseRepoPath(written: string): string | undefined {
  const trimmed = written
    .trim()
    .replace(/^[`'"]+|[`'"]+$/g, '')
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  if (trimmed === '' || trimmed.includes('://') || trimmed.includes('\\')) return undefined;
  const segments = trimmed.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return trimmed;
}

/** A paragraph's text without inline HTML (a template's `<!-- … -->` hint is not part of a path). */
function textWithoutHtml(paragraph: Paragraph): string {
  return paragraph.children.map((child) => (child.type === 'html' ? '' : toString(child))).join('');
}

/**
 * Find the spec folders a pull request description names, one per line, as `Spec: <path>` (the path may be in
 * backticks or be a link's text). Lines inside code blocks and HTML comments do not count.
 */
export function findSpecReferences(body: string | null | undefined): SpecReference[] {
  if (!body) return [];
  const found: SpecReference[] = [];
  const seen = new Set<string>();
  visit(parseMarkdown(body), 'paragraph', (node) => {
    for (const line of textWithoutHtml(node).split(/\r?\n/)) {
      const match = /^\s*spec\s*:\s*(\S+)/i.exec(line);
      const path = match?.[1] === undefined ? undefined : normaliseRepoPath(match[1]);
      if (path === undefined) continue;
      const taskFile = path.toLowerCase().endsWith('.md') ? path : `${path}/tasks.md`;
      if (seen.has(taskFile)) continue;
      seen.add(taskFile);
      found.push({ written: path, taskFile });
    }
    return SKIP;
  });
  return found;
}
