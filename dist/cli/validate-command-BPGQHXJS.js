import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  specPathBeside
} from "./chunk-LRZY2NFX.js";
import "./chunk-3O26EJHB.js";
import {
  readTextFileWithSize
} from "./chunk-OZC7NLMW.js";
import "./chunk-XCC4W2SI.js";
import {
  displayPath,
  findTaskFiles,
  readLocalSettings,
  readTextFileIfAny
} from "./chunk-ZDXQPSQJ.js";
import {
  isTemplateTaskFile,
  parseTaskFile,
  taskFileMatcher,
  taskRulesOf,
  tooLargeReasonForBytes
} from "./chunk-BSBV3LEP.js";
import {
  isMarkdownTooComplex
} from "./chunk-TT3HGKZC.js";
import {
  AgentOsError
} from "./chunk-QIJ5KXJY.js";
import "./chunk-TB6QAKHI.js";

// src/core/tasks/summarize-tasks.ts
function countTasks(tasks) {
  const required = tasks.filter((t) => t.required);
  return { tasks: tasks.length, required: required.length, complete: required.filter((t) => t.complete).length };
}
function tasksOfGroup(file, group) {
  return group.tasks.map((i) => file.tasks[i]).filter((t) => t !== void 0);
}
var INCOMPLETE_STATE_WORDS = {
  open: "open",
  "in-progress": "in progress",
  blocked: "blocked"
};
function incompleteStateOf(task) {
  return task.boxState === "done" ? "open" : task.boxState;
}
function listIncompleteTasks(file, tasks = file.tasks) {
  return tasks.filter((t) => t.required && !t.complete).map((t) => ({
    line: t.line,
    ...t.id === void 0 ? {} : { id: t.id },
    text: t.text,
    state: incompleteStateOf(t),
    group: file.groups[t.group]?.title ?? ""
  }));
}

// src/core/report/build-validation-report.ts
function buildValidationReport(files) {
  const reports = files.map(({ path, file }) => ({
    path,
    dialect: file.dialect,
    ...countTasks(file.tasks),
    incomplete: listIncompleteTasks(file),
    groups: file.groups.map((group) => ({
      title: group.title,
      ...group.number === void 0 ? {} : { number: group.number },
      line: group.line,
      ...group.dependencies === void 0 ? {} : { dependencies: group.dependencies },
      ...countTasks(tasksOfGroup(file, group))
    })),
    diagnostics: file.diagnostics.map(({ line, severity, code, message }) => ({ line, severity, code, message }))
  }));
  return { ok: reports.every((r) => r.complete === r.required), files: reports };
}

// src/core/tasks/dialect-names.ts
var DIALECT_NAMES = {
  "agent-os": "Agent OS",
  "spec-kit": "Spec Kit",
  kiro: "Kiro",
  openspec: "OpenSpec",
  bmad: "BMAD story",
  "spec-workflow": "spec-workflow",
  gfm: "Markdown checklist"
};

// src/core/report/render-validation-text.ts
function renderValidationText(report) {
  const lines = [];
  for (const file of report.files) {
    const mark = file.complete === file.required ? "\u2713" : "\u2717";
    lines.push(
      `${mark} ${file.path} (${DIALECT_NAMES[file.dialect]}): ${file.complete} of ${file.required} required tasks complete`
    );
    for (const task of file.incomplete) {
      lines.push(
        `${file.path}:${task.line}  ${task.id ?? "-"}  ${task.text}${task.state === "open" ? "" : `  (${INCOMPLETE_STATE_WORDS[task.state]})`}`
      );
    }
    for (const d of file.diagnostics) lines.push(`${file.path}:${d.line}  ${d.severity}: ${d.message}`);
  }
  const required = report.files.reduce((n, f) => n + f.required, 0);
  const complete = report.files.reduce((n, f) => n + f.complete, 0);
  const noun = report.files.length === 1 ? "file" : "files";
  lines.push(
    report.ok ? `All ${required} required tasks complete in ${report.files.length} task ${noun}.` : `${required - complete} of ${required} required tasks incomplete in ${report.files.length} task ${noun}.`
  );
  return lines.join("\n");
}

// src/fs/unique-real-paths.ts
import { realpath } from "node:fs/promises";
async function uniqueRealPaths(paths) {
  const real = await Promise.all(paths.map((path) => realpath(path).catch(() => path)));
  const chosen = /* @__PURE__ */ new Map();
  paths.forEach((path, i) => {
    const key = real[i] ?? path;
    if (!chosen.has(key) || path === key) chosen.set(key, path);
  });
  return [...chosen.values()];
}

