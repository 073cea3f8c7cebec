import type { Heading, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { issueFromTree, type ParsedIssue } from '../issue/parse-issue.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { textOf } from '../markdown/plain-text.js';
import { columnOf, dedentContinuation, oneLine, sliceOfRange } from '../markdown/source-slice.js';
import { parseMarkedFile } from './file-marker.js';
import { inferTopic, type AnswerTopic } from './infer-topic.js';
import { toShapingState } from './shaping-state.js';
import {
  DEFAULT_STANDS,
  INITIAL_DESCRIPTION_END,
  INITIAL_DESCRIPTION_START,
  VERBATIM_END,
  VERBATIM_START,
} from './render-requirements.js';

export interface DiscussionEntry {
  number: number;
  /** The question as written (one line). */
  question: string;
  /** The answer as written; for an unanswered question, the default that stands. */
  answer: string;
  /** No answer was given: `answer` is the proposed default. */
  defaulted: boolean;
  followUpOn?: number;
  /** What the question was about: from the state the App keeps with the file, else read from the question. */
  topic: AnswerTopic;
}

export interface Bullet {
  text: string;
  depth: number;
  /** Code blocks and tables inside the item (a requirement's contract), as written, dedented. */
  blocks?: string[];
}

/** A bullet read from a document's tree, with what a reader sees of it: no second parse per bullet. */
export interface ReadBullet extends Bullet {
  /** `text` without markup (as `plainText` gives it), from the document's own tree. */
  plain: string;
}

/** requirements.md read back: what write-spec builds spec.md from, including any edits people made. */
export interface RequirementsDocument {
  title: string;
  initialDescription: string;
  /** The initial description read as an issue, from the same tree as the rest (its lines are requirements.md's). */
  description: ParsedIssue;
  discussion: DiscussionEntry[];
  /** Bullets and paragraphs by section path, e.g. `Requirements Summary/Functional Requirements`. */
  sections: Record<string, ReadBullet[]>;
  /** Each section's content as written, by the same path. */
  raw: Record<string, string>;
  /** What replies said beyond their answers, as written, with who said it. */
  notes: Array<{ author: string; text: string }>;
  /** Tables and code blocks by section path (bullets cannot hold them), as written. */
  extras: Record<string, string[]>;
}

/** Our verbatim markers around a text: the text inside. */
function unwrapVerbatim(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith(VERBATIM_START) || !trimmed.endsWith(VERBATIM_END)) return trimmed;
  return trimmed.slice(VERBATIM_START.length, -VERBATIM_END.length).trim();
}

const DISCUSSION_ROUNDS = new Set(['First Round Questions', 'Follow-up Questions']);

function headingText(node: Nodes): string {
  return oneLine(toString(node)).replace(/:\s*$/, '');
}

function isBoldLead(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'strong') return false;
  return node.children.slice(1).every((c) => toString(c).trim() === '' || toString(c).trim() === ':');
}

