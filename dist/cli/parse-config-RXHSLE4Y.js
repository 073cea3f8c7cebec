import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  _enum,
  array,
  boolean,
  number,
  strictObject,
  string
} from "./chunk-4YIU4FYS.js";
import {
  DEFAULT_GATE_SETTINGS,
  DEFAULT_IGNORED_GLOBS,
  DEFAULT_SETTINGS,
  DEFAULT_SKIP_MARKERS,
  DEFAULT_TASK_FILE_GLOBS,
  PERMISSION_LEVELS
} from "./chunk-BSBV3LEP.js";
import "./chunk-TT3HGKZC.js";
import "./chunk-QIJ5KXJY.js";
import "./chunk-TB6QAKHI.js";

// src/core/config/config-schema.ts
var level = _enum(PERMISSION_LEVELS.filter((l) => l !== "none"));
var label = string().trim().min(1).max(50);
var folder = string().regex(
  /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+(?<!\/)$/,
  "a folder inside the repository, such as agent-os or docs/agent-os"
);
var branchPrefix = string().regex(
  /^(?!\/)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]*[/-]$/,
  'letters, digits, ".", "_", "-" and "/", ending with "/" or "-" (such as agent-os/)'
);
var CONFIG_SCHEMA = strictObject({
  spec_root: folder.default("agent-os"),
  branch_prefix: branchPrefix.default("agent-os/"),
  labels: strictObject({
    shape_spec: label.default("shape-spec"),
    shaping: label.default("agent-os: shaping"),
    spec_written: label.default("agent-os: spec written"),
    done: label.default("agent-os: done")
  }).prefault({}),
  check_name: string().trim().min(1).max(100).default("Agent OS: tasks"),
  permissions: strictObject({
    "shape-spec": level.default("write"),
    "write-spec": level.default("write"),
    "create-tasks": level.default("write"),
    "implement-tasks": level.default("write"),
    "plan-product": level.default("write"),
    "orchestrate-tasks": level.default("write"),
    tick: level.default("write")
  }).prefault({}),
  skip_markers: array(string().min(1)).default([...DEFAULT_SKIP_MARKERS]),
  cancelled_markers: array(_enum(["[-]", "[~]"])).default([]),
  story_checklists: _enum(["shown", "gated"]).default("shown"),
  task_files: array(string().min(1)).min(1).default([...DEFAULT_TASK_FILE_GLOBS]),
  ignored_files: array(string().min(1)).default([...DEFAULT_IGNORED_GLOBS]),
  draft_pull_requests: boolean().default(true),
  verification_report: boolean().default(true),
  roadmap_update: _enum(["pull-request", "push", "off"]).default("pull-request"),
  close_issue_on_merge: boolean().default(true),
  drafter: _enum(["model", "deterministic"]).default("model"),
  model_context_tokens: number().int().min(1e3).max(2e5).default(12e3),
  gate: strictObject({
    traceability: _enum(["fail", "warn", "off"]).default("warn")
  }).prefault({})
});

// src/core/config/parse-config.ts
function keyOf(path) {
  if (path.length === 0) return "(top level)";
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`).join("");
}
function describe(raw, path) {
  let value = raw;
  for (const p of path)
    value = typeof value === "object" && value !== null ? value[p] : void 0;
  if (value === void 0 || value === null) return "nothing";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}\u2026` : value)}`;
  if (typeof value === "number" || typeof value === "boolean")
    return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
  return Array.isArray(value) ? "a list" : "a mapping of keys";
}
var EXPECTED = {
  boolean: "true or false",
  string: "text",
  number: "a number",
  array: "a list",
  object: "a mapping of keys"
};
function closest(unknown, known) {
  const distance = (a, b) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i += 1) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const current = row[j] ?? 0;
        row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const ranked = known.map((k) => ({ k, d: distance(unknown.toLowerCase(), k) })).sort((x, y) => x.d - y.d)[0];
  return ranked !== void 0 && ranked.d <= 3 ? ranked.k : void 0;
}
function knownKeysAt(path) {
  let shape = CONFIG_SCHEMA.shape;
  for (const p of path) {
    const field = shape[p];
    shape = field?.def?.innerType?.shape ?? field?.def?.shape;
  }
  return typeof shape === "object" && shape !== null ? Object.keys(shape) : [];
}
function toProblem(issue, raw) {
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      return {
        key: keyOf([...issue.path, key]),
        message: `unknown key${guess === void 0 ? "" : ` (did you mean \`${guess}\`?)`}; known keys here: ${known.map((k) => `\`${k}\``).join(", ")}`
      };
    });
  }
  const received = describe(raw, issue.path);
  if (issue.code === "invalid_type") {
    return [
      {
        key: keyOf(issue.path),
        message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, received ${received}`
      }
    ];
  }
  if (issue.code === "invalid_value") {
    return [
      {
        key: keyOf(issue.path),
        message: `expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}, received ${received}`
      }
    ];
  }
  return [
    {
      key: keyOf(issue.path),
      message: `expected ${issue.message.replace(/^Invalid (string|input): /, "")}, received ${received}`
    }
  ];
}
function toSettings(config) {
  return {
    lifecycle: {
      specRoot: config.spec_root,
      branchPrefix: config.branch_prefix,
      labels: {
        shapeSpec: config.labels.shape_spec,
        shaping: config.labels.shaping,
        specWritten: config.labels.spec_written,
        done: config.labels.done
      },
      permissions: { ...config.permissions },
      draftPullRequests: config.draft_pull_requests,
      verificationReport: config.verification_report,
      roadmapUpdate: config.roadmap_update,
      closeIssueOnMerge: config.close_issue_on_merge,
      drafter: config.drafter,
      modelContextTokens: config.model_context_tokens
    },
    gate: {
      ...DEFAULT_GATE_SETTINGS,
      checkName: config.check_name,
      taskFiles: config.task_files,
      ignoredFiles: config.ignored_files,
      skipMarkers: config.skip_markers,
      traceability: config.gate.traceability,
      cancelledMarkers: config.cancelled_markers.map((box) => box === "[-]" ? "-" : "~"),
      storyChecklists: config.story_checklists
    }
  };
}
function parseConfig(raw) {
  const given = raw === null || raw === void 0 ? {} : raw;
  const input = typeof given === "object" && !Array.isArray(given) ? Object.fromEntries(Object.entries(given).filter(([k]) => k !== "_extends")) : given;
  const result = CONFIG_SCHEMA.safeParse(input);
  if (!result.success) return { ok: false, problems: result.error.issues.flatMap((issue) => toProblem(issue, input)) };
  return { ok: true, settings: toSettings(result.data), config: result.data };
}
function renderConfigProblems(file, problems) {
  const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
  return [
    `\`${file}\` has ${count}, so nothing was done:`,
    ...problems.map((p) => `- \`${p.key}\`: ${p.message}`),
    "",
    "Fix the file on the default branch; docs/configuration.md lists every key with its default."
  ].join("\n");
}
export {
  DEFAULT_SETTINGS,
  parseConfig,
  renderConfigProblems
};
