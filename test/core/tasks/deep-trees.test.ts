import { describe, expect, it } from '@jest/globals';
import type { Blockquote, ListItem, Nodes, PhrasingContent, Root } from 'mdast';
import { findUnclosedFences } from '../../../src/core/markdown/find-unclosed-fences.js';
import { nodeText } from '../../../src/core/markdown/node-text.js';
import { scanTaskItems, type TaskItem } from '../../../src/core/markdown/scan-task-items.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';

/**
 * Issue 16, item 2: 10,000 `>` or 2,000 nested bullets ended in "Maximum call stack size exceeded" in the task-item
 * scan. The parser itself refuses such nesting first (its bounds are its own), so these trees are built by hand,
 * as deep as the hostile files made them, and handed straight to every walk of the task engine.
 */
const point = (offset: number) => ({ line: 1, column: offset + 1, offset });
const at = (start: number, end: number) => ({ start: point(start), end: point(end) });

/** `- [ ] x` at offset `start` of the source, as GFM's tree has it. */
function taskItem(start: number, text: string, children: ListItem['children'] = []): ListItem {
  return {
    type: 'listItem',
    checked: false,
    spread: false,
    position: at(start, start + 6 + text.length),
    children: [
      {
        type: 'paragraph',
        position: at(start + 6, start + 6 + text.length),
        children: [{ type: 'text', value: text, position: at(start + 6, start + 6 + text.length) }],
      },
      ...children,
    ],
  };
}

function taskTexts(tree: Root, source: string): string[] {
  return scanTaskItems(tree, source)
    .filter((item): item is TaskItem => item.kind === 'task')
    .map((item) => item.text);
}

describe('walking deep trees without recursion', () => {
  it('scans a task under 10,000 nested block quotes', () => {
    const source = '- [ ] x\n';
    let inner: Blockquote['children'][number] = {
      type: 'list',
      ordered: false,
      spread: false,
      children: [taskItem(0, 'x')],
    };
    for (let i = 0; i < 10_000; i += 1) inner = { type: 'blockquote', children: [inner] };
    const tree: Root = { type: 'root', children: [inner] };
    expect(taskTexts(tree, source)).toEqual(['x']);
    expect(findUnclosedFences(tree, source)).toEqual([]);
  });

  it('scans 2,000 nested task items, each the parent of the next', () => {
    const depth = 2_000;
    const line = '- [ ] t\n';
    const source = line.repeat(depth);
    let item: ListItem | undefined;
    for (let i = depth - 1; i >= 0; i -= 1) {
      item = taskItem(
        i * line.length,
        't',
        item === undefined ? [] : [{ type: 'list', ordered: false, spread: false, children: [item] }],
      );
    }
    const tree: Root = {
      type: 'root',
      children: [{ type: 'list', ordered: false, spread: false, children: item === undefined ? [] : [item] }],
    };
    const tasks = scanTaskItems(tree, source).filter((entry): entry is TaskItem => entry.kind === 'task');
    expect(tasks).toHaveLength(depth);
    expect(tasks.map((t) => t.parent)).toEqual(Array.from({ length: depth }, (_, i) => (i === 0 ? undefined : i - 1)));
    expect(tasks.map((t) => t.line)).toEqual(Array.from({ length: depth }, (_, i) => i + 1));
  });

  it('reads the text of 10,000 nested emphasis nodes', () => {
    let phrasing: PhrasingContent = { type: 'text', value: 'deep' };
    for (let i = 0; i < 10_000; i += 1) phrasing = { type: 'emphasis', children: [phrasing] };
    const node: Nodes = {
      type: 'paragraph',
      children: [{ type: 'text', value: 'a ' }, phrasing, { type: 'text', value: ' b' }],
    };
    expect(nodeText(node)).toBe('a deep b');
  });

  it('reads a task file nested as deep as the parser allows, parents judged by their children', () => {
    const depth = 90;
    const source =
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- [${i === depth - 1 ? ' ' : 'x'}] level ${i}`).join(
        '\n',
      ) + '\n';
    const file = parseTaskFile(source);
    expect(file.tasks).toHaveLength(depth);
    expect(file.tasks.filter((t) => !t.complete)).toHaveLength(depth);
    expect(file.groups).toHaveLength(1);
  });
});
