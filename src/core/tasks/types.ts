/** The spec-driven tools whose task files we read. */
export type Dialect = 'agent-os' | 'spec-kit' | 'kiro' | 'openspec' | 'bmad' | 'spec-workflow' | 'gfm';

/** The character between the brackets of a task box: `[ ]`, `[x]`, `[X]`, `[-]`, `[~]`. */
export type BoxMarker = ' ' | 'x' | 'X' | '-' | '~';

/** What a task's own box says. */
export type BoxState = 'open' | 'done' | 'in-progress' | 'blocked';

/** The state reported for a required task that is not complete. */
export type IncompleteState = 'open' | 'in-progress' | 'blocked';

export interface Diagnostic {
  /** 1-based line in the task file. */
  line: number;
  severity: 'error' | 'warning';
  code: 'unclosed-fence' | 'duplicate-id' | 'empty-task' | 'no-tasks' | 'box-in-heading' | 'story-done-with-open-tasks';
  message: string;
}

export interface Task {
  /** Position of this task in `TaskFile.tasks` (document order). */
  index: number;
  /** 1-based line of the list item holding the box. */
  line: number;
  /** 1-based column of the `[` of the box. */
  column: number;
  /** 0-based offset of the marker character (between the brackets) in the source text. */
  markerOffset: number;
  marker: BoxMarker;
  boxState: BoxState;
  /** `1.2`, `T004`, … when the task text starts with an ID. */
  id?: string;
  /** The task's text without box, optional star and ID, whitespace collapsed. */
  text: string;
  /** `[ ]*`, `13.1*` or `(optional)`: the task may be left undone. */
  optional: boolean;
  /** Struck through (whole, or followed by a reason), marked `N/A` / `POST-MERGE`, cancelled, or a placeholder. */
  skipped: boolean;
  /** A template's placeholder task (`{{NUMBER}}. {{TASK_DESCRIPTION}}`): skipped. */
  placeholder?: true;
  /** Neither optional nor skipped, and no ancestor is. */
  required: boolean;
  /** For a task with required children: all of them complete; otherwise: its box is `x`/`X`. */
  complete: boolean;
  /** Index of the parent task, from list nesting or, for flat lists, from the ID. */
  parent?: number;
  children: number[];
  /** Index in `TaskFile.groups`. */
  group: number;
}

export interface TaskGroup {
  index: number;
  /** Heading text (or, for Kiro, the top-level task's text). */
  title: string;
  /** `1` for `Task Group 1:`, `2` for `## 2. …`, `3` for `Phase 3:`; absent when the title has none. */
  number?: string;
  /** 1-based line of the heading or top-level task; 0 for the implicit group before any heading. */
  line: number;
  /** Agent OS `**Dependencies:**` line, verbatim (e.g. `Task Group 1, 2` or `None`). */
  dependencies?: string;
  /** Indexes of the tasks in this group, in document order. */
  tasks: number[];
  /** Shown, not required: outside the pull request's declared scope, or a BMAD story's other checklist. */
  context?: boolean;
  /** Why a context group is not required; absent means the pull request's scope. */
  contextReason?: 'scope' | 'story-checklist';
}

export interface TaskFile {
  dialect: Dialect;
  groups: TaskGroup[];
  /** Every task, in document order. */
  tasks: Task[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Path of the file, used to recognise the dialect by its usual location. */
  path?: string;
  /** Text that marks a task as skipped, matched case-insensitively as whole words. Default: `N/A`, `POST-MERGE`. */
  skipMarkers?: readonly string[];
  /** Box markers that mean cancelled (skipped): `-`, `~`. Default: none. */
  cancelledMarkers?: readonly BoxMarker[];
  /** Whether a BMAD story's checklists outside `## Tasks / Subtasks` gate. Default: `shown` (they do not). */
  storyChecklists?: 'shown' | 'gated';
}
