import { tooLargeReason } from '../core/config/settings.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { AgentOsError } from '../core/errors.js';
import { buildValidationReport } from '../core/report/build-validation-report.js';
import { renderValidationText } from '../core/report/render-validation-text.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { displayPath, findTaskFiles } from '../fs/find-task-files.js';
import { readTextFile } from '../fs/read-text-file.js';
import { readTextFileIfAny } from '../fs/write-text-file.js';
import { specPathBeside } from '../core/spec/spec-location.js';
import { traceRequirements, type UntracedRequirement } from '../core/spec/trace-requirements.js';

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
      const file = parseTaskFile(text, { path: absolute, skipMarkers: settings.skipMarkers });
      const specAbsolute = settings.traceability === 'off' || file.dialect !== 'agent-os' ? undefined : specPathBeside(absolute.replace(/\\/g, '/'));
      const specPath = specAbsolute === undefined ? undefined : displayPath(specAbsolute, options.cwd);
      const spec = specAbsolute === undefined || specPath === undefined ? undefined : await readTextFileIfAny(specAbsolute, specPath);
      const untraced = spec === undefined ? [] : traceRequirements(spec, text).untraced;
      return { path, file, trace: { specPath, untraced } };
    }),
  );
  const report = buildValidationReport(parsed);
  const traces = parsed.flatMap((p) => (p.trace.untraced.length > 0 && p.trace.specPath !== undefined ? [{ specPath: p.trace.specPath, untraced: p.trace.untraced }] : []));
  const failing = settings.traceability === 'fail' && traces.length > 0;
  const stderr = files.length === 0 ? `No task files found under ${options.cwd}.\n` : '';
  const stdout = options.json
    ? `${JSON.stringify(traces.length > 0 ? { ...report, ok: report.ok && !failing, traceability: { mode: settings.traceability, untraced: traces } } : report, null, 2)}\n`
    : `${renderValidationText(report)}\n${renderTraces(traces, settings.traceability)}`;
  return { exitCode: report.ok && !failing ? 0 : 1, stdout, stderr };
}

/** `agent-os/specs/x/spec.md:12: requirement 3 has no task (…)`, one line per requirement no task names. */
function renderTraces(traces: ReadonlyArray<{ specPath: string; untraced: UntracedRequirement[] }>, mode: string): string {
  if (traces.length === 0) return '';
  const lines = traces.flatMap((t) => t.untraced.map((u) => `${t.specPath}:${u.line}: requirement ${u.number} has no task (${u.name})`));
  const what = mode === 'fail' ? 'Traceability (gate.traceability: fail):' : 'Traceability warnings (gate.traceability: warn):';
  return `\n${what}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
