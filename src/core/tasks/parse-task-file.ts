import { findTaskItems, type TaskItemsRead } from '../markdown/find-task-items.js';
import type { HeadingItem, LeadParagraphItem, ScannedItem, TaskItem } from '../markdown/scan-task-items.js';
import { decideStoryGating, storyStatusDiagnostics } from './decide-story-gating.js';
import { decideTaskMarks } from './decide-task-marks.js';
import { detectDialect, isTaskGroupHeading } from './detect-dialect.js';
import { parentIdOf, parseTaskId } from './parse-task-id.js';
import { isOlderAgentOsPath } from './task-file-locations.js';
import type { BoxMarker, BoxState, Diagnostic, Dialect, ParseOptions, Task, TaskFile, TaskGroup } from './types.js';

export const DEFAULT_SKIP_MARKERS: readonly string[] = ['N/A', 'POST-MERGE'];

/** Box markers that mean cancelled: none by default (`[~]` is blocked, `[-]` in progress: both not done). */
export const DEFAULT_CANCELLED_MARKERS: readonly BoxMarker[] = [];

const BOX_STATES: Record<BoxMarker, BoxState> = {
  ' ': 'open',
  x: 'done',
  X: 'done',
  '-': 'in-progress',
  '~': 'blocked',
};

interface ScannedTask {
  item: TaskItem;
  /** Headings above the task, outermost first: one array shared by the tasks under the same headings. */
  headings: readonly HeadingItem[];
  id?: string;
  text: string;
}

/**
 * Read a task file of any supported dialect into groups and tasks with their completeness. Total: any text
 * gives a result; problems come back as diagnostics.
 */
export function parseTaskFile(source: string, options: ParseOptions = {}): TaskFile {
  return parseTaskFileReadBy(findTaskItems, source, options);
}

/**
 * `parseTaskFile` with the markdown read by `read`: the comparison test runs it with the syntax tree's reading
 * (`findTaskItemsInTree`), the reference the faster token reading must equal.
 */
export function parseTaskFileReadBy(
  read: (source: string) => TaskItemsRead,
  source: string,
  options: ParseOptions = {},
): TaskFile {
  const rules = {
    skipMarkers: options.skipMarkers ?? DEFAULT_SKIP_MARKERS,
    cancelledMarkers: options.cancelledMarkers ?? DEFAULT_CANCELLED_MARKERS,
  };
  // A byte-order mark would hide the first line from the markdown parser; a space in its place keeps every
  // offset (and so the surgical edit) where it is.
  if (source.startsWith('\uFEFF')) source = ` ${source.slice(1)}`;
  const { items: scanned, fences } = read(source);
  const diagnostics: Diagnostic[] = [];

  const leadParagraphs = new Map<number, LeadParagraphItem>();
  const allHeadings: HeadingItem[] = [];
  const stack: HeadingItem[] = [];
  /** A copy of `stack` made when it changes, shared by every task under it (never changed afterwards). */
  let headingsAbove: HeadingItem[] = [];
  const scannedTasks: ScannedTask[] = [];
  /** The position in `scannedTasks` of each scanned entry that is a task (-1 for the others). */
  const taskPositionByScanIndex = new Int32Array(scanned.length).fill(-1);
  let lastHeading: HeadingItem | undefined;

  for (let scanIndex = 0; scanIndex < scanned.length; scanIndex += 1) {
    const entry = scanned[scanIndex] as ScannedItem;
    if (entry.kind === 'heading') {
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= entry.depth) stack.pop();
      stack.push(entry);
      headingsAbove = stack.slice();
      allHeadings.push(entry);
      lastHeading = entry;
    } else if (entry.kind === 'lead-paragraph') {
      if (lastHeading) leadParagraphs.set(lastHeading.line, entry);
    } else {
      taskPositionByScanIndex[scanIndex] = scannedTasks.length;
      const { id, text } = parseTaskId(entry.text);
      const scannedTask: ScannedTask = { item: entry, headings: headingsAbove, text };
      if (id !== undefined) scannedTask.id = id;
      scannedTasks.push(scannedTask);
    }
  }

  const dialect = detectDialect({
    path: options.path,
    headings: allHeadings,
    tasks: scannedTasks.map(({ item, id }) => ({
      marker: item.marker,
      optional: item.optional,
      topLevel: item.topLevel,
      id,
    })),
  });

  const tasks: Task[] = scannedTasks.map((t, index) => {
    const parentScan = t.item.parent;
    const position = parentScan === undefined ? -1 : (taskPositionByScanIndex[parentScan] ?? -1);
    const parent = position === -1 ? undefined : position;
    const marks = decideTaskMarks(t.item, rules);
    // Built key by key, in the order the type lists them (JSON output keeps it), without a spread per task.
    const task = {
      index,
      line: t.item.line,
      column: t.item.column,
      markerOffset: t.item.markerOffset,
      marker: t.item.marker,
      boxState: BOX_STATES[t.item.marker],
    } as Task;
    if (t.id !== undefined) task.id = t.id;
    task.text = t.text;
    task.optional = marks.optional;
    task.skipped = marks.skipped;
    if (marks.placeholder) task.placeholder = true;
    task.required = false;
    task.complete = false;
    if (parent !== undefined) task.parent = parent;
    task.children = [];
    task.group = 0;
    return task;
  });

  linkFlatSubtasksById(tasks, scannedTasks);
  for (const task of tasks) if (task.parent !== undefined) tasks[task.parent]?.children.push(task.index);
  const story = decideStoryGating(
    dialect,
    scannedTasks.map((t) => t.headings),
    options.storyChecklists ?? 'shown',
  );
  decideCompleteness(tasks, story.shownOnly);
  for (const diagnostic of duplicateIdDiagnostics(tasks)) diagnostics.push(diagnostic);

  for (const fence of fences) {
    diagnostics.push({
      line: fence.line,
      severity: 'warning',
      code: 'unclosed-fence',
      message: `The code fence ${fence.fence} opened on line ${fence.line} is never closed, so nothing after it is read as a task. Close it with ${fence.fence} on its own line.`,
    });
  }
  for (const task of tasks) {
    if (task.text === '' && task.id === undefined) {
      diagnostics.push({
        line: task.line,
        severity: 'warning',
        code: 'empty-task',
        message: `The task on line ${task.line} has no text.`,
      });
    }
  }
  if (tasks.length === 0) {
    diagnostics.push({
      line: 1,
      severity: 'warning',
      code: 'no-tasks',
      message: 'No task boxes (- [ ] …) found in this file.',
    });
  }
  for (const heading of allHeadings) {
    if (BOX_IN_HEADING.test(heading.text)) {
      diagnostics.push({
        line: heading.line,
        severity: 'warning',
        code: 'box-in-heading',
        message: `Line ${heading.line} is a heading that starts with a box ("${heading.text.slice(0, 60)}"): GitHub shows it as a heading, not as a task, so this work is not gated. Write it as a list item (- [ ] …) under a heading.`,
      });
    }
  }
  if (dialect === 'bmad') diagnostics.push(...storyStatusDiagnostics(leadParagraphs, allHeadings, tasks));

  const rootGroups =
    dialect === 'kiro' || (dialect === 'agent-os' && options.path !== undefined && isOlderAgentOsPath(options.path));
  const groups = assignGroups(dialect, tasks, scannedTasks, allHeadings, leadParagraphs, rootGroups);
  for (const index of story.shownOnlyGroups(groups)) {
    const group = groups[index];
    if (group) groups[index] = { ...group, context: true, contextReason: 'story-checklist' };
  }
  diagnostics.sort((a, b) => a.line - b.line);
  return { dialect, groups, tasks, diagnostics };
}

