/** A repository permission level, lowest first (GitHub's collaborator permission levels). */
export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** Whether `held` is at least `needed`. */
export function permissionAtLeast(held: PermissionLevel, needed: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(held) >= PERMISSION_LEVELS.indexOf(needed);
}

/** The labels the App reads and sets on issues. */
export interface LifecycleLabels {
  /** Added by a person: shape this issue into a spec. */
  shapeSpec: string;
  /** Set by the App: clarifying questions asked, answers being folded in. */
  shaping: string;
  /** Set by the App: spec.md written. */
  specWritten: string;
  /** Set by the App: the spec's pull request merged. */
  done: string;
}

/** What a person can ask for in a comment, plus ticking a box in the checklist comment. */
export type PermissionSubject =
  'shape-spec' | 'write-spec' | 'create-tasks' | 'implement-tasks' | 'plan-product' | 'orchestrate-tasks' | 'tick';

/** Settings of the lifecycle phases (shape-spec, write-spec, …); the same in the App, the Action and the CLI. */
export interface LifecycleSettings {
  /** Folder that holds `product/` and `specs/`. */
  specRoot: string;
  /** Spec branches are `<branchPrefix><issue-number>-<slug>`. */
  branchPrefix: string;
  labels: LifecycleLabels;
  /** Permission a person needs for each slash command, and to tick a box in the checklist comment. */
  permissions: Record<PermissionSubject, PermissionLevel>;
  /** Open spec pull requests as drafts (falls back to a normal pull request where drafts are not available). */
  draftPullRequests: boolean;
  /** Write `verifications/final-verification.md` on a spec branch when its gate turns green. */
  verificationReport: boolean;
  /** When a spec pull request merges: tick its roadmap item through a pull request, a direct push, or not at all. */
  roadmapUpdate: 'pull-request' | 'push' | 'off';
  /** When a spec pull request merges: close the spec's issue with a summary. */
  closeIssueOnMerge: boolean;
  /** Who drafts spec.md and tasks.md: a model when one is configured (falling back to the rules), or the rules. */
  drafter: 'model' | 'deterministic';
  /** Tokens of repository context (tree, product docs, standards, relevant files) a model draft may read. */
  modelContextTokens: number;
}

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  specRoot: 'agent-os',
  branchPrefix: 'agent-os/',
  labels: {
    shapeSpec: 'shape-spec',
    shaping: 'agent-os: shaping',
    specWritten: 'agent-os: spec written',
    done: 'agent-os: done',
  },
  permissions: {
    'shape-spec': 'write',
    'write-spec': 'write',
    'create-tasks': 'write',
    'implement-tasks': 'write',
    'plan-product': 'write',
    'orchestrate-tasks': 'write',
    tick: 'write',
  },
  draftPullRequests: true,
  verificationReport: true,
  roadmapUpdate: 'pull-request',
  closeIssueOnMerge: true,
  drafter: 'model',
  modelContextTokens: 12000,
};

/** Every phase label the App sets; moving to one removes the others. */
export function phaseLabels(labels: LifecycleLabels): string[] {
  return [labels.shaping, labels.specWritten, labels.done];
}
