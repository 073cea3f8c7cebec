import type { TaskCounts } from '../tasks/summarize-tasks.js';
import type { TaskFile } from '../tasks/types.js';
import type { RequirementTrace } from '../spec/trace-requirements.js';

/** A spec's task file held to its spec.md: the requirements no task names. */
export interface SpecTrace extends RequirementTrace {
  specPath: string;
  tasksPath: string;
}

/** One task file the gate looked at, and what reading it gave. */
export type TaskFileRead =
  | { path: string; status: 'read'; file: TaskFile; trace?: SpecTrace }
  /** A spec folder was named (`Spec: …`) but holds no task file yet. `reason` is markdown. */
  | { path: string; status: 'missing'; reason: string }
  /** The file exists (or should) but could not be read: the gate cannot decide. */
  | { path: string; status: 'unreadable'; reason: string };

export type GateConclusion = 'success' | 'failure' | 'neutral';

export interface GateAnnotation {
  path: string;
  line: number;
  level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/** How to link a file (and line) in the rendered summary. */
export type FileLinker = (path: string, line?: number) => string;

export interface GateReport {
  conclusion: GateConclusion;
  /** One line: `5 of 8 tasks complete`. */
  title: string;
  /** Markdown: progress per file and group, incomplete tasks. */
  summary: string;
  /** One per incomplete task, then one per diagnostic; at most `MAX_ANNOTATIONS`. */
  annotations: GateAnnotation[];
  /** Totals over every file read. */
  counts: TaskCounts;
  /** Incomplete required tasks over every file read. */
  incomplete: number;
}
