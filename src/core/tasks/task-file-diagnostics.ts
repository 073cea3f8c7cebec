import type { UnclosedFence } from '../markdown/find-unclosed-fences.js';
import type { HeadingItem, LeadParagraphItem } from '../markdown/scan-task-items.js';
import { storyStatusDiagnostics } from './decide-story-gating.js';
import type { Diagnostic, Dialect, Task } from './types.js';

export interface DiagnosticsInput {
  dialect: Dialect;
  tasks: readonly Task[];
  headings: readonly HeadingItem[];
  leadParagraphs: ReadonlyMap<number, LeadParagraphItem>;
  fences: readonly UnclosedFence[];
}

/**
 * What the author may want to fix in a task file, by line: IDs used twice, unclosed code fences, tasks without text,
 * no tasks at all, boxes in headings, and a BMAD story marked done with open tasks.
 */
export function taskFileDiagnostics({
  dialect,
  tasks,
  headings,
  leadParagraphs,
  fences,
}: DiagnosticsInput): Diagnostic[] {
  const diagnostics = duplicateIdDiagnostics(tasks);
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
  for (const diagnostic of boxInHeadingDiagnostics(headings)) diagnostics.push(diagnostic);
  if (dialect === 'bmad') diagnostics.push(...storyStatusDiagnostics(leadParagraphs, headings, tasks));
  return diagnostics.sort((a, b) => a.line - b.line);
}

function duplicateIdDiagnostics(tasks: readonly Task[]): Diagnostic[] {
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

/** A heading whose text starts with a box, as `#### - [ ] タスク` or `### [x] Done`: work the gate cannot see. */
const BOX_IN_HEADING = /^(?:[-*+]\s+|\d+[.)]\s+)?\[[ xX~-]\](?:\s|$)/;

function boxInHeadingDiagnostics(headings: readonly HeadingItem[]): Diagnostic[] {
  return headings
    .filter((heading) => BOX_IN_HEADING.test(heading.text))
    .map((heading): Diagnostic => ({
      line: heading.line,
      severity: 'warning',
      code: 'box-in-heading',
      message: `Line ${heading.line} is a heading that starts with a box ("${heading.text.slice(0, 60)}"): GitHub shows it as a heading, not as a task, so this work is not gated. Write it as a list item (- [ ] …) under a heading.`,
    }));
}
