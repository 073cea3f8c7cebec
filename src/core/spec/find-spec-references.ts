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

/** The word before the colon of a description's `Spec:` line. */
export const SPEC_LABEL = 'spec';

/**
 * Whether some line of the description's text may start with `<label>:`, known without parsing: every character
 * of a paragraph's text is a character of the source, in the same order (markup, escapes and HTML only take
 * characters away), except what a character reference (`&…;`) stands for (a line ending in a code span becomes a
 * space, a NUL U+FFFD: neither a letter nor a colon). So a source without `&` in which the label's letters and a
 * colon do not follow one another (case aside, anything between them) has no such line.
 */
function mayHoldLabel(lower: string, label: string): boolean {
  let at = 0;
  for (const character of `${label}:`) {
    at = lower.indexOf(character, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/**
 * The lines of a pull request description's paragraphs (their text without inline HTML), in order, where the
 * `Spec:` and `Implements:` lines are looked for; lines in code blocks and HTML comments are not among them. The
 * description is parsed once, and not at all when it cannot hold a line starting with one of `labels` (lower case).
 */
export function descriptionLines(body: string | null | undefined, labels: readonly string[]): string[] {
  if (!body) return [];
  const lower = body.toLowerCase();
  if (!body.includes('&') && !labels.some((label) => mayHoldLabel(lower, label))) return [];
  const lines: string[] = [];
  visit(parseMarkdown(body), 'paragraph', (node) => {
    lines.push(...textWithoutHtml(node).split(/\r?\n/));
    return SKIP;
  });
  return lines;
}

/** The spec folders named by `Spec: <path>` lines among a description's lines (see `descriptionLines`). */
export function specReferencesIn(lines: readonly string[]): SpecReference[] {
  const found: SpecReference[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const match = /^\s*spec\s*:\s*(\S+)/i.exec(line);
    const path = match?.[1] === undefined ? undefined : normaliseRepoPath(match[1]);
    if (path === undefined) continue;
    const taskFile = path.toLowerCase().endsWith('.md') ? path : `${path}/tasks.md`;
    if (seen.has(taskFile)) continue;
    seen.add(taskFile);
    found.push({ written: path, taskFile });
  }
  return found;
}

/**
 * Find the spec folders a pull request description names, one per line, as `Spec: <path>` (the path may be in
 * backticks or be a link's text). Lines inside code blocks and HTML comments do not count.
 */
export function findSpecReferences(body: string | null | undefined): SpecReference[] {
  return specReferencesIn(descriptionLines(body, [SPEC_LABEL]));
}
