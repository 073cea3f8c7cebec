import type { Blockquote, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import { columnOf, dedentContinuation, sliceOfRange } from '../markdown/source-slice.js';
import type { ClarifyingQuestion } from './clarifying-question.js';

/** One answer found in a comment, verbatim. */
export interface ParsedAnswer {
  number: number;
  /** The answer as written, without its number marker (`1.`, `1)`, `Q1:`), container indentation removed. */
  text: string;
  /** Empty, or vague enough to need a follow-up. */
  unclear: boolean;
  images: string[];
  links: string[];
}

/** Whole answers that say nothing yet. */
const VAGUE =
  /^(not sure|unsure|no idea|idk|i don'?t know|don'?t know|dunno|maybe|perhaps|possibly|tbd|tbc|to be (decided|determined|confirmed)|depends|it depends|unclear|not decided( yet)?|undecided|good question|hmm+|\?+|-+|n\/?a\?)\b/i;
/** Longer answers that start with "not sure" go on to say something. */
const MAX_VAGUE_WORDS = 20;

/** Empty, or a short answer that is mostly hedging ("not sure", "maybe?", "tbd", "depends"). */
export function isUnclearAnswer(text: string): boolean {
  const plain = plainText(text).replace(/\s+/g, ' ').trim();
  if (plain === '' || /^\?+$/.test(plain)) return true;
  const words = plain.split(' ').length;
  return words <= MAX_VAGUE_WORDS && VAGUE.test(plain.replace(/^[^a-z0-9?-]+/i, ''));
}

/** `Q1:` / `**Q1:**` / `A1:` / `Q1.` / `Q 1)` at the start of a paragraph: the label and how long it is. */
function readLabel(source: string, paragraph: Paragraph): { number: number; end: number } | undefined {
  const start = paragraph.position?.start.offset;
  if (start === undefined) return undefined;
  const head = source.slice(start, start + 24);
  const match = /^(?:\*\*|__)?\s*(?:Q|A|Question|Answer)\s?(\d{1,3})\s*(?:\*\*|__)?\s*[:.)]\s*(?:\*\*|__)?[ \t]*/i.exec(
    head,
  );
  if (!match?.[1]) return undefined;
  return { number: Number(match[1]), end: start + match[0].length };
}

/** The number written before an ordered item (`3.` or `3)`), read from the source at the item's start. */
function itemNumber(source: string, item: ListItem): number | undefined {
  const start = item.position?.start.offset;
  if (start === undefined) return undefined;
  const match = /^(\d{1,3})[.)]/.exec(source.slice(start, start + 5));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** An ordered item's own content, as written, with the list's indentation removed. */
function itemText(source: string, item: ListItem): string {
  if (item.children.length === 0) return '';
  const first = item.children[0]?.position?.start.offset;
  const text = sliceOfRange(source, item.children);
  return first === undefined ? text : dedentContinuation(text, columnOf(source, first)).trim();
}

/** Quoted requests for code to reuse or for visuals, in people's own words. */
const REUSE_WORDS = /\b(reuse|re-use|existing (code|features?|components?)|code to)\b/i;
const VISUAL_WORDS = /\b(visual|mock-?ups?|wireframes?|screenshots?|designs?|sketch)/i;

/** The questions a quote refers to: its numbered items, a leading `1.`/`Q1`, the text of one of ours, or its topic. */
function quotedNumbers(source: string, quote: Blockquote, questions: readonly ClarifyingQuestion[]): number[] {
  const numbers: number[] = [];
  for (const child of quote.children) {
    if (child.type === 'list' && child.ordered) {
      for (const item of child.children) {
        const n = itemNumber(source, item);
        if (n !== undefined) numbers.push(n);
      }
    } else if (child.type === 'paragraph') {
      const label = readLabel(source, child);
      const leading = /^\s*(\d{1,3})[.)]\s/.exec(toString(child));
      if (label) numbers.push(label.number);
      else if (leading?.[1]) numbers.push(Number(leading[1]));
    }
  }
  if (numbers.length > 0) return numbers;
  const quoted = toString(quote).replace(/\s+/g, ' ').trim().toLowerCase();
  if (quoted.length < 8) return [];
  const match = questions.find((q) => {
    const asked = plainText(q.text).replace(/\s+/g, ' ').toLowerCase();
    return asked.includes(quoted) || quoted.includes(asked);
  });
  if (match) return [match.number];
  const topic = REUSE_WORDS.test(quoted) ? 'reuse' : VISUAL_WORDS.test(quoted) ? 'visuals' : undefined;
  const standing = topic === undefined ? undefined : questions.find((q) => q.topic === topic);
  return standing ? [standing.number] : [];
}

function mediaOf(nodes: readonly Nodes[]): { images: string[]; links: string[] } {
  const images: string[] = [];
  const links: string[] = [];
  for (const root of nodes) {
    visit(root, (node: Nodes) => {
      if (node.type === 'image') images.push(node.url);
      else if (node.type === 'link') links.push(node.url);
      else if (node.type === 'html' && !node.value.trimStart().startsWith('<!--')) {
        for (const match of node.value.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi))
          if (match[1]) images.push(match[1]);
      }
    });
  }
  return { images, links };
}

/** Everything found in a reply to the clarifying questions. */
export interface ParsedReply {
  answers: ParsedAnswer[];
  /** What the reply says after its first answer that answers no question, as written (kept, never dropped). */
  notes: string;
  /** Every image and link address in the reply (answers and notes). */
  images: string[];
  links: string[];
}

