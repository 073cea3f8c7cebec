import type { Root } from 'mdast';
import { findUnclosedFences } from './find-unclosed-fences.js';
import { parseMarkdown } from './parse-markdown.js';

/** HTML blocks that run to the end of the document unless closed (CommonMark HTML blocks 1–5). */
const OPEN_ENDED_HTML: ReadonlyArray<{ open: RegExp; closed: (value: string) => boolean }> = [
  { open: /^<!--/, closed: (v) => v.includes('-->') },
  // Ends only at a closing tag of one of these four, whichever opened it (CommonMark's HTML block 1).
  { open: /^<(pre|script|style|textarea)\b/i, closed: (v) => /<\/(pre|script|style|textarea)>/i.test(v) },
  { open: /^<\?/, closed: (v) => v.includes('?>') },
  { open: /^<![A-Za-z]/, closed: (v) => v.includes('>') },
  { open: /^<!\[CDATA\[/, closed: (v) => v.includes(']]>') },
];

/** A code fence longer than any run of backticks in the text. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/**
 * Markdown written by a person, made safe to place inside a document we write: as written, except that a
 * code fence left open is closed (it would swallow the rest of the document) and copies of our hidden markers are
 * disarmed. Text that would still run on (an unclosed HTML comment or `<pre>`) is shown as a code block instead,
 * every character kept. `parsed`, when given, is the tree of `text` (parsed once by the caller).
 */
export function embedVerbatim(text: string, parsed?: Root): string {
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  // Our own hidden markers in someone's text are theirs, not ours: disarm them so they cannot end a section early.
  const source = trimmed.replace(/<!--(\s*)(\/?)agent-os-github:/g, '<!--$1$2quoted agent-os-github:');
  if (source === '') return source;
  // The caller's tree of `text` serves when disarming changed nothing: trailing white space adds no node, and
  // what follows reads only the last node and code blocks that run to the end of the text.
  const tree = parsed !== undefined && source === trimmed && !text.includes('\r') ? parsed : parseMarkdown(source);
  const last = tree.children[tree.children.length - 1];
  if (last?.type === 'html') {
    const value = last.value.trimStart();
    const rule = OPEN_ENDED_HTML.find((r) => r.open.test(value));
    if (rule && !rule.closed(value)) {
      const fence = fenceFor(source);
      return `${fence}markdown\n${source}\n${fence}`;
    }
  }
  const unclosed = findUnclosedFences(tree, source);
  const open = unclosed[unclosed.length - 1];
  return open === undefined ? source : `${source}\n${open.fence}`;
}
