import type { HeadingItem, LeadParagraphItem } from '../markdown/scan-task-items.js';
import type { ScannedTask } from './collect-task-items.js';
import { isTaskGroupHeading } from './detect-dialect.js';
import { isOlderAgentOsPath } from './task-file-locations.js';
import type { Dialect, Task, TaskGroup } from './types.js';

export interface GroupsInput {
  dialect: Dialect;
  path: string | undefined;
  tasks: Task[];
  scannedTasks: readonly ScannedTask[];
  headings: readonly HeadingItem[];
  leadParagraphs: ReadonlyMap<number, LeadParagraphItem>;
}

type GroupFields = Omit<TaskGroup, 'index' | 'tasks'>;

/** How a file's tasks fall into groups. */
type Grouping =
  | { by: 'task-group-headings' }
  | { by: 'top-level-tasks' }
  | { by: 'heading-depth'; depth: number }
  | { by: 'implicit' };

/**
 * The groups of a task file, each task put in one (its `group` set): under Agent OS `Task Group N` headings when
 * there are some; else, for Kiro and the older Agent OS layout, under their numbered top-level tasks; else under
 * the outermost headings (depth 2 or more) above tasks; else in one group named after the `#` title.
 */
export function decideTaskGroups(input: GroupsInput): TaskGroup[] {
  const grouping = groupingOf(input);
  const groups = new GroupList();
  const roots = new Map<number, Task>();
  const headingGroup = lastPerKey((heading: HeadingItem | undefined): TaskGroup =>
    heading
      ? groups.get(`h${heading.line}`, () => fromHeading(heading, input.leadParagraphs))
      : groups.get('implicit', () => implicitGroup(input.headings)),
  );
  const innermostTaskGroupHeading = lastPerArray((h: HeadingItem) => isTaskGroupHeading(h.text));
  for (const task of input.tasks) {
    const headings = input.scannedTasks[task.index]?.headings ?? [];
    let group: TaskGroup;
    if (grouping.by === 'task-group-headings') {
      group = headingGroup(innermostTaskGroupHeading(headings));
    } else if (grouping.by === 'top-level-tasks') {
      const root = rootOf(input.tasks, task, roots);
      group = groups.get(`t${root.index}`, () => rootGroup(root));
    } else if (grouping.by === 'heading-depth') {
      group = headingGroup(headings.find((h) => h.depth === grouping.depth));
    } else {
      group = groups.get('implicit', () => implicitGroup(input.headings));
    }
    task.group = group.index;
    group.tasks.push(task.index);
  }
  return groups.list;
}

function groupingOf({ dialect, path, tasks, scannedTasks, headings }: GroupsInput): Grouping {
  if (headings.some((h) => isTaskGroupHeading(h.text))) return { by: 'task-group-headings' };
  const depth = groupDepth(scannedTasks);
  // Kiro's groups are its top-level numbered tasks wherever they sit (also under a `## Tasks` heading); so are
  // those of the older Agent OS layout (`.agent-os/specs/…`), which has no `Task Group` headings.
  const rootGroups = dialect === 'kiro' || (dialect === 'agent-os' && path !== undefined && isOlderAgentOsPath(path));
  const numberedRoots = tasks.some((t) => t.parent === undefined && t.id !== undefined && /^\d+(?:\.0)?$/.test(t.id));
  if (rootGroups && (numberedRoots || (dialect === 'kiro' && depth === undefined))) return { by: 'top-level-tasks' };
  return depth === undefined ? { by: 'implicit' } : { by: 'heading-depth', depth };
}

/** The depth of the outermost heading (depth 2 or more) above some task. */
function groupDepth(scannedTasks: readonly ScannedTask[]): number | undefined {
  let depth = Infinity;
  let seen: readonly HeadingItem[] | undefined;
  for (const t of scannedTasks) {
    // Tasks under the same headings share one array: look at each array once.
    if (t.headings === seen) continue;
    seen = t.headings;
    for (const h of t.headings) if (h.depth >= 2 && h.depth < depth) depth = h.depth;
  }
  return Number.isFinite(depth) ? depth : undefined;
}

/** The groups made so far, each made once for its key. */
class GroupList {
  readonly list: TaskGroup[] = [];
  private readonly byKey = new Map<string, TaskGroup>();

  get(key: string, make: () => GroupFields): TaskGroup {
    let group = this.byKey.get(key);
    if (!group) {
      group = { index: this.list.length, ...make(), tasks: [] };
      this.list.push(group);
      this.byKey.set(key, group);
    }
    return group;
  }
}

/** `find` from the end, remembered for the last array asked (tasks in a row share their heading array). */
function lastPerArray<T>(test: (item: T) => boolean): (items: readonly T[]) => T | undefined {
  let looked: readonly T[] | undefined;
  let found: T | undefined;
  return (items) => {
    if (items !== looked) {
      looked = items;
      found = items.findLast(test);
    }
    return found;
  };
}

/** `find` for the last key asked remembered (tasks in a row fall under the same heading). */
function lastPerKey<K, V>(find: (key: K) => V): (key: K) => V {
  let asked = false;
  let lastKey: K | undefined;
  let found: V | undefined;
  return (key) => {
    if (!asked || key !== lastKey) {
      asked = true;
      lastKey = key;
      found = find(key);
    }
    return found as V;
  };
}

function groupNumber(title: string): string | undefined {
  return /^(?:task group|phase)\s+(\d+)/i.exec(title)?.[1] ?? /^(\d+)\.(?:\s|$)/.exec(title)?.[1];
}

function dependenciesOf(
  heading: HeadingItem,
  leadParagraphs: ReadonlyMap<number, LeadParagraphItem>,
): string | undefined {
  const lead = leadParagraphs.get(heading.line);
  const match = lead === undefined ? null : /^dependencies\s*:\s*(.*)$/i.exec(lead.text);
  return match?.[1]?.trim();
}

function fromHeading(heading: HeadingItem, leadParagraphs: ReadonlyMap<number, LeadParagraphItem>): GroupFields {
  const number = groupNumber(heading.text);
  const dependencies = dependenciesOf(heading, leadParagraphs);
  return {
    title: heading.text,
    line: heading.line,
    ...(number === undefined ? {} : { number }),
    ...(dependencies === undefined ? {} : { dependencies }),
  };
}

function implicitGroup(headings: readonly HeadingItem[]): GroupFields {
  const title = headings.find((h) => h.depth === 1);
  return { title: title?.text ?? 'Tasks', line: title?.line ?? 0 };
}

function rootGroup(root: Task): GroupFields {
  return { title: root.text, line: root.line, ...(root.id === undefined ? {} : { number: root.id }) };
}

/** The outermost ancestor of a task; `roots` remembers earlier answers, so a long chain is walked once. */
function rootOf(tasks: readonly Task[], task: Task, roots: Map<number, Task>): Task {
  const known = roots.get(task.index);
  if (known) return known;
  let root = task;
  while (root.parent !== undefined) {
    const parent = tasks[root.parent];
    if (!parent) break;
    const parentRoot = roots.get(parent.index);
    if (parentRoot) {
      root = parentRoot;
      break;
    }
    root = parent;
  }
  roots.set(task.index, root);
  return root;
}