interface Open {
  number: number;
  /** Where the answer's text starts in the source. */
  from: number;
  nodes: RootContent[];
}

/**
 * Find the answers in a reply to the clarifying questions: numbered items (`1. …`, `1) …`), labelled
 * paragraphs (`Q1: …`, `**Q1:** …`), or quoted questions (`> 1. I assume …`) followed by the answer. Only
 * numbers of questions that were asked count; a later answer to the same number wins. Nothing in code blocks or
 * HTML comments is read as an answer. What follows the first answer but answers nothing is kept as notes.
 */
export function parseReply(body: string, questions: readonly ClarifyingQuestion[]): ParsedReply {
  const source = body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const asked = new Set(questions.map((q) => q.number));
  const found = new Map<number, ParsedAnswer>();
  const notes: RootContent[] = [];
  const record = (number: number, text: string, nodes: readonly Nodes[]): void => {
    if (!asked.has(number)) return;
    const trimmed = text.trim();
    found.set(number, { number, text: trimmed, unclear: isUnclearAnswer(trimmed), ...mediaOf(nodes) });
  };
  let open: Open | undefined;
  const close = (): void => {
    if (open === undefined) return;
    const last = open.nodes[open.nodes.length - 1];
    const end = last?.position?.end.offset ?? open.from;
    record(open.number, source.slice(open.from, Math.max(end, open.from)), open.nodes);
    open = undefined;
  };
  const tree = parseMarkdown(source);

  for (const node of tree.children) {
    if (node.type === 'heading' || node.type === 'thematicBreak') {
      close();
    } else if (node.type === 'blockquote') {
      close();
      const numbers = quotedNumbers(source, node, questions);
      const number = numbers[numbers.length - 1];
      // A quote of something else ends the answer before it; what follows it answers nothing we asked.
      if (number !== undefined) open = { number, from: node.position?.end.offset ?? 0, nodes: [] };
    } else if (node.type === 'paragraph' && readLabel(source, node)) {
      close();
      const label = readLabel(source, node);
      // A label of a question nobody asked (`Q9:` of 7) is the person's own text: kept as a note.
      if (label && asked.has(label.number)) open = { number: label.number, from: label.end, nodes: [node] };
      else notes.push(node);
    } else if (open && !(node.type === 'list' && startsNewAnswers(source, node, open.number, asked, found))) {
      // An answer's own blocks: paragraphs, code, images, and lists (numbered steps too).
      if (open.nodes.length === 0) open.from = node.position?.start.offset ?? open.from;
      open.nodes.push(node);
    } else if (node.type === 'list' && node.ordered) {
      close();
      answersFromList(source, node, record);
    } else if (node.type === 'paragraph' && answersFromParagraphLines(source, node, record)) {
      // numbered lines that could not start a list
    } else if (found.size > 0 || isLeadInNote(node)) {
      notes.push(node);
    }
  }
  close();
  const media = mediaOf(tree.children);
  return {
    answers: [...found.values()].sort((a, b) => a.number - b.number),
    notes: notes
      .map((n) => sliceOfRange(source, [n]))
      .join('\n\n')
      .trim(),
    images: media.images,
    links: media.links,
  };
}

/** The answers in a reply (see `parseReply`). */
export function parseAnswers(body: string, questions: readonly ClarifyingQuestion[]): ParsedAnswer[] {
  return parseReply(body, questions).answers;
}

/**
 * A numbered list after an answer starts new answers when it goes on with another question (`3)` after `Q2:`);
 * a list from 1 is the answer's own steps.
 */
function startsNewAnswers(
  source: string,
  list: List,
  openNumber: number,
  asked: ReadonlySet<number>,
  found: ReadonlyMap<number, unknown>,
): boolean {
  const first = list.children[0];
  if (!list.ordered || first === undefined) return false;
  const number = itemNumber(source, first);
  if (number === undefined || !asked.has(number) || number === openNumber) return false;
  return number > openNumber || (number !== 1 && !found.has(number));
}

/** Text before the first answer is kept unless it only introduces the answers ("Answers below:", "Thanks!"). */
function isLeadInNote(node: RootContent): boolean {
  if (node.type !== 'paragraph') return node.type === 'list' || node.type === 'code' || node.type === 'table';
  const text = toString(node).trim();
  return !text.endsWith(':') && text.split(/\s+/).length > 4;
}

function answersFromList(
  source: string,
  list: List,
  record: (n: number, text: string, nodes: readonly Nodes[]) => void,
): void {
  for (const item of list.children) {
    const number = itemNumber(source, item);
    if (number !== undefined) record(number, itemText(source, item), item.children);
  }
}

/**
 * A numbered line that cannot start a list (`2.` right after a paragraph line: only `1.` may interrupt one)
 * stays in the paragraph's text; read such lines as numbered answers too.
 */
function answersFromParagraphLines(
  source: string,
  paragraph: Paragraph,
  record: (n: number, text: string, nodes: readonly Nodes[]) => void,
): boolean {
  const lines = sliceOfRange(source, [paragraph]).split('\n');
  let current: { number: number; lines: string[] } | undefined;
  let any = false;
  const flush = (): void => {
    if (current) record(current.number, current.lines.join('\n'), []);
  };
  for (const line of lines) {
    const match = /^\s{0,3}(\d{1,3})[.)](?:[ \t]+|$)(.*)$/.exec(line);
    if (match?.[1] !== undefined) {
      any = true;
      flush();
      current = { number: Number(match[1]), lines: [match[2] ?? ''] };
    } else if (current) {
      current.lines.push(line.trim());
    }
  }
  flush();
  return any;
}
