import { DEFAULT_SKIP_MARKERS } from '../tasks/parse-task-file.js';
import { DEFAULT_IGNORED_GLOBS, DEFAULT_TASK_FILE_GLOBS } from '../tasks/task-file-locations.js';

/** Settings the merge gate runs with; the same in the App, the Action and the CLI. */
export interface GateSettings {
  /** Name of the check run (App) reported on the head commit. */
  checkName: string;
  /** Globs of the files that count as task files when a pull request changes them. */
  taskFiles: readonly string[];
  /** Globs that never count, whatever their name. */
  ignoredFiles: readonly string[];
  /** Text that marks a task as skipped. */
  skipMarkers: readonly string[];
}

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  checkName: 'Agent OS: tasks',
  taskFiles: DEFAULT_TASK_FILE_GLOBS,
  ignoredFiles: DEFAULT_IGNORED_GLOBS,
  skipMarkers: DEFAULT_SKIP_MARKERS,
};
