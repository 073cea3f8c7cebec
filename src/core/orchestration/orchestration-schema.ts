import { z } from 'zod';
import { nearestWord } from '../text/nearest-word.js';

/** A value written as plain text in YAML: `database-engineer`, `2`, `true`. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** Text only (a number or `true` is no standard or subagent name). */
const text = z.string();
/** Nothing written (`key:` or `key: ~`). */
const empty = z.null();

/**
 * One `task_groups:` entry written as a map: the keys Agent OS's orchestration.yml has, in the forms people write
 * them (a list, or one line split on commas). Unknown keys are reported, so a typo (`asignees:`) is named back
 * rather than silently doing nothing; the entry reader (`parseOrchestrationEntry`) checks what the values mean.
 */
export const ORCHESTRATION_ENTRY_SCHEMA = z.strictObject({
  name: z.union([scalar, empty]).optional(),
  number: z.union([z.number().int().nonnegative(), text, empty]).optional(),
  claude_code_subagent: z.union([text, empty]).optional(),
  standards: z.union([z.array(text), text, empty]).optional(),
  assignees: z.union([z.array(scalar), scalar, empty]).optional(),
  assignee: z.union([z.array(scalar), scalar, empty]).optional(),
});

/** The whole file: a map with a `task_groups:` list (each entry a name, or a map checked on its own). */
export const ORCHESTRATION_FILE_SCHEMA = z.strictObject({
  task_groups: z.union([z.array(z.unknown()), empty]).optional(),
});

export const ENTRY_KEYS = Object.keys(ORCHESTRATION_ENTRY_SCHEMA.shape);
export const FILE_KEYS = Object.keys(ORCHESTRATION_FILE_SCHEMA.shape);

/** What each key holds, for a message. */
const EXPECTED: Readonly<Record<string, string>> = {
  name: "the task group's name, as in tasks.md",
  number: 'a task group number such as 2',
  claude_code_subagent: 'the name of one subagent, such as database-engineer',
  standards: 'a list of standards such as `global/*` or `backend/api.md`',
  assignees: 'GitHub logins, such as `- octocat`',
  assignee: 'a GitHub login, such as octocat',
  task_groups: 'a list of task groups (`- name: …`)',
};

/** A problem found by a schema: the key it is about (its path inside the checked value) and what is wrong. */
export interface SchemaProblem {
  path: Array<string | number>;
  message: string;
}

/** A value as a message describes it: `the number 5`, `a list`, `a map of keys`. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  return Array.isArray(value) ? 'a list' : 'a map of keys';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const p of path)
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  return value;
}

/**
 * Check a value (as YAML reads it) against a schema: one problem per key, each naming the key, what it should
 * hold and what was found; an unknown key with the known key it is nearest to, if any.
 */
export function checkAgainst(
  schema: z.ZodType,
  value: unknown,
  known: readonly string[],
  owner: string,
): SchemaProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = nearestWord(key, known);
        problems.push({
          path: [...issue.path.map((p) => (typeof p === 'number' ? p : String(p))), key],
          message:
            `is not a key of ${owner}${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}: it is kept as written but does nothing; ` +
            `the keys are ${known.map((k) => `\`${k}\``).join(', ')}`,
        });
      }
      continue;
    }
    const [key] = issue.path;
    const id = issue.path.join('.');
    if (key === undefined || seen.has(id)) continue;
    seen.add(id);
    problems.push({
      path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: `should be ${EXPECTED[String(key)] ?? 'something else'}; found ${describe(valueAt(value, issue.path))}, which is ignored`,
    });
  }
  return problems;
}
