import { AgentOsError } from '../core/errors.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { draftingDeps, blobUrl, type LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';
import { readOrchestrationInputs, type OrchestrationInputs } from './read-orchestration-inputs.js';
import { syncSubIssues, type SubIssueOutcome } from './sync-sub-issues.js';
import { parseOrchestrationTasks, writeOrchestrationFiles } from './write-orchestration-files.js';

export type { SubIssueOutcome } from './sync-sub-issues.js';

export interface OrchestrateResult {
  location: SpecLocation;
  /** orchestration.yml and the prompt files: committed in one commit, or already as they should be. */
  files: 'committed' | 'unchanged';
  written: string[];
  subIssues: SubIssueOutcome[];
  /** Problems with a hand-edited orchestration.yml (kept as data, said in the reply). */
  problems: string[];
  orchestrationUrl: string;
  /** How the model drafted each group's prompt, when one is configured and wanted. */
  drafting?: Array<{ key: string; note: DraftingNote }>;
}

/** The spec issue's spec branch with tasks.md and what orchestrate-tasks reads of it; refused without them. */
async function readSpecBranch(ctx: LifecycleContext, issue: IssueSnapshot) {
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) {
    throw new AgentOsError(
      'user-input',
      `Issue #${issue.number} has no spec yet. Shape it (\`/shape-spec\`), write the spec (\`/write-spec\`) and the tasks (\`/create-tasks\`) first.`,
    );
  }
  const { location } = spec;
  const orchestrationPath = `${location.folder}/orchestration.yml`;
  const inputs = await readOrchestrationInputs(
    ctx,
    location,
    spec.headSha,
    orchestrationPath,
    `${location.folder}/implementation/prompts`,
  );
  const { tasksFile, head } = inputs;
  if (tasksFile === undefined || head === undefined) {
    throw new AgentOsError(
      'user-input',
      `The branch \`${location.branch}\` has no \`tasks.md\` yet: comment \`/create-tasks\` first.`,
    );
  }
  return { location, orchestrationPath, inputs, tasksFile, head };
}

/** The blob SHAs of the files orchestrate-tasks may replace, as just read: nothing is read again to compare. */
function knownBlobs(inputs: OrchestrationInputs, orchestrationPath: string): Map<string, string> {
  const blobs = new Map(inputs.prompts.map((p) => [p.path, p.sha]));
  if (inputs.existingPlan !== undefined) blobs.set(orchestrationPath, inputs.existingPlan.sha);
  return blobs;
}

/**
 * orchestrate-tasks: from tasks.md, write orchestration.yml and one implementation prompt per task group (one
 * commit, none when nothing would change), then keep one sub-issue per task group under the spec's issue:
 * created once (found again by its hidden marker), updated when its text would change, closed when its group
 * is complete.
 */
export async function orchestrateTasks(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  options: { deterministic?: boolean } = {},
): Promise<OrchestrateResult> {
  const { location, orchestrationPath, inputs, tasksFile, head } = await readSpecBranch(ctx, issue);
  const tasks = parseOrchestrationTasks(tasksFile.text, location.tasksPath, ctx.gateSettings);
  if (tasks === undefined) {
    throw new AgentOsError(
      'user-input',
      `\`${location.tasksPath}\` has no task groups with tasks in it, so there is nothing to orchestrate.`,
    );
  }
  const files = await writeOrchestrationFiles(
    githubSpecWorkspace(ctx.client, ctx.repo, location.branch, { head, blobs: knownBlobs(inputs, orchestrationPath) }),
    draftingDeps(ctx, options.deterministic),
    {
      folder: location.folder,
      specPath: location.specPath,
      orchestrationPath,
      tasks,
      tasksSource: tasksFile.text,
      existingPlan: inputs.existingPlan?.text,
      links: inputs.links,
      specTitle: issue.title,
      existingPrompts: new Set(inputs.prompts.map((p) => p.path)),
      message: (prompts) =>
        `Orchestrate tasks for #${issue.number}: ${issue.title}\n\norchestration.yml and ${prompts} implementation prompt${prompts === 1 ? '' : 's'} from ${location.tasksPath}.`,
    },
  );
  const problems = [...files.plan.problems];
  const subIssues = await syncSubIssues(ctx, {
    issue,
    location,
    tasks,
    tasksSource: tasksFile.text,
    groups: files.groups,
    create: true,
    problems,
  });
  return {
    location,
    files: files.written.length > 0 ? 'committed' : 'unchanged',
    written: files.written,
    subIssues,
    problems,
    orchestrationUrl: blobUrl(ctx, location.branch, orchestrationPath),
    ...(files.drafting === undefined ? {} : { drafting: files.drafting }),
  };
}
