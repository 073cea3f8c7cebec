import type { ListItem, Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { dedentContinuation } from '../markdown/source-slice.js';
import type { Task, TaskFile, TaskGroup } from '../tasks/types.js';

function listItems(node: Nodes, into: ListItem[]): void {
  if (node.type === 'listItem') into.push(node);
  if ('children' in node) for (const child of node.children) listItems(child, into);
}

/**
 * The list items of the text sliced last. A file's groups are sliced one after the other, each for its prompt from
 * the file as it is: those are parsed once, not once per group. (A sub-issue's slice, whose boxes are opened, is a
 * text of its own: `[-]: x` is a link definition where `[ ]: x` is a paragraph that a lazy line may continue, so
 * the items of one text are not taken for the other's.)
 */
let lastParsed: { source: string; items: ListItem[] } | undefined;

function listItemsOf(source: string): readonly ListItem[] {
  if (lastParsed?.source !== source) {
    const items: ListItem[] = [];
    listItems(parseMarkdown(source), items);
    lastParsed = { source, items };
  }
  return lastParsed.items;
}

/** The innermost list item that holds this task's box. */
function itemOf(items: readonly ListItem[], task: Task): ListItem | undefined {
  let best: ListItem | undefined;
  for (const item of items) {
    const start = item.position?.start;
    const end = item.position?.end.offset;
    if (start?.offset === undefined || end === undefined) continue;
    if (start.line !== task.line || start.offset > task.markerOffset || end < task.markerOffset) continue;
    if (best === undefined || (best.position?.start.offset ?? -1) < start.offset) best = item;
  }
  return best;
}

/**
 * A task group's tasks as written in the task file: each top-level task of the group with everything nested
 * under it (sub-tasks, their notes), the indentation of the list they sit in taken off. With `openMarkers`, the
 * `[-]` and `[~]` boxes GitHub does not render become `[ ]`. Line endings become `\n`.
 */
export function sliceGroupTasks(
  tasksSource: string,
  tasks: TaskFile,
  group: TaskGroup,
  options: { openMarkers?: boolean } = {},
): string {
  // As in parseTaskFile: a byte-order mark becomes a space, so every offset stays where it is.
  let source = tasksSource.startsWith('\uFEFF') ? ` ${tasksSource.slice(1)}` : tasksSource;
  const own = group.tasks.map((i) => tasks.tasks[i]).filter((t): t is Task => t !== undefined);
  if (options.openMarkers === true) {
    for (const task of own) {
      const at = task.markerOffset;
      if (source[at] === '-' || source[at] === '~') source = `${source.slice(0, at)} ${source.slice(at + 1)}`;
    }
  }
  const items = listItemsOf(source);
  const roots = own.filter((t) => t.parent === undefined || tasks.tasks[t.parent]?.group !== t.group);
  const blocks = roots.map((task) => {
    const item = itemOf(items, task);
    const start = item?.position?.start;
    const end = item?.position?.end.offset;
    if (start?.offset === undefined || end === undefined)
      return `- [${source[task.markerOffset] ?? ' '}] ${[task.id, task.text].filter((s) => s !== undefined).join(' ')}`;
    return dedentContinuation(source.slice(start.offset, end).replace(/\r\n?/g, '\n'), start.column - 1).replace(
      /[ \t]+$/gm,
      '',
    );
  });
  return blocks.join('\n');
}
