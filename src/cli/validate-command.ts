import { tooLargeReason } from '../core/config/settings.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { AgentOsError } from '../core/errors.js';
import { buildValidationReport } from '../core/report/build-validation-report.js';
import { renderValidationText } from '../core/report/render-validation-text.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { displayPath, findTaskFiles } from '../fs/find-task-files.js';
import { readTextFile } from '../fs/read-text-file.js';

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** `agent-os-github validate [PATH…] [--json]`: 0 when every required task is complete, 1 when not. */
export async function validateCommand(paths: readonly string[], options: { json: boolean; cwd: string }): Promise<CommandResult> {
  const settings = (await readLocalSettings(options.cwd)).gate;
  const files = await findTaskFiles(paths, options.cwd, settings);
  const parsed = await Promise.all(
    files.map(async (absolute) => {
      const path = displayPath(absolute, options.cwd);
      const text = await readTextFile(absolute, path);
      const tooLarge = tooLargeReason(text, settings);
      if (tooLarge !== undefined) throw new AgentOsError('user-input', `Cannot read ${path}: ${tooLarge}`);
      // The dialect is recognised from the whole path, so `cd .kiro/specs/x && validate tasks.md` still reads Kiro.
      return { path, file: parseTaskFile(text, { path: absolute, skipMarkers: settings.skipMarkers }) };
    }),
  );
  const report = buildValidationReport(parsed);
  const stderr = files.length === 0 ? `No task files found under ${options.cwd}.\n` : '';
  const stdout = options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderValidationText(report)}\n`;
  return { exitCode: report.ok ? 0 : 1, stdout, stderr };
}
