import type { ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/parse-markdown.js';

export interface ChecklistTick {
  fileIndex: number;
  taskIndex: number;
  checked: boolean;
  /** The box's text as shown (ID and task text, notes in parentheses included), to check it is still that task. */
  shown: string;
}

/** Every box of a checklist comment with its hidden reference, as `fileIndex:taskIndex` → checked and text. */
function boxes(body: string): Map<string, { checked: boolean; shown: string }> {
  const found = new Map<string, { checked: boolean; shown: string }>();
  const visitItem = (item: ListItem): void => {
    const paragraph = item.children[0];
    if (typeof item.checked === 'boolean' && paragraph?.type === 'paragraph') {
      for (const child of paragraph.children) {
        const match = child.type === 'html' ? /^<!-- aos:(\d+):(\d+) -->$/.exec(child.value.trim()) : null;
        if (match)
          found.set(`${match[1] ?? ''}:${match[2] ?? ''}`, {
            checked: item.checked,
            shown: paragraph.children
              .filter((c) => c.type !== 'html')
              .map((c) => toString(c))
              .join('')
              .replace(/\s+/g, ' ')
              .trim(),
          });
      }
    }
  };
  visit(parseMarkdown(body.replace(/\r\n?/g, '\n')), 'listItem', visitItem);
  return found;
}

/**
 * The boxes a person ticked or unticked in the checklist comment, from the comment before and after the edit.
 * Boxes are matched by their hidden references, so an edit of the text around them changes nothing here.
 */
export function findChecklistTicks(before: string, after: string): ChecklistTick[] {
  const old = boxes(before);
  const ticks: ChecklistTick[] = [];
  for (const [ref, { checked, shown }] of boxes(after)) {
    const was = old.get(ref);
    if (was === undefined || was.checked === checked) continue;
    const [fileIndex = 0, taskIndex = 0] = ref.split(':').map(Number);
    ticks.push({ fileIndex, taskIndex, checked, shown });
  }
  return ticks;
}
