import type { Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { oneLine } from '../markdown/source-slice.js';
import { collectBullets, type Bullet } from './parse-requirements.js';

/** One specific requirement of spec.md: its name and its bullets, as written. */
export interface SpecRequirement {
  /** 1-based, in document order. */
  number: number;
  name: string;
  bullets: Bullet[];
  /** The criteria listed under its `Acceptance criteria:` bullet. */
  acceptance: Bullet[];
  /** 1-based line of its name in spec.md (where an untraced requirement is annotated). */
  line: number;
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
const NOT_REQUIREMENTS =
  /^(acceptance criteria|users and permissions|technical considerations|decisions from the requirements discussion|notes from the answers|more from the requirements)$/i;
const ACCEPTANCE_BULLET = /^acceptance criteria:?$/i;

/** A requirement's bullets without its `Acceptance criteria:` bullet, whose children are its criteria. */
function splitAcceptance(bullets: readonly Bullet[]): { bullets: Bullet[]; acceptance: Bullet[] } {
  const own: Bullet[] = [];
  const acceptance: Bullet[] = [];
  let under: number | undefined;
  for (const b of bullets) {
    if (under !== undefined && b.depth > under) {
      acceptance.push({ ...b, depth: b.depth - under - 1 });
      continue;
    }
    under = undefined;
    if (ACCEPTANCE_BULLET.test(b.text.replace(/[*_]/g, '').trim())) under = b.depth;
    else own.push(b);
  }
  return { bullets: own, acceptance };
}

function isBoldLead(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'strong') return false;
  return node.children.slice(1).every((c) => toString(c).trim() === '' || toString(c).trim() === ':');
}

function collect(source: string, node: Nodes, depth: number, into: Bullet[]): void {
  if (node.type === 'list') collectBullets(source, node, depth, into);
}

/**
 * Read a spec.md (ours, or one written by hand in the Agent OS layout) into its specific requirements: each
 * `**Name**` lead (or `### Name` heading) under `## Specific Requirements` with the bullets that follow it.
 */
export function parseSpec(markdown: string): SpecDocument {
  const source = markdown.replace(/\r\n?/g, '\n');
  const doc: SpecDocument = { title: '', goal: '', requirements: [], acceptance: [], outOfScope: [] };
  let section = '';
  let block: { name: string; bullets: Bullet[]; line: number } | undefined;
  const blocks: Array<{ name: string; bullets: Bullet[]; line: number }> = [];
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
      block = { name: oneLine(toString(node)).replace(/:$/, ''), bullets: [], line: node.position?.start.line ?? 1 };
      blocks.push(block);
    } else if (block) {
      collect(source, node, 0, block.bullets);
    }
  }
  for (const b of blocks) {
    if (/^acceptance criteria$/i.test(b.name)) doc.acceptance.push(...b.bullets);
    if (NOT_REQUIREMENTS.test(b.name)) continue;
    const name = b.name.replace(/^\d+\.\s*/, '');
    doc.requirements.push({ number: doc.requirements.length + 1, name, ...splitAcceptance(b.bullets), line: b.line });
  }
  return doc;
}