// src/cli/validate-command.ts
import { resolve } from "node:path";
function parseOrRefuse(text, absolute, path, settings) {
  try {
    return parseTaskFile(text, { path: absolute, ...taskRulesOf(settings) });
  } catch (error) {
    if (isMarkdownTooComplex(error))
      throw new AgentOsError("user-input", `Cannot read ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
async function traceAgainstSpec(file, absolute, text, settings, cwd) {
  const specAbsolute = settings.traceability === "off" || file.dialect !== "agent-os" ? void 0 : specPathBeside(absolute.replace(/\\/g, "/"));
  const specPath = specAbsolute === void 0 ? void 0 : displayPath(specAbsolute, cwd);
  const spec = specAbsolute === void 0 || specPath === void 0 ? void 0 : await readTextFileIfAny(specAbsolute, specPath);
  if (spec === void 0) return { specPath, untraced: [] };
  const { traceRequirements } = await import("./trace-requirements-HP4ZZX6D.js");
  const untraced = traceRequirements(spec, text).untraced;
  return { specPath, untraced };
}
async function validateCommand(paths, options) {
  const settings = (await readLocalSettings(options.cwd)).gate;
  const named = paths.length === 0 ? ["."] : paths;
  const files = await uniqueRealPaths(await findTaskFiles(named, options.cwd, settings));
  const namedFiles = new Set(named.map((p) => resolve(options.cwd, p)));
  const isTaskFile = taskFileMatcher(settings.taskFiles, settings.ignoredFiles);
  const read = await Promise.all(
    files.map(async (absolute) => {
      const path = displayPath(absolute, options.cwd);
      const { text, bytes } = await readTextFileWithSize(absolute, path);
      const tooLarge = tooLargeReasonForBytes(bytes, settings);
      if (tooLarge !== void 0) throw new AgentOsError("user-input", `Cannot read ${path}: ${tooLarge}`);
      const file = parseOrRefuse(text, absolute, path, settings);
      if (file.tasks.length === 0 && namedFiles.has(absolute) && !isTaskFile(path.replace(/^\/+/, ""))) {
        throw new AgentOsError(
          "user-input",
          `${path} holds no task list: it has no task boxes (\`- [ ] \u2026\`). Name a task file (such as tasks.md) or a folder to search for them.`
        );
      }
      return {
        path,
        file,
        template: !namedFiles.has(absolute) && isTemplateTaskFile(file),
        trace: await traceAgainstSpec(file, absolute, text, settings, options.cwd)
      };
    })
  );
  const kept = read.filter((entry) => !entry.template);
  const parsed = kept.map(({ path, file }) => ({ path, file }));
  if (parsed.length === 0 && read.length > 0) {
    const templates = read.map((entry) => entry.path).join(", ");
    throw new AgentOsError(
      "user-input",
      `No task files under ${named.join(", ")}: ${templates} ${read.length === 1 ? "holds" : "hold"} only template placeholders ({{\u2026}}). Name the file itself to check it anyway.`
    );
  }
  const report = buildValidationReport(parsed);
  const traces = kept.flatMap(
    (k) => k.trace.untraced.length > 0 && k.trace.specPath !== void 0 ? [{ specPath: k.trace.specPath, untraced: k.trace.untraced }] : []
  );
  const failing = settings.traceability === "fail" && traces.length > 0;
  const stdout = options.json ? `${JSON.stringify(traces.length > 0 ? { ...report, ok: report.ok && !failing, traceability: { mode: settings.traceability, untraced: traces } } : report, null, 2)}
` : `${renderValidationText(report)}
${renderTraces(traces, settings.traceability)}`;
  return { exitCode: report.ok && !failing ? 0 : 1, stdout, stderr: "" };
}
function renderTraces(traces, mode) {
  if (traces.length === 0) return "";
  const lines = traces.flatMap(
    (t) => t.untraced.map((u) => `${t.specPath}:${u.line}: requirement ${u.number} has no task (${u.name})`)
  );
  const what = mode === "fail" ? "Traceability (gate.traceability: fail):" : "Traceability warnings (gate.traceability: warn):";
  return `
${what}
${lines.map((l) => `  ${l}`).join("\n")}
`;
}
export {
  validateCommand
};
