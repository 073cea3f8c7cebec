import type { Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { oneLine, sliceOfRange } from '../markdown/source-slice.js';
import type { Bullet } from './read-requirements.js';

/** One specific requirement of spec.md: its name and its bullets, as written. */
export interface SpecRequirement {
  /** 1-based, in document order. */
  number: number;
  name: string;
  bullets: Bullet[];
}

/** spec.md read back for create-tasks. */
export interface SpecDocument {
  title: string;
  goal: string;
  requirements: SpecRequirement[];
  /** The acceptance criteria block of Specific Requirements. */
  acceptance: Bullet[];
  outOfScope: Bullet[];
}

/** Blocks of Specific Requirements that are not requirements of their own. */
const NOT_REQUIREMENTS = /^(acceptance criteria|users and permissions|technical considerations|decisions from the requirements discussion|notes from the answers)$/i;

function isBoldLead(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'strong') return false;
  return node.children.slice(1).every((c) => toString(c).trim() === '' || toString(c).trim() === ':');
}

function collect(source: string, node: Nodes, depth: number, into: Bullet[]): void {
  if (node.type !== 'list') return;
  for (const item of node.children) {
    const [first, ...rest] = item.children;
    if (first?.type === 'paragraph') into.push({ text: oneLine(sliceOfRange(source, [first])), depth });
    for (const child of rest) collect(source, child, depth + 1, into);
  }
}

/**
 * Read a spec.md (ours, or one written by hand in the Agent OS layout) into its specific requirements: each
 * `**Name**` lead (or `### Name` heading) under `## Specific Requirements` with the bullets that follow it.
 */
export function readSpec(markdown: string): SpecDocument {
  const source = markdown.replace(/\r\n?/g, '\n');
  const doc: SpecDocument = { title: '', goal: '', requirements: [], acceptance: [], outOfScope: [] };
  let section = '';
  let block: { name: string; bullets: Bullet[] } | undefined;
  const blocks: Array<{ name: string; bullets: Bullet[] }> = [];
  for (const node of parseMarkdown(source).children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const text = oneLine(toString(node));
      if (node.depth === 1) doc.title = text.replace(/^Specification:\s*/i, '');
      else section = text;
      block = undefined;
      continue;
    }
    if (section === 'Goal' && node.type === 'paragraph' && doc.goal === '') doc.goal = oneLine(toString(node));
    if (section === 'Out of Scope') collect(source, node, 0, doc.outOfScope);
    if (section !== 'Specific Requirements') continue;
    if ((node.type === 'heading' && node.depth >= 3) || isBoldLead(node)) {
      block = { name: oneLine(toString(node)).replace(/:$/, ''), bullets: [] };
      blocks.push(block);
    } else if (block) {
      collect(source, node, 0, block.bullets);
    }
  }
  for (const b of blocks) {
    if (/^acceptance criteria$/i.test(b.name)) doc.acceptance.push(...b.bullets);
    if (NOT_REQUIREMENTS.test(b.name)) continue;
    const name = b.name.replace(/^\d+\.\s*/, '');
    doc.requirements.push({ number: doc.requirements.length + 1, name, bullets: b.bullets });
  }
  return doc;
}
