import type { TraceabilityMode } from '../spec/trace-requirements.js';
import { DEFAULT_CANCELLED_MARKERS, DEFAULT_SKIP_MARKERS } from '../tasks/parse-task-file.js';
import { DEFAULT_IGNORED_GLOBS, DEFAULT_TASK_FILE_GLOBS } from '../tasks/task-file-locations.js';
import type { BoxMarker, ParseOptions } from '../tasks/types.js';

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
  /** Box markers that mean cancelled (skipped), such as `~` for `[~]`. */
  cancelledMarkers: readonly BoxMarker[];
  /** Whether a BMAD story's checklists outside `## Tasks / Subtasks` gate (`gated`) or are only shown. */
  storyChecklists: 'shown' | 'gated';
  /** Larger task files are reported as unreadable rather than parsed (parsing is synchronous). */
  maxTaskFileBytes: number;
  /** Whether a spec's requirements must each be named by a task (`gate.traceability`). */
  traceability: TraceabilityMode;
}

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  checkName: 'Agent OS: tasks',
  taskFiles: DEFAULT_TASK_FILE_GLOBS,
  ignoredFiles: DEFAULT_IGNORED_GLOBS,
  skipMarkers: DEFAULT_SKIP_MARKERS,
  cancelledMarkers: DEFAULT_CANCELLED_MARKERS,
  storyChecklists: 'shown',
  maxTaskFileBytes: 512 * 1024,
  traceability: 'warn',
};

/** Why a task file is not parsed, if it is too large; `undefined` when it is fine. */
export function tooLargeReason(text: string, settings: GateSettings): string | undefined {
  return tooLargeReasonForBytes(new TextEncoder().encode(text).length, settings);
}

/**
 * The same, from the file's size in bytes as stored: a file that is not valid UTF-8 grows when decoded (each bad
 * byte becomes a 3-byte replacement character), so where the bytes are at hand they are what is measured.
 */
export function tooLargeReasonForBytes(bytes: number, settings: GateSettings): string | undefined {
  if (bytes <= settings.maxTaskFileBytes) return undefined;
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  return `it is ${kb(bytes)}, over the ${kb(settings.maxTaskFileBytes)} a task file may have; split it into one file per spec.`;
}

/** The repository's rules for reading a task file (skip words, cancelled markers, story checklists). */
export function taskRulesOf(
  settings: GateSettings,
): Pick<ParseOptions, 'skipMarkers' | 'cancelledMarkers' | 'storyChecklists'> {
  return {
    skipMarkers: settings.skipMarkers,
    cancelledMarkers: settings.cancelledMarkers,
    storyChecklists: settings.storyChecklists,
  };
}
