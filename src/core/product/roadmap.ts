import slugify from '@sindresorhus/slugify';
import type { ListItem, PhrasingContent } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { setTaskBox } from '../markdown/set-task-box.js';
import { EFFORTS } from './estimate-effort.js';
import { splitFeature } from './split-feature.js';

/** A line of roadmap.md: `1. [ ] Title — description \`S\``, as found in the syntax tree. */
export interface RoadmapItem {
  /** The number as written before the item (`3.` → 3). */
  number: number;
  /** Plain text. */
  title: string;
  /** Markdown as written, on one line; empty when the line has none. */
  description: string;
  /** `XS`…`XL` when the line ends with one in backticks. */
  effort?: string;
  checked: boolean;
  /** 0-based offset of the box's marker character (between the brackets), for `setTaskBox`. */
  markerOffset: number;
  /** 1-based. */
  line: number;
}

/** Where a list item's content starts: after its number, the `.` or `)`, and the spaces. */
function contentStart(source: string, item: ListItem): { at: number; number: number } | undefined {
  const start = item.position?.start.offset;
  if (start === undefined) return undefined;
  let at = start;
  while (/[0-9]/.test(source[at] ?? '')) at += 1;
  if (at === start || (source[at] !== '.' && source[at] !== ')')) return undefined;
  const number = Number(source.slice(start, at));
  at += 1;
  while (source[at] === ' ' || source[at] === '\t') at += 1;
  return { at, number };
}

/** The effort in backticks at the end of an item (`` `M` ``), and the nodes before it. */
function splitEffort(nodes: readonly PhrasingContent[]): { nodes: PhrasingContent[]; effort?: string } {
  let end = nodes.length;
  while (end > 0 && nodes[end - 1]?.type === 'text' && (nodes[end - 1] as { value: string }).value.trim() === '')
    end -= 1;
  const last = nodes[end - 1];
  const value = last?.type === 'inlineCode' ? last.value.trim().toUpperCase() : undefined;
  if (value === undefined || !(EFFORTS as readonly string[]).includes(value)) return { nodes: nodes.slice(0, end) };
  const before = nodes.slice(0, end - 1);
  // The space before the effort belongs to neither the title nor the description.
  const tail = before[before.length - 1];
  if (tail?.type === 'text' && tail.value.trim() === '') before.pop();
  return { nodes: before, effort: value };
}

/**
 * The items of roadmap.md: the task-list items (`[ ]`/`[x]`, as the syntax tree sees them) of its ordered lists at
 * the top level. Tolerant of hand edits: no effort, `-` or `:` instead of `—`, bold titles; bullets, nested lists,
 * and anything in code blocks or HTML comments are not items.
 */
export function parseRoadmap(source: string): RoadmapItem[] {
  // The parser drops a byte-order mark: read the text after it, and count it back into the offsets.
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  const text = source.slice(bom);
  const items: RoadmapItem[] = [];
  for (const node of parseMarkdown(text).children) {
    if (node.type !== 'list' || node.ordered !== true) continue;
    for (const item of node.children) {
      const [paragraph] = item.children;
      if (typeof item.checked !== 'boolean' || paragraph?.type !== 'paragraph') continue;
      const start = contentStart(text, item);
      if (start === undefined || text[start.at] !== '[' || text[start.at + 2] !== ']') continue;
      const { nodes, effort } = splitEffort(paragraph.children);
      const { title, description } = splitFeature(text, nodes);
      const read: RoadmapItem = {
        number: start.number,
        title,
        description,
        checked: item.checked,
        markerOffset: bom + start.at + 1,
        line: item.position?.start.line ?? 1,
      };
      if (effort !== undefined) read.effort = effort;
      items.push(read);
    }
  }
  return items;
}

/** Words that say nothing about which feature a title is about. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'for',
  'in',
  'on',
  'with',
  'by',
  'as',
  'at',
  'from',
  'into',
  'via',
  'is',
  'are',
  'be',
  'it',
  'its',
  'this',
  'that',
  'our',
  'their',
  'your',
  'we',
  'can',
  'should',
  'will',
  'add',
  'adds',
  'adding',
  'implement',
  'implementing',
  'build',
  'create',
  'make',
  'allow',
  'enable',
  'introduce',
  'new',
  'feat',
  'feature',
  'spec',
  'roadmap',
  'item',
  'epic',
  'mvp',
  'v1',
]);

/** `invites` → `invite`, `stories` → `story`: enough stemming to match a title's singular and plural. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A title's words that say what it is about, normalised (slugified, stemmed), in order. */
function significantWords(title: string): string[] {
  return slugify(title, { lowercase: true, decamelize: false, separator: '-' })
    .split('-')
    .filter((w) => w !== '' && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map((w) => stem(w));
}

/** Whether `part` appears in `whole` as a run of consecutive words. */
function containsRun(whole: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i += 1) if (part.every((w, j) => whole[i + j] === w)) return true;
  return false;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  const shared = [...left].filter((w) => right.has(w)).length;
  return shared / (left.size + right.size - shared);
}

/** Smallest Jaccard similarity of significant words for two titles to match when neither contains the other. */
export const MIN_WORD_OVERLAP = 0.6;

/** How well a roadmap item's title matches an issue title: 3 same words, 2–3 one contains the other, 1–2 overlap. */
function matchScore(itemTitle: string, issueWords: readonly string[]): number | undefined {
  const itemWords = significantWords(itemTitle);
  if (itemWords.length === 0 || issueWords.length === 0) return undefined;
  if (itemWords.length === issueWords.length && containsRun(issueWords, itemWords)) return 3;
  if (containsRun(issueWords, itemWords) || containsRun(itemWords, issueWords)) {
    return 2 + Math.min(itemWords.length, issueWords.length) / Math.max(itemWords.length, issueWords.length);
  }
  const overlap = jaccard(itemWords, issueWords);
  return overlap >= MIN_WORD_OVERLAP ? 1 + overlap : undefined;
}

/**
 * The roadmap item an issue is about, by its title's words (slugified, stemmed, stop-words left out): the same
 * words, or one title's words found in a row in the other's (`Team invites` in "Add team invites by email"), or an
 * overlap of at least 60% (Jaccard). The best match wins; a tie goes to the lowest number. Titles made only of
 * stop-words match nothing.
 */
export function findRoadmapItem(items: readonly RoadmapItem[], issueTitle: string): RoadmapItem | undefined {
  const issueWords = significantWords(issueTitle);
  let best: { item: RoadmapItem; score: number } | undefined;
  for (const item of items) {
    const score = matchScore(item.title, issueWords);
    if (score === undefined) continue;
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score &&
        (item.number < best.item.number || (item.number === best.item.number && item.line < best.item.line)))
    ) {
      best = { item, score };
    }
  }
  return best?.item;
}

/** Tick a roadmap item's box: one character of `source` changes (none if it is ticked already or is not a box any more). */
export function tickRoadmapItem(source: string, item: RoadmapItem): { text: string; changed: boolean } {
  const result = setTaskBox(source, item.markerOffset, true);
  return result.ok ? { text: result.text, changed: result.changed } : { text: source, changed: false };
}
