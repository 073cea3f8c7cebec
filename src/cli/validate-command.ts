import { taskRulesOf, tooLargeReasonForBytes } from '../core/config/settings.js';
import { AgentOsError } from '../core/errors.js';
import { isMarkdownTooComplex } from '../core/markdown/markdown-too-complex.js';
import { buildValidationReport } from '../core/report/build-validation-report.js';
import { renderValidationText } from '../core/report/render-validation-text.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import type { TaskFile } from '../core/tasks/types.js';
import { isTemplateTaskFile, taskFileMatcher } from '../core/tasks/task-file-locations.js';
import { displayPath, findTaskFiles } from '../fs/find-task-files.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { readTextFileWithSize } from '../fs/read-text-file.js';
import { uniqueRealPaths } from '../fs/unique-real-paths.js';
import { readTextFileIfAny } from '../fs/write-text-file.js';
import { specPathBeside } from '../core/spec/spec-location.js';
import type { UntracedRequirement } from '../core/spec/trace-requirements.js';
import { resolve } from 'node:path';

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

type GateSettings = Awaited<ReturnType<typeof readLocalSettings>>['gate'];

/** Parse a task file; one the parser would take too long on is refused like one that is too large: exit 2, with the line. */
function parseOrRefuse(text: string, absolute: string, path: string, settings: GateSettings): TaskFile {
  try {
    return parseTaskFile(text, { path: absolute, ...taskRulesOf(settings) });
  } catch (error) {
    if (isMarkdownTooComplex(error))
      throw new AgentOsError('user-input', `Cannot read ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** The requirements of the spec.md beside an Agent OS tasks.md that no task names (none when tracing is off). */
async function traceAgainstSpec(
  file: TaskFile,
  absolute: string,
  text: string,
  settings: GateSettings,
  cwd: string,
): Promise<{ specPath: string | undefined; untraced: UntracedRequirement[] }> {
  const specAbsolute =
    settings.traceability === 'off' || file.dialect !== 'agent-os'
      ? undefined
      : specPathBeside(absolute.replace(/\\/g, '/'));
  const specPath = specAbsolute === undefined ? undefined : displayPath(specAbsolute, cwd);
  const spec =
    specAbsolute === undefined || specPath === undefined ? undefined : await readTextFileIfAny(specAbsolute, specPath);
  if (spec === undefined) return { specPath, untraced: [] };
  // The spec's parser (unified, remark) is loaded only when there is a spec.md to trace against.
  const { traceRequirements } = await import('../core/spec/trace-requirements.js');
  const untraced = traceRequirements(spec, text).untraced;
  return { specPath, untraced };
}

/**
 * `agent-os-github validate [PATH…] [--json]`: 0 when every required task is complete, 1 when not, 2 on bad input.
 * No PATH is the current folder, exactly as `.` is. A file named on the command line must hold a task list, unless
 * it is a task file by its location (an empty `tasks.md` is a task list with nothing to do).
 */
export async function validateCommand(
  paths: readonly string[],
  options: { json: boolean; cwd: string },
): Promise<CommandResult> {
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
      const file = parseOrRefuse(text, absolute, path, settings);
      if (file.tasks.length === 0 && namedFiles.has(absolute) && !isTaskFile(path.replace(/^\/+/, ''))) {
        throw new AgentOsError(
          'user-input',
          `${path} holds no task list: it has no task boxes (\`- [ ] …\`). Name a task file (such as tasks.md) or a folder to search for them.`,
        );
      }
      // A spec tool's template found by a folder search (every task a `{{…}}` placeholder) is not a task file.
      // A spec's tasks.md is held to the spec.md beside it: each specific requirement named by a task.
      return {
        path,
        file,
        template: !namedFiles.has(absolute) && isTemplateTaskFile(file),
        trace: await traceAgainstSpec(file, absolute, text, settings, options.cwd),
      };
    }),
  );
  const kept = read.filter((entry) => !entry.template);
  const parsed = kept.map(({ path, file }) => ({ path, file }));
  if (parsed.length === 0 && read.length > 0) {
    const templates = read.map((entry) => entry.path).join(', ');
    throw new AgentOsError(
      'user-input',
      `No task files under ${named.join(', ')}: ${templates} ${read.length === 1 ? 'holds' : 'hold'} only template placeholders ({{…}}). Name the file itself to check it anyway.`,
    );
  }
  const report = buildValidationReport(parsed);
  const traces = kept.flatMap((k) =>
    k.trace.untraced.length > 0 && k.trace.specPath !== undefined
      ? [{ specPath: k.trace.specPath, untraced: k.trace.untraced }]
      : [],
  );
  const failing = settings.traceability === 'fail' && traces.length > 0;
  const stdout = options.json
    ? `${JSON.stringify(traces.length > 0 ? { ...report, ok: report.ok && !failing, traceability: { mode: settings.traceability, untraced: traces } } : report, null, 2)}\n`
    : `${renderValidationText(report)}\n${renderTraces(traces, settings.traceability)}`;
  return { exitCode: report.ok && !failing ? 0 : 1, stdout, stderr: '' };
}

/** `agent-os/specs/x/spec.md:12: requirement 3 has no task (…)`, one line per requirement no task names. */
function renderTraces(
  traces: ReadonlyArray<{ specPath: string; untraced: UntracedRequirement[] }>,
  mode: string,
): string {
  if (traces.length === 0) return '';
  const lines = traces.flatMap((t) =>
    t.untraced.map((u) => `${t.specPath}:${u.line}: requirement ${u.number} has no task (${u.name})`),
  );
  const what =
    mode === 'fail' ? 'Traceability (gate.traceability: fail):' : 'Traceability warnings (gate.traceability: warn):';
  return `\n${what}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
