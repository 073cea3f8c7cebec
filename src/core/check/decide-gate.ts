import { countTasks, INCOMPLETE_STATE_WORDS, incompleteStateOf } from '../tasks/summarize-tasks.js';
import type { Task } from '../tasks/types.js';
import type { FileLinker, GateAnnotation, GateConclusion, GateReport, TaskFileRead } from './gate-types.js';
import { renderGateSummary } from './render-gate-summary.js';

/** Annotations beyond this many are left out (each 50 cost one write request); the summary says so. */
export const MAX_ANNOTATIONS = 500;
/** GitHub's limits on an annotation's title and message. */
const TITLE_LIMIT = 255;
const MESSAGE_LIMIT = 60_000;

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function taskLabel(task: Task): string {
  return task.id ?? `"${task.text}"`;
}

function annotationsFor(reads: readonly TaskFileRead[]): GateAnnotation[] {
  const annotations: GateAnnotation[] = [];
  for (const read of reads) {
    if (read.status !== 'read') continue;
    for (const task of read.file.tasks) {
      if (!task.required || task.complete) continue;
      const state = incompleteStateOf(task);
      annotations.push({
        path: read.path,
        line: task.line,
        level: 'failure',
        title: cut(`Task ${taskLabel(task)} is ${INCOMPLETE_STATE_WORDS[state]}`, TITLE_LIMIT),
        message: cut(
          task.boxState === 'done'
            ? `${task.text}\nIts box is ticked, but some of its required sub-tasks are not complete.`
            : task.text || `Task ${taskLabel(task)} has no text.`,
          MESSAGE_LIMIT,
        ),
      });
    }
    for (const diagnostic of read.file.diagnostics) {
      if (diagnostic.code === 'no-tasks') continue;
      annotations.push({
        path: read.path,
        line: diagnostic.line,
        level: 'warning',
        title: 'Task file problem',
        message: diagnostic.message,
      });
    }
  }
  return annotations;
}

/**
 * Decide the merge gate from the task files of a pull request: `success` when every required task is complete,
 * `failure` when one is not or a file could not be read, `neutral` when there is nothing to gate.
 */
export function decideGate(reads: readonly TaskFileRead[], link?: FileLinker, scope?: readonly string[]): GateReport {
  const files = reads.flatMap((r) => (r.status === 'read' ? [r.file] : []));
  const unreadable = reads.filter((r) => r.status === 'unreadable');
  const perFile = files.map((f) => countTasks(f.tasks));
  const counts = {
    tasks: perFile.reduce((n, c) => n + c.tasks, 0),
    required: perFile.reduce((n, c) => n + c.required, 0),
    complete: perFile.reduce((n, c) => n + c.complete, 0),
  };
  const incomplete = counts.required - counts.complete;

  let conclusion: GateConclusion;
  let title: string;
  if (unreadable.length > 0) {
    conclusion = 'failure';
    title =
      unreadable.length === 1
        ? `Could not read ${unreadable[0]?.path ?? 'a task file'}`
        : `Could not read ${unreadable.length} task files`;
  } else if (counts.tasks === 0) {
    conclusion = 'neutral';
    title = files.length === 0 ? 'No task file in this pull request' : 'No tasks in the task files yet';
  } else {
    conclusion = incomplete === 0 ? 'success' : 'failure';
    title = `${counts.complete} of ${counts.required} tasks complete`;
  }

  const all = annotationsFor(reads);
  const annotations = all.slice(0, MAX_ANNOTATIONS);
  const summary = renderGateSummary({
    reads,
    conclusion,
    counts,
    omittedAnnotations: all.length - annotations.length,
    link,
    scope,
  });
  return { conclusion, title, summary, annotations, counts, incomplete };
}
