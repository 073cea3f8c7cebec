import type Token from 'markdown-it/lib/token.mjs';
import type { Segment } from './scan-task-items.js';

/**
 * The text one inline token adds, as the syntax tree's text would read (`nodeText`): text, code and raw HTML as
 * written, a soft line break as a line ending, a hard break as nothing, an image as its alt text.
 */
function ownText(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'text_special':
    case 'code_inline':
    case 'html_inline':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'image':
      return inlineText(token.children ?? []);
    default:
      return '';
  }
}

/** The text of inline tokens (a heading's, a paragraph's), as `nodeText` gives that of the tree's nodes. */
export function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) text += ownText(token);
  return text;
}

/**
 * The inline tokens of a paragraph as the pieces `scanTaskItems` reads from the syntax tree's children: a run of
 * text (soft line breaks included) is one piece, as the tree has one text node for it; a hard break, inline code
 * or raw HTML is one; so is each span (emphasis, link, strikethrough), read as its whole text and struck through
 * when it is a strikethrough.
 */
export function inlineSegments(tokens: readonly Token[]): Segment[] {
  const segments: Segment[] = [];
  let text: Segment | undefined;
  let span: Segment | undefined;
  let depth = 0;
  for (const token of tokens) {
    if (depth > 0) {
      depth += token.nesting;
      if (span && depth > 0) span.text += ownText(token);
      else if (span) segments.push(span);
      continue;
    }
    if (token.nesting === 1) {
      text = undefined;
      depth = 1;
      span = { text: '', struck: token.type === 's_open' };
    } else if (token.type === 'text' || token.type === 'text_special' || token.type === 'softbreak') {
      if (text) {
        text.text += ownText(token);
      } else {
        text = { text: ownText(token), struck: false };
        segments.push(text);
      }
    } else {
      text = undefined;
      segments.push({
        text: ownText(token),
        struck: false,
        ...(token.type === 'code_inline' ? { code: true as const } : {}),
      });
    }
  }
  return segments;
}