/** `**Q3:**` (or `**Q3:** _(follow-up on Q1)_`) at the start of a paragraph. */
function questionLabel(node: RootContent): number | undefined {
  if (node.type !== 'paragraph') return undefined;
  const first = node.children[0];
  if (first?.type !== 'strong') return undefined;
  const match = /^Q(\d+):?$/.exec(toString(first).trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function findAnswerLabel(node: Nodes): Nodes | undefined {
  if (node.type === 'strong' && toString(node).trim() === 'Answer:') return node;
  if (node.type !== 'paragraph') return undefined;
  for (const child of node.children) if (child.type === 'strong' && toString(child).trim() === 'Answer:') return child;
  return undefined;
}

/** A code block or table inside a list item, as written, without the item's indentation. */
export function blockText(source: string, node: Nodes): string {
  const start = node.position?.start.offset ?? 0;
  return dedentContinuation(sliceOfRange(source, [node]), columnOf(source, start));
}

function bulletOf(source: string, paragraph: Paragraph, depth: number): ReadBullet {
  return { text: oneLine(sliceOfRange(source, [paragraph])), plain: oneLine(textOf(paragraph).trim()), depth };
}

/** Bullets (and paragraphs) of a node, pushed to `into` as read bullets. */
export function collectBullets(source: string, node: Nodes, depth: number, into: Bullet[]): void {
  if (node.type === 'list') {
    for (const item of node.children) {
      const [first, ...rest] = item.children;
      const bullet: ReadBullet | undefined = first?.type === 'paragraph' ? bulletOf(source, first, depth) : undefined;
      if (bullet) into.push(bullet);
      for (const child of rest) {
        if (bullet && (child.type === 'code' || child.type === 'table'))
          (bullet.blocks ??= []).push(blockText(source, child));
        else collectBullets(source, child, depth + 1, into);
      }
    }
  } else if (node.type === 'paragraph') {
    const bullet = bulletOf(source, node, depth);
    if (bullet.text !== '') into.push(bullet);
  }
}

function readDiscussion(source: string, nodes: readonly RootContent[]): DiscussionEntry[] {
  const entries: DiscussionEntry[] = [];
  const starts = nodes.flatMap((node, index) => (questionLabel(node) === undefined ? [] : [index]));
  for (const [k, index] of starts.entries()) {
    const node = nodes[index] as Paragraph;
    const number = questionLabel(node) ?? 0;
    const endIndex = starts[k + 1] ?? nodes.length;
    const block = nodes.slice(index, endIndex);
    const label = block.map((n) => findAnswerLabel(n)).find((n) => n !== undefined);
    const labelStart = label?.position?.start.offset;
    const labelEnd = label?.position?.end.offset;
    const lastEnd = block[block.length - 1]?.position?.end.offset ?? 0;
    const questionStart = node.children[0]?.position?.end.offset ?? 0;
    let question = oneLine(source.slice(questionStart, labelStart ?? node.position?.end.offset ?? questionStart));
    const followUp = /^_\(follow-up on Q(\d+)\)_\s*/.exec(question);
    if (followUp) question = question.slice(followUp[0].length);
    let answer = labelEnd === undefined ? '' : unwrapVerbatim(source.slice(labelEnd, lastEnd));
    const defaulted = answer.includes(DEFAULT_STANDS);
    if (defaulted) answer = answer.slice(answer.indexOf(DEFAULT_STANDS) + DEFAULT_STANDS.length).trim();
    entries.push({
      number,
      question,
      answer,
      defaulted,
      topic: inferTopic(question),
      ...(followUp?.[1] ? { followUpOn: Number(followUp[1]) } : {}),
    });
  }
  return entries;
}

/** Where the reading of requirements.md is, and what it has read so far. */
interface Reading {
  source: string;
  title: string;
  initialDescription: string;
  sections: Record<string, ReadBullet[]>;
  rawNodes: Record<string, RootContent[]>;
  discussionNodes: RootContent[];
  descriptionNodes: RootContent[];
  notes: RequirementsDocument['notes'];
  extras: Record<string, string[]>;
  h2: string;
  h3: string;
  lead: string;
  inDescription: boolean;
  descriptionFrom: number;
  verbatimFrom: number | undefined;
  noteAuthor: string;
}

const isMarker = (node: RootContent, marker: string): boolean => node.type === 'html' && node.value.trim() === marker;

/** Someone's own text between our verbatim markers: never our structure. Whether the node was taken. */
function readVerbatim(node: RootContent, r: Reading): boolean {
  if (!r.inDescription && isMarker(node, VERBATIM_START) && r.verbatimFrom === undefined) {
    r.verbatimFrom = node.position?.end.offset ?? 0;
    return false;
  }
  if (isMarker(node, VERBATIM_END) && r.verbatimFrom !== undefined) {
    if (r.h3 === 'Notes from the Answers') {
      const text = r.source.slice(r.verbatimFrom, node.position?.start.offset ?? r.verbatimFrom).trim();
      r.notes.push({ author: r.noteAuthor, text });
    }
    r.verbatimFrom = undefined;
    if (r.h2 === 'Requirements Discussion' && DISCUSSION_ROUNDS.has(r.h3)) r.discussionNodes.push(node);
    return true;
  }
  return r.verbatimFrom !== undefined;
}

/** The issue's own text, between its markers. Whether the node was taken. */
function readDescription(node: RootContent, r: Reading): boolean {
  if (isMarker(node, INITIAL_DESCRIPTION_START)) {
    r.inDescription = true;
    r.descriptionFrom = node.position?.end.offset ?? 0;
    return true;
  }
  if (isMarker(node, INITIAL_DESCRIPTION_END)) {
    r.inDescription = false;
    r.initialDescription = r.source.slice(r.descriptionFrom, node.position?.start.offset ?? r.descriptionFrom).trim();
    return true;
  }
  if (r.inDescription) r.descriptionNodes.push(node);
  return r.inDescription;
}

/** A heading: the title, or the section (and sub-section) what follows belongs to. */
function readHeading(node: Heading, r: Reading): void {
  if (node.depth === 1) r.title = headingText(node).replace(/^Spec Requirements:\s*/i, '');
  else if (node.depth === 2) [r.h2, r.h3, r.lead] = [headingText(node), '', ''];
  else [r.h3, r.lead] = [headingText(node), ''];
}

/** A node of a section: the discussion's, or bullets, tables and code under the section's path. */
function readSectionNode(node: RootContent, r: Reading): void {
  if (r.h2 === 'Requirements Discussion' && DISCUSSION_ROUNDS.has(r.h3)) {
    r.discussionNodes.push(node);
    return;
  }
  if (node.type === 'html' && node.value.startsWith('<!-- agent-os-github:')) return;
  (r.rawNodes[[r.h2, r.h3].filter((p) => p !== '').join('/')] ??= []).push(node);
  if (isBoldLead(node)) {
    r.lead = headingText(node);
    if (r.h3 === 'Notes from the Answers') r.noteAuthor = r.lead.replace(/^From @/, '');
    return;
  }
  const key = [r.h2, r.h3, r.lead].filter((p) => p !== '').join('/');
  if (node.type === 'table' || node.type === 'code') (r.extras[key] ??= []).push(sliceOfRange(r.source, [node]));
  collectBullets(r.source, node, 0, (r.sections[key] ??= []));
}

/**
 * Read a requirements.md (ours, possibly edited by people) into its discussion and its sections' bullets. The
 * issue's own text is taken between its markers and never read as our sections.
 */
export function parseRequirements(markdown: string): RequirementsDocument {
  const source = markdown.replace(/\r\n?/g, '\n');
  const tree = parseMarkdown(source);
  const r: Reading = {
    source,
    title: '',
    initialDescription: '',
    sections: {},
    rawNodes: {},
    discussionNodes: [],
    descriptionNodes: [],
    notes: [],
    extras: {},
    h2: '',
    h3: '',
    lead: '',
    inDescription: false,
    descriptionFrom: 0,
    verbatimFrom: undefined,
    noteAuthor: '',
  };
  for (const node of tree.children) {
    if (readVerbatim(node, r) || readDescription(node, r)) continue;
    if (node.type === 'heading') readHeading(node, r);
    else readSectionNode(node, r);
  }
  const raw = Object.fromEntries(Object.entries(r.rawNodes).map(([key, nodes]) => [key, sliceOfRange(source, nodes)]));
  return {
    title: r.title,
    initialDescription: r.initialDescription,
    // The description's nodes as parsed with the whole file (it was written there verbatim): never parsed again.
    description: issueFromTree(r.title, {
      body: r.initialDescription,
      tree: { type: 'root', children: r.descriptionNodes },
      source,
      verbatim: r.initialDescription,
    }),
    discussion: withTopics(markdown, readDiscussion(source, r.discussionNodes)),
    sections: r.sections,
    raw,
    notes: r.notes,
    extras: r.extras,
  };
}

/** Each question's topic as the App recorded it (a person's edits to the text keep it), follow-ups their question's. */
function withTopics(markdown: string, entries: DiscussionEntry[]): DiscussionEntry[] {
  const marked = parseMarkedFile<object>('requirements', markdown);
  const state = marked.marked ? toShapingState(marked.data) : undefined;
  const recorded = new Map<number, AnswerTopic>((state?.questions ?? []).map((q) => [q.number, q.topic]));
  const topicOf = (entry: DiscussionEntry): AnswerTopic => {
    const topic = recorded.get(entry.number) ?? entry.topic;
    return topic === 'follow-up' && entry.followUpOn !== undefined
      ? (recorded.get(entry.followUpOn) ??
          inferTopic(entries.find((e) => e.number === entry.followUpOn)?.question ?? ''))
      : topic;
  };
  return entries.map((entry) => ({ ...entry, topic: topicOf(entry) }));
}
