import { countTasks, listIncompleteTasks, tasksOfGroup, type IncompleteTask } from '../tasks/summarize-tasks.js';
import type { Diagnostic, Dialect, TaskFile } from '../tasks/types.js';

export interface GroupReport {
  title: string;
  number?: string;
  line: number;
  dependencies?: string;
  tasks: number;
  required: number;
  complete: number;
}

export interface FileReport {
  path: string;
  dialect: Dialect;
  tasks: number;
  required: number;
  complete: number;
  incomplete: IncompleteTask[];
  groups: GroupReport[];
  diagnostics: Array<Pick<Diagnostic, 'line' | 'severity' | 'code' | 'message'>>;
}

export interface ValidationReport {
  /** Every required task of every file is complete. */
  ok: boolean;
  files: FileReport[];
}

/** The CLI's report (also its `--json` output) for parsed task files. */
export function buildValidationReport(files: ReadonlyArray<{ path: string; file: TaskFile }>): ValidationReport {
  const reports = files.map(({ path, file }): FileReport => ({
    path,
    dialect: file.dialect,
    ...countTasks(file.tasks),
    incomplete: listIncompleteTasks(file),
    groups: file.groups.map((group) => ({
      title: group.title,
      ...(group.number === undefined ? {} : { number: group.number }),
      line: group.line,
      ...(group.dependencies === undefined ? {} : { dependencies: group.dependencies }),
      ...countTasks(tasksOfGroup(file, group)),
    })),
    diagnostics: file.diagnostics.map(({ line, severity, code, message }) => ({ line, severity, code, message })),
  }));
  return { ok: reports.every((r) => r.complete === r.required), files: reports };
}
