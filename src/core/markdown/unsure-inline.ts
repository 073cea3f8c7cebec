import type Token from 'markdown-it/lib/token.mjs';

/** Characters a GFM literal autolink (`https://…`, `www.…`, `a@b.co`) may hold that markdown-it reads as syntax. */
const SYNTAX_IN_LINK = new Set(['*', '_', '~', '`', '&', '\\', '<', '[', ']']);

/**
 * Whether GFM (micromark with remark-gfm) may read this paragraph's or heading's inline content differently from
 * markdown-it, which reads it as CommonMark plus `~~` strikethrough. Two GFM constructs differ:
 * - strikethrough with one tilde (`~a~`) and runs of three or more: a `~` left as text by markdown-it, unless in
 *   a run of exactly two (which both pair alike) or the box's own marker (`[~]`, which has no partner);
 * - literal autolinks: a text with `://`, `www.` or `@` whose word (up to white space) also holds a character
 *   markdown-it treats as syntax (`a_b@c.io`, `https://x.org/*a*`), which inside a literal autolink is text.
 * Either sends the document to the syntax tree; plain URLs, mentions and `~~struck~~` text do not.
 */
export function unsureInline(tokens: readonly Token[], content: string): boolean {
  // Tokens with children (images) are rare: their children are read after the top level, in no particular order.
  let nested: Token[] | undefined;
  let mayLink = false;
  for (let i = 0; i < tokens.length || (nested !== undefined && nested.length > 0); i += 1) {
    const token = i < tokens.length ? tokens[i] : nested?.pop();
    if (token === undefined) continue;
    if (token.children) (nested ??= []).push(...token.children);
    if (token.type !== 'text' && token.type !== 'text_special') continue;
    const text = token.content;
    if (text.includes('~') && strayTilde(text, token === tokens[0] && content.startsWith('[~]'))) return true;
    if (!mayLink && (text.includes('://') || text.includes('@') || mayHoldWww(text))) mayLink = true;
  }
  return mayLink && linkHoldsSyntax(content);
}

/** Whether `text` holds `www.` in any case, without a lower-cased copy of it. */
function mayHoldWww(text: string): boolean {
  for (let at = text.indexOf('.'); at !== -1; at = text.indexOf('.', at + 1)) {
    if (at >= 3 && text.slice(at - 3, at).toLowerCase() === 'www') return true;
  }
  return false;
}

/** A run of tildes not exactly two long (the box's own `[~]` aside). */
function strayTilde(text: string, boxFirst: boolean): boolean {
  let at = boxFirst ? 3 : 0;
  while (at < text.length) {
    if (text[at] !== '~') {
      at += 1;
      continue;
    }
    let end = at;
    while (text[end] === '~') end += 1;
    if (end - at !== 2) return true;
    at = end;
  }
  return false;
}

/** Whether a word of `content` that holds `://`, `www.` or `@` also holds a character markdown-it reads as syntax. */
function linkHoldsSyntax(content: string): boolean {
  for (const word of content.split(/\s+/)) {
    if (!word.includes('://') && !word.includes('@') && !word.toLowerCase().includes('www.')) continue;
    for (const char of word) if (SYNTAX_IN_LINK.has(char)) return true;
  }
  return false;
}
