import * as z from 'zod';
import { DEFAULT_SKIP_MARKERS } from '../tasks/parse-task-file.js';
import { DEFAULT_IGNORED_GLOBS, DEFAULT_TASK_FILE_GLOBS } from '../tasks/task-file-locations.js';
import { PERMISSION_LEVELS } from './lifecycle-settings.js';

const level = z.enum(PERMISSION_LEVELS.filter((l) => l !== 'none') as ['read', 'triage', 'write', 'maintain', 'admin']);
const label = z.string().trim().min(1).max(50);
/** A folder inside the repository: no `..`, no leading `/`. */
const folder = z
  .string()
  .regex(
    /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]+(?<!\/)$/,
    'a folder inside the repository, such as agent-os or docs/agent-os',
  );
/** What git accepts at the start of a branch name, ending with `/` or `-`. */
const branchPrefix = z
  .string()
  .regex(
    /^(?!\/)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]*[/-]$/,
    'letters, digits, ".", "_", "-" and "/", ending with "/" or "-" (such as agent-os/)',
  );

/**
 * `.github/agent-os.yml`: every key optional, every default below. Unknown keys are errors, so a typo is
 * reported rather than silently ignored. The configuration reference (docs/configuration.md) is checked against this schema.
 */
export const CONFIG_SCHEMA = z.strictObject({
  spec_root: folder.default('agent-os'),
  branch_prefix: branchPrefix.default('agent-os/'),
  labels: z
    .strictObject({
      shape_spec: label.default('shape-spec'),
      shaping: label.default('agent-os: shaping'),
      spec_written: label.default('agent-os: spec written'),
      done: label.default('agent-os: done'),
    })
    .prefault({}),
  check_name: z.string().trim().min(1).max(100).default('Agent OS: tasks'),
  permissions: z
    .strictObject({
      'shape-spec': level.default('write'),
      'write-spec': level.default('write'),
      'create-tasks': level.default('write'),
      'implement-tasks': level.default('write'),
      'plan-product': level.default('write'),
      'orchestrate-tasks': level.default('write'),
      tick: level.default('write'),
    })
    .prefault({}),
  skip_markers: z.array(z.string().min(1)).default([...DEFAULT_SKIP_MARKERS]),
  cancelled_markers: z.array(z.enum(['[-]', '[~]'])).default([]),
  story_checklists: z.enum(['shown', 'gated']).default('shown'),
  task_files: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_TASK_FILE_GLOBS]),
  ignored_files: z.array(z.string().min(1)).default([...DEFAULT_IGNORED_GLOBS]),
  draft_pull_requests: z.boolean().default(true),
  verification_report: z.boolean().default(true),
  roadmap_update: z.enum(['pull-request', 'push', 'off']).default('pull-request'),
  close_issue_on_merge: z.boolean().default(true),
  drafter: z.enum(['model', 'deterministic']).default('model'),
  model_context_tokens: z.number().int().min(1000).max(200000).default(12000),
  gate: z
    .strictObject({
      traceability: z.enum(['fail', 'warn', 'off']).default('warn'),
    })
    .prefault({}),
});

export type AgentOsConfig = z.output<typeof CONFIG_SCHEMA>;