/** A heading whose text starts with a box, as `#### - [ ] タスク` or `### [x] Done`: work the gate cannot see. */
const BOX_IN_HEADING = /^(?:[-*+]\s+|\d+[.)]\s+)?\[[ xX~-]\](?:\s|$)/;

/** Sub-tasks listed flat (`- [ ] 1.1` beside `- [ ] 1.`) get the task whose ID is their ID's prefix as parent. */
function linkFlatSubtasksById(tasks: Task[], scannedTasks: ScannedTask[]): void {
  const latestById = new Map<string, number>();
  for (const task of tasks) {
    if (task.parent === undefined && task.id !== undefined) {
      const parentId = parentIdOf(task.id);
      const parent =
        parentId === undefined ? undefined : nearest(latestById.get(parentId), latestById.get(`${parentId}.0`));
      const sameList =
        parent !== undefined && scannedTasks[parent]?.item.parent === scannedTasks[task.index]?.item.parent;
      if (parent !== undefined && sameList) task.parent = parent;
    }
    if (task.id !== undefined) latestById.set(task.id, task.index);
  }
}

function nearest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** `shownOnly`: tasks outside a BMAD story's `## Tasks / Subtasks`, shown but not required. */
function decideCompleteness(tasks: Task[], shownOnly: (index: number) => boolean): void {
  for (const task of tasks) {
    const parentRequired = task.parent === undefined ? true : (tasks[task.parent]?.required ?? true);
    task.required = parentRequired && !task.optional && !task.skipped && !shownOnly(task.index);
  }
  for (let i = tasks.length - 1; i >= 0; i -= 1) {
    const task = tasks[i];
    if (!task) continue;
    const requiredChildren = task.children.map((c) => tasks[c]).filter((c): c is Task => c?.required === true);
    task.complete =
      task.required && requiredChildren.length > 0
        ? requiredChildren.every((c) => c.complete)
        : task.boxState === 'done';
  }
}

function duplicateIdDiagnostics(tasks: Task[]): Diagnostic[] {
  const firstLine = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const task of tasks) {
    if (task.id === undefined) continue;
    const seen = firstLine.get(task.id);
    if (seen === undefined) {
      firstLine.set(task.id, task.line);
    } else {
      diagnostics.push({
        line: task.line,
        severity: 'warning',
        code: 'duplicate-id',
        message: `Task ID ${task.id} on line ${task.line} is already used on line ${seen}; give each task its own ID.`,
      });
    }
  }
  return diagnostics;
}

