import { taskRulesOf, tooLargeReasonForBytes } from '../core/config/settings.js';
import { AgentOsError } from '../core/errors.js';
import { isMarkdownTooComplex } from '../core/markdown/markdown-too-complex.js';
import { buildValidationReport } from '../core/report/build-validation-report.js';
import { renderValidationText } from '../core/report/render-validation-text.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { isTemplateTaskFile, taskFileMatcher } from '../core/tasks/task-file-locations.js';
import { displayPath, findTaskFiles } from '../fs/find-task-files.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { readTextFileWithSize } from '../fs/read-text-file.js';
import { uniqueRealPaths } from '../fs/unique-real-paths.js';
import { resolve } from 'node:path';

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/**
 * `agent-os-github validate [PATH…] [--json]`: 0 when every required task is complete, 1 when not, 2 on bad input.
 * No PATH is the current folder, exactly as `.` is. A file named on the command line must hold a task list, unless
 * it is a task file by its location (an empty `tasks.md` is a task list with nothing to do).
 */
export async function validateCommand(paths: readonly string[], options: { json: boolean; cwd: string }): Promise<CommandResult> {
  const settings = (await readLocalSettings(options.cwd)).gate;
  const named = paths.length === 0 ? ['.'] : paths;
  const files = await uniqueRealPaths(await findTaskFiles(named, options.cwd, settings));
  const namedFiles = new Set(named.map((p) => resolve(options.cwd, p)));
  const isTaskFile = taskFileMatcher(settings.taskFiles, settings.ignoredFiles);
  const read = await Promise.all(
    files.map(async (absolute) => {
      const path = displayPath(absolute, options.cwd);
      const { text, bytes } = await readTextFileWithSize(absolute, path);
      const tooLarge = tooLargeReasonForBytes(bytes, settings);
      if (tooLarge !== undefined) throw new AgentOsError('user-input', `Cannot read ${path}: ${tooLarge}`);
      // The dialect is recognised from the whole path, so `cd .kiro/specs/x && validate tasks.md` still reads Kiro.
      let file;
      try {
        file = parseTaskFile(text, { path: absolute, ...taskRulesOf(settings) });
      } catch (error) {
        // A file the parser would take too long on is refused like one that is too large: exit 2, with the line.
        if (isMarkdownTooComplex(error)) throw new AgentOsError('user-input', `Cannot read ${path}: ${error.message}`, { cause: error });
        throw error;
      }
      if (file.tasks.length === 0 && namedFiles.has(absolute) && !isTaskFile(path.replace(/^\/+/, ''))) {
        throw new AgentOsError(
          'user-input',
          `${path} holds no task list: it has no task boxes (\`- [ ] …\`). Name a task file (such as tasks.md) or a folder to search for them.`,
        );
      }
      // A spec tool's template found by a folder search (every task a `{{…}}` placeholder) is not a task file.
      return { path, file, template: !namedFiles.has(absolute) && isTemplateTaskFile(file) };
    }),
  );
  const parsed = read.filter((entry) => !entry.template).map(({ path, file }) => ({ path, file }));
  if (parsed.length === 0 && read.length > 0) {
    const templates = read.map((entry) => entry.path).join(', ');
    throw new AgentOsError(
      'user-input',
      `No task files under ${named.join(', ')}: ${templates} ${read.length === 1 ? 'holds' : 'hold'} only template placeholders ({{…}}). Name the file itself to check it anyway.`,
    );
  }
  const report = buildValidationReport(parsed);
  const stdout = options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderValidationText(report)}\n`;
  return { exitCode: report.ok ? 0 : 1, stdout, stderr: '' };
}
