import type { ListItem, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { parseSpec } from './parse-spec.js';

export type TraceabilityMode = 'fail' | 'warn' | 'off';

export interface UntracedRequirement {
  number: number;
  name: string;
  /** Its line in spec.md. */
  line: number;
}

export interface RequirementTrace {
  /** How many specific requirements spec.md has. */
  requirements: number;
  untraced: UntracedRequirement[];
}

/** `Specific Requirement 3`, `Requirements: 1.1, 2.3`, `_Requirements: 4_`, `Requirement 2 and 5`: the numbers named. */
const REFERENCE = /\brequirements?\b[\s:_*]*((?:#?\d+(?:\.\d+)*)(?:\s*(?:,|;|&|and|\/)\s*#?\d+(?:\.\d+)*)*)/gi;

/** The text of each task item (a list item with a box, GFM's or an extended one), its nested lines included. */
function taskTexts(markdown: string): string[] {
  const texts: string[] = [];
  const stack: Nodes[] = [parseMarkdown(markdown)];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'code' || node.type === 'html') continue;
    if (node.type === 'listItem' && isTask(node)) texts.push(paragraphsOf(node).join('\n'));
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return texts;
}

/** Each paragraph (and heading) under a node on its own line: `toString` of the whole would run words together. */
function paragraphsOf(root: Nodes): string[] {
  const out: string[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'code' || node.type === 'html') continue;
    if (node.type === 'paragraph' || node.type === 'heading') out.push(toString(node));
    else if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as Nodes);
  }
  return out;
}

function isTask(item: ListItem): boolean {
  if (typeof item.checked === 'boolean') return true;
  const first = item.children[0];
  return first?.type === 'paragraph' && /^\[[ xX~-]\]/.test(toString(first));
}

/** The requirement numbers tasks name: `1.1` names requirement 1 (Kiro numbers criteria under requirements). */
export function referencedRequirements(tasksMarkdown: string): Set<number> {
  const numbers = new Set<number>();
  for (const text of taskTexts(tasksMarkdown)) {
    for (const match of text.matchAll(REFERENCE)) {
      for (const id of (match[1] ?? '').split(/\s*(?:,|;|&|and|\/)\s*/)) {
        const n = Number(id.replace('#', '').split('.')[0]);
        if (Number.isInteger(n) && n > 0) numbers.add(n);
      }
    }
  }
  return numbers;
}

/**
 * Which of spec.md's specific requirements no task in tasks.md names, by number (`Implement Specific Requirement
 * 3: …`) or by a `Requirements:` / `_Requirements: 3.1_` line under a task, as Kiro writes them.
 */
export function traceRequirements(specMarkdown: string, tasksMarkdown: string): RequirementTrace {
  const spec = parseSpec(specMarkdown);
  const named = referencedRequirements(tasksMarkdown);
  return {
    requirements: spec.requirements.length,
    untraced: spec.requirements
      .filter((r) => !named.has(r.number))
      .map((r) => ({ number: r.number, name: r.name, line: r.line })),
  };
}