function groupNumber(title: string): string | undefined {
  return /^(?:task group|phase)\s+(\d+)/i.exec(title)?.[1] ?? /^(\d+)\.(?:\s|$)/.exec(title)?.[1];
}

function dependenciesOf(heading: HeadingItem, leadParagraphs: Map<number, LeadParagraphItem>): string | undefined {
  const lead = leadParagraphs.get(heading.line);
  const match = lead === undefined ? null : /^dependencies\s*:\s*(.*)$/i.exec(lead.text);
  return match?.[1]?.trim();
}

function assignGroups(
  dialect: Dialect,
  tasks: Task[],
  scannedTasks: ScannedTask[],
  headings: HeadingItem[],
  leadParagraphs: Map<number, LeadParagraphItem>,
  /** Kiro, and the older Agent OS layout: numbered top-level tasks are the groups. */
  rootGroups: boolean,
): TaskGroup[] {
  const groups: TaskGroup[] = [];
  const byKey = new Map<string, TaskGroup>();
  const groupFor = (key: string, make: () => Omit<TaskGroup, 'index' | 'tasks'>): TaskGroup => {
    let group = byKey.get(key);
    if (!group) {
      group = { index: groups.length, ...make(), tasks: [] };
      groups.push(group);
      byKey.set(key, group);
    }
    return group;
  };
  const fromHeading = (heading: HeadingItem): Omit<TaskGroup, 'index' | 'tasks'> => {
    const number = groupNumber(heading.text);
    const dependencies = dependenciesOf(heading, leadParagraphs);
    return {
      title: heading.text,
      line: heading.line,
      ...(number === undefined ? {} : { number }),
      ...(dependencies === undefined ? {} : { dependencies }),
    };
  };
  const implicit = (): Omit<TaskGroup, 'index' | 'tasks'> => {
    const title = headings.find((h) => h.depth === 1);
    return { title: title?.text ?? 'Tasks', line: title?.line ?? 0 };
  };

  const hasTaskGroupHeadings = headings.some((h) => isTaskGroupHeading(h.text));
  let groupDepth = Infinity;
  let seen: readonly HeadingItem[] | undefined;
  for (const t of scannedTasks) {
    // Tasks under the same headings share one array: look at each array once.
    if (t.headings === seen) continue;
    seen = t.headings;
    for (const h of t.headings) if (h.depth >= 2 && h.depth < groupDepth) groupDepth = h.depth;
  }
  // Kiro's groups are its top-level numbered tasks wherever they sit (also under a `## Tasks` heading); so are
  // those of the older Agent OS layout (`.agent-os/specs/…`), which has no `Task Group` headings.
  const numberedRoots = tasks.some((t) => t.parent === undefined && t.id !== undefined && /^\d+(?:\.0)?$/.test(t.id));
  const topLevelTaskGroups =
    !hasTaskGroupHeadings && rootGroups && (numberedRoots || (dialect === 'kiro' && !Number.isFinite(groupDepth)));
  const roots = new Map<number, Task>();
  /** The last heading array looked at and the heading found in it (tasks in a row share their array). */
  let headingsLooked: readonly HeadingItem[] | undefined;
  let headingFound: HeadingItem | undefined;
  const innermostTaskGroupHeading = (headings: readonly HeadingItem[]): HeadingItem | undefined => {
    if (headings !== headingsLooked) {
      headingsLooked = headings;
      headingFound = headings.findLast((h) => isTaskGroupHeading(h.text));
    }
    return headingFound;
  };

  for (const task of tasks) {
    const scannedTask = scannedTasks[task.index];
    let group: TaskGroup;
    if (hasTaskGroupHeadings) {
      const heading = scannedTask ? innermostTaskGroupHeading(scannedTask.headings) : undefined;
      group = heading ? groupFor(`h${heading.line}`, () => fromHeading(heading)) : groupFor('implicit', implicit);
    } else if (topLevelTaskGroups) {
      const root = rootOf(tasks, task, roots);
      group = groupFor(`t${root.index}`, () => ({
        title: root.text,
        line: root.line,
        ...(root.id === undefined ? {} : { number: root.id }),
      }));
    } else if (Number.isFinite(groupDepth)) {
      const heading = scannedTask?.headings.find((h) => h.depth === groupDepth);
      group = heading ? groupFor(`h${heading.line}`, () => fromHeading(heading)) : groupFor('implicit', implicit);
    } else {
      group = groupFor('implicit', implicit);
    }
    task.group = group.index;
    group.tasks.push(task.index);
  }
  return groups;
}

/** The outermost ancestor of a task; `roots` remembers earlier answers, so a long chain is walked once. */
function rootOf(tasks: Task[], task: Task, roots: Map<number, Task>): Task {
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
