import type { z } from 'zod';
import { CONFIG_SCHEMA, type AgentOsConfig } from './config-schema.js';
import type { LifecycleSettings } from './lifecycle-settings.js';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from './settings.js';

/** Everything the App, the Action and the CLI run with, from `.github/agent-os.yml` and its defaults. */
export interface Settings {
  lifecycle: LifecycleSettings;
  gate: GateSettings;
}

/** One problem in a configuration file: the key, and what is wrong with it in words. */
export interface ConfigProblem {
  /** `labels.shaping`, `task_files[2]`, or `(top level)`. */
  key: string;
  message: string;
}

export type ConfigResult =
  { ok: true; settings: Settings; config: AgentOsConfig } | { ok: false; problems: ConfigProblem[] };

function keyOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The value found at a path of the raw file, described for a message: `the string "yes"`, `a list`, `nothing`. */
function describe(raw: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = raw;
  for (const p of path)
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
  return Array.isArray(value) ? 'a list' : 'a mapping of keys';
}

const EXPECTED: Record<string, string> = {
  boolean: 'true or false',
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of keys',
};

/** The closest known key, for "did you mean". */
function closest(unknown: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
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
  return ranked !== undefined && ranked.d <= 3 ? ranked.k : undefined;
}

function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let shape: unknown = CONFIG_SCHEMA.shape;
  for (const p of path) {
    const field = (
      shape as Record<PropertyKey, { def?: { innerType?: { shape?: unknown }; shape?: unknown } } | undefined>
    )[p];
    shape = field?.def?.innerType?.shape ?? field?.def?.shape;
  }
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : [];
}

function toProblem(issue: z.core.$ZodIssue, raw: unknown): ConfigProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      return {
        key: keyOf([...issue.path, key]),
        message: `unknown key${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}; known keys here: ${known.map((k) => `\`${k}\``).join(', ')}`,
      };
    });
  }
  const received = describe(raw, issue.path);
  if (issue.code === 'invalid_type') {
    return [
      {
        key: keyOf(issue.path),
        message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, received ${received}`,
      },
    ];
  }
  if (issue.code === 'invalid_value') {
    return [
      {
        key: keyOf(issue.path),
        message: `expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}, received ${received}`,
      },
    ];
  }
  return [
    {
      key: keyOf(issue.path),
      message: `expected ${issue.message.replace(/^Invalid (string|input): /, '')}, received ${received}`,
    },
  ];
}

function toSettings(config: AgentOsConfig): Settings {
  return {
    lifecycle: {
      specRoot: config.spec_root,
      branchPrefix: config.branch_prefix,
      labels: {
        shapeSpec: config.labels.shape_spec,
        shaping: config.labels.shaping,
        specWritten: config.labels.spec_written,
        done: config.labels.done,
      },
      permissions: { ...config.permissions },
      draftPullRequests: config.draft_pull_requests,
      verificationReport: config.verification_report,
      roadmapUpdate: config.roadmap_update,
      closeIssueOnMerge: config.close_issue_on_merge,
      drafter: config.drafter,
      modelContextTokens: config.model_context_tokens,
    },
    gate: {
      ...DEFAULT_GATE_SETTINGS,
      checkName: config.check_name,
      taskFiles: config.task_files,
      ignoredFiles: config.ignored_files,
      skipMarkers: config.skip_markers,
      traceability: config.gate.traceability,
      cancelledMarkers: config.cancelled_markers.map((box) => (box === '[-]' ? '-' : '~')),
      storyChecklists: config.story_checklists,
    },
  };
}

/**
 * Validate a configuration (as read from YAML, `_extends` already resolved) and turn it into settings. Every
 * problem comes back at once, each naming its key, what was expected and what was found. No file (`null` or
 * `undefined`) gives the defaults.
 */
export function parseConfig(raw: unknown): ConfigResult {
  const given = raw === null || raw === undefined ? {} : raw;
  // `_extends` is the loader's (Probot's config convention), already followed by the time the file gets here.
  const input =
    typeof given === 'object' && !Array.isArray(given)
      ? Object.fromEntries(Object.entries(given).filter(([k]) => k !== '_extends'))
      : given;
  const result = CONFIG_SCHEMA.safeParse(input);
  if (!result.success) return { ok: false, problems: result.error.issues.flatMap((issue) => toProblem(issue, input)) };
  return { ok: true, settings: toSettings(result.data), config: result.data };
}

export { DEFAULT_SETTINGS } from './default-settings.js';

/** The problems as one message for a comment, a check run or stderr. */
export function renderConfigProblems(file: string, problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return [
    `\`${file}\` has ${count}, so nothing was done:`,
    ...problems.map((p) => `- \`${p.key}\`: ${p.message}`),
    '',
    'Fix the file on the default branch; docs/configuration.md lists every key with its default.',
  ].join('\n');
}
