import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/parse-markdown.js';

/**
 * The words a reader reads in some markdown, for deciding what an issue is about: no code (fenced or inline), no
 * HTML, no images, and no addresses (a link keeps its text unless the text is the address itself). A word inside
 * a URL, a code sample or an image link never decides anything.
 */
export function proseOf(markdown: string): string {
  return proseOfTree(parseMarkdown(markdown));
}

/** `proseOf` for markdown already parsed: the tree's words, without a second parse. */
export function proseOfTree(tree: Nodes): string {
  const out: string[] = [];
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node } = stack.pop() as { node: Nodes; depth: number };
    if (
      node.type === 'code' ||
      node.type === 'inlineCode' ||
      node.type === 'html' ||
      node.type === 'image' ||
      node.type === 'imageReference'
    )
      continue;
    if (node.type === 'link' && (toString(node) === node.url || /^(https?:\/\/|www\.)/i.test(toString(node)))) continue;
    if (node.type === 'text') out.push(node.value);
    else if (node.type === 'break' || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
      out.push('\n');
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push({ node: node.children[i] as Nodes, depth: 0 });
  }
  return out.join('').replace(/[ \t]+/g, ' ');
}

/** Inline code of some markdown (for signals only code can carry, such as a command-line flag). */
export function inlineCodeOf(markdown: string): string[] {
  return inlineCodeOfTree(parseMarkdown(markdown));
}

/** `inlineCodeOf` for markdown already parsed. */
export function inlineCodeOfTree(tree: Nodes): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'inlineCode') found.push(node.value);
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return found.reverse();
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|esp|resp|a\.k\.a|fig|no|nr|mr|mrs|ms|dr|st|jr|sr|z\.b|d\.h|bzw|ca|p\.ex|ex)\.$/i;

/**
 * Split text into sentences, as a reader would: at `.`, `!`, `?` (and `。！？`) followed by a space and a capital,
 * a digit, a quote or an opening bracket, or at a line break. "e.g.", "i.e.", version numbers (`v1.2.3`), file
 * names and addresses (`example.com/a.b`) never split, and nothing inside backticks, brackets or parentheses does.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let depth = 0;
  let inCode = false;
  const push = (end: number): void => {
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '`') inCode = !inCode;
    if (inCode) continue;
    if (c === '(' || c === '[') depth += 1;
    else if ((c === ')' || c === ']') && depth > 0) depth -= 1;
    if (c === '\n') {
      push(i + 1);
      continue;
    }
    if (depth > 0) continue;
    if (c === '。' || c === '！' || c === '？') {
      push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < text.length && /[.!?)"'”’*_]/.test(text[end] as string)) end += 1;
    const next = text.slice(end, end + 2);
    if (!/^\s+\S|^\s$/.test(next) && end < text.length) continue;
    const after = text.slice(end).trimStart()[0] ?? '';
    if (after !== '' && !/[\p{Lu}\p{Lo}\d"'“‘([*_`~#@]/u.test(after)) continue;
    if (c === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 12), i + 1))) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return sentences;
}
