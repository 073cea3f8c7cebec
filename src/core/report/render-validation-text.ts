import { DIALECT_NAMES } from '../tasks/dialect-names.js';
import { INCOMPLETE_STATE_WORDS } from '../tasks/summarize-tasks.js';
import type { ValidationReport } from './build-validation-report.js';

/** The CLI's human output: per file its progress, then each incomplete task as `path:line  id  text`. */
export function renderValidationText(report: ValidationReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const mark = file.complete === file.required ? '✓' : '✗';
    lines.push(
      `${mark} ${file.path} (${DIALECT_NAMES[file.dialect]}): ${file.complete} of ${file.required} required tasks complete`,
    );
    for (const task of file.incomplete) {
      lines.push(
        `${file.path}:${task.line}  ${task.id ?? '-'}  ${task.text}${task.state === 'open' ? '' : `  (${INCOMPLETE_STATE_WORDS[task.state]})`}`,
      );
    }
    for (const d of file.diagnostics) lines.push(`${file.path}:${d.line}  ${d.severity}: ${d.message}`);
  }
  const required = report.files.reduce((n, f) => n + f.required, 0);
  const complete = report.files.reduce((n, f) => n + f.complete, 0);
  const noun = report.files.length === 1 ? 'file' : 'files';
  lines.push(
    report.ok
      ? `All ${required} required tasks complete in ${report.files.length} task ${noun}.`
      : `${required - complete} of ${required} required tasks incomplete in ${report.files.length} task ${noun}.`,
  );
  return lines.join('\n');
}
