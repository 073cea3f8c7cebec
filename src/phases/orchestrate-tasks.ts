import { taskRulesOf } from '../core/config/settings.js';
import { AgentOsError, isAgentOsError } from '../core/errors.js';
import { groupPromptPath, renderGroupPrompt, type SpecFileLinks } from '../core/orchestration/group-prompt.js';
import { completeGroups, groupKey } from '../core/orchestration/group-progress.js';
import {
  orchestrationFor,
  planOrchestration,
  type OrchestrationGroup,
} from '../core/orchestration/orchestration-file.js';
import { parseSubIssueMarker, renderSubIssue, type SubIssue } from '../core/orchestration/sub-issue.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import type { TaskFile, TaskGroup } from '../core/tasks/types.js';
import { gitBlobSha } from '../github/git-blob-sha.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import { commitFilesOnBranch } from '../github/commit-files.js';
import { listDirectory } from '../github/list-directory.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { addSubIssue, listRecentIssues, listSubIssues } from '../github/sub-issues.js';
import type { FileToWrite } from '../github/write-files.js';
import { createIssue, updateIssue, type IssueRecord } from '../github/write-issue.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import { draftGroupPrompts } from './draft-group-prompts.js';
import { blobUrl, type LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';
import { readOrchestrationInputs } from './read-orchestration-inputs.js';

/** Sub-issue labels that name a task group's specialisation (`task-group: database`). */
const SPECIALISATION_LABEL_PREFIX = 'task-group: ';

export interface SubIssueOutcome {
  group: string;
  title: string;
  number: number;
  url: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'closed';
}

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

/** The spec's task groups with their key, prompt and sub-issue as they should be. */
export interface PlannedGroup {
  key: string;
  group: TaskGroup;
  orchestration: OrchestrationGroup | undefined;
  promptPath: string;
  prompt: string;
}

/** The spec folder's files a prompt links to (repository paths: a coding agent reads them from its checkout). */
export async function specFileLinks(ctx: LifecycleContext, location: SpecLocation): Promise<SpecFileLinks> {
  const visuals = await listDirectory(ctx.client, ctx.repo, `${location.folder}/planning/visuals`, location.branch);
  return {
    specFolder: location.folder,
    spec: location.specPath,
    requirements: location.requirementsPath,
    tasks: location.tasksPath,
    visuals: visuals.filter((v) => v.type === 'file').map((v) => v.path),
  };
}

/** Task groups with at least one task, each with its prompt. */
export function planGroups(input: {
  tasks: TaskFile;
  tasksSource: string;
  orchestration: readonly OrchestrationGroup[];
  links: SpecFileLinks;
  specTitle: string;
}): PlannedGroup[] {
  const matched = orchestrationFor(input.tasks, input.orchestration);
  return input.tasks.groups
    .filter((group) => group.tasks.length > 0)
    .map((group) => {
      const key = groupKey(group, input.tasks);
      const orchestration = matched[group.index];
      return {
        key,
        group,
        orchestration,
        promptPath: groupPromptPath(input.links.specFolder, group, input.tasks),
        prompt: renderGroupPrompt({
          tasks: input.tasks,
          tasksSource: input.tasksSource,
          group,
          ...(orchestration ? { orchestration } : {}),
          links: input.links,
          specTitle: input.specTitle,
        }),
      };
    });
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
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) {
    throw new AgentOsError(
      'user-input',
      `Issue #${issue.number} has no spec yet. Shape it (\`/shape-spec\`), write the spec (\`/write-spec\`) and the tasks (\`/create-tasks\`) first.`,
    );
  }
  const { location } = spec;
  const orchestrationPath = `${location.folder}/orchestration.yml`;
  const promptsFolder = `${location.folder}/implementation/prompts`;
  const { tasksFile, existingPlan, head, prompts, links } = await readOrchestrationInputs(
    ctx,
    location,
    spec.headSha,
    orchestrationPath,
    promptsFolder,
  );
  if (tasksFile === undefined || head === undefined) {
    throw new AgentOsError(
      'user-input',
      `The branch \`${location.branch}\` has no \`tasks.md\` yet: comment \`/create-tasks\` first.`,
    );
  }
  const tasks = parseTaskFile(tasksFile.text, { path: location.tasksPath, ...taskRulesOf(ctx.gateSettings) });
  if (!tasks.groups.some((g) => g.tasks.length > 0)) {
    throw new AgentOsError(
      'user-input',
      `\`${location.tasksPath}\` has no task groups with tasks in it, so there is nothing to orchestrate.`,
    );
  }
  const plan = planOrchestration(tasks, existingPlan?.text);
  let groups = planGroups({
    tasks,
    tasksSource: tasksFile.text,
    orchestration: plan.groups,
    links,
    specTitle: issue.title,
  });
  let drafting: OrchestrateResult['drafting'];
  if (ctx.model !== undefined && ctx.settings.drafter === 'model' && options.deterministic !== true) {
    ({ groups, notes: drafting } = await draftGroupPrompts(
      githubSpecWorkspace(ctx.client, ctx.repo, location.branch),
      { model: ctx.model, settings: ctx.settings, log: ctx.log },
      {
        folder: location.folder,
        specPath: location.specPath,
        tasks,
        groups,
        specTitle: issue.title,
        existingPrompts: new Set(prompts.map((p) => p.path)),
      },
    ));
  }

  // Files: only those whose content would change (prompt blobs compared by hash, so no prompt is read).
  const promptShas = new Map(prompts.map((p) => [p.path, p.sha]));
  const files: FileToWrite[] = [];
  if (existingPlan?.text !== plan.text) files.push({ path: orchestrationPath, content: plan.text });
  for (const g of groups)
    if (promptShas.get(g.promptPath) !== gitBlobSha(g.prompt)) files.push({ path: g.promptPath, content: g.prompt });
  if (files.length > 0) {
    await commitFilesOnBranch(ctx.client, ctx.repo, {
      branch: location.branch,
      head,
      files,
      message: `Orchestrate tasks for #${issue.number}: ${issue.title}\n\norchestration.yml and ${groups.length} implementation prompt${groups.length === 1 ? '' : 's'} from ${location.tasksPath}.`,
    });
  }

  const problems = [...plan.problems];
  const subIssues = await syncSubIssues(ctx, {
    issue,
    location,
    tasks,
    tasksSource: tasksFile.text,
    groups,
    create: true,
    problems,
  });
  return {
    location,
    files: files.length > 0 ? 'committed' : 'unchanged',
    written: files.map((f) => f.path),
    subIssues,
    problems,
    orchestrationUrl: blobUrl(ctx, location.branch, orchestrationPath),
    ...(drafting === undefined ? {} : { drafting }),
  };
}

/** Our sub-issues of a spec issue, by group key: attached ones first, then (when creating) any opened but never attached. */
async function findSubIssues(ctx: LifecycleContext, parent: number, folder: string): Promise<Map<string, IssueRecord>> {
  const found = new Map<string, IssueRecord>();
  for (const child of await listSubIssues(ctx.client, ctx.repo, parent)) {
    const marker = parseSubIssueMarker(child.body);
    if (marker?.specFolder === folder && !found.has(marker.group)) found.set(marker.group, child);
  }
  return found;
}

/**
 * Keep the sub-issues in step with the task groups. With `create`, missing ones are opened (an issue opened
 * by an earlier run that stopped before attaching it is found among the recent issues by its marker, and attached) and
 * texts are updated; without it (a push), only groups that became complete are closed.
 */
export async function syncSubIssues(
  ctx: LifecycleContext,
  input: {
    issue: Pick<IssueSnapshot, 'number' | 'title'>;
    location: SpecLocation;
    tasks: TaskFile;
    tasksSource: string;
    groups: readonly PlannedGroup[];
    create: boolean;
    /** Where problems met on the way are said (a login GitHub would not assign). */
    problems?: string[];
  },
): Promise<SubIssueOutcome[]> {
  const { issue, location } = input;
  const existing = await findSubIssues(ctx, issue.number, location.folder);
  const complete = completeGroups(input.tasks);
  const desired = input.groups.map((g) => ({
    planned: g,
    issue: renderSubIssue({
      specTitle: issue.title,
      specIssue: issue.number,
      group: g.group,
      groupKey: g.key,
      tasks: input.tasks,
      tasksSource: input.tasksSource,
      prompt: g.prompt,
      promptPath: g.promptPath,
      specFolder: location.folder,
      ...(g.orchestration ? { orchestration: g.orchestration } : {}),
    }),
  }));

  if (input.create && desired.some((d) => !existing.has(d.planned.key))) {
    for (const orphan of await listRecentIssues(ctx.client, ctx.repo)) {
      const marker = parseSubIssueMarker(orphan.body);
      if (marker?.specFolder !== location.folder || existing.has(marker.group)) continue;
      await addSubIssue(ctx.client, ctx.repo, issue.number, orphan);
      existing.set(marker.group, orphan);
    }
  }

  // One at a time, in group order: sub-issue numbers follow the groups, and a failure stops before the next one.
  const outcomes: SubIssueOutcome[] = [];
  for (const { planned, issue: want } of desired) {
    const outcome = await syncOne(ctx, {
      parent: issue.number,
      planned,
      want,
      have: existing.get(planned.key),
      done: complete.has(planned.key),
      create: input.create,
      problems: input.problems,
    });
    if (outcome !== undefined) outcomes.push(outcome);
  }
  if (outcomes.some((o) => o.outcome === 'created')) await closeDuplicates(ctx, issue.number, location.folder);
  return outcomes;
}

/**
 * The same command run twice at once (on the issue and on the pull request, or on two replicas) can open a group's
 * sub-issue twice: the oldest stays, the newer ones are closed as duplicates.
 */
async function closeDuplicates(ctx: LifecycleContext, parent: number, folder: string): Promise<void> {
  const seen = new Set<string>();
  for (const child of (await listSubIssues(ctx.client, ctx.repo, parent)).sort((a, b) => a.number - b.number)) {
    const marker = parseSubIssueMarker(child.body);
    if (marker?.specFolder !== folder) continue;
    if (!seen.has(marker.group)) {
      seen.add(marker.group);
    } else if (child.state === 'open') {
      await updateIssue(ctx.client, ctx.repo, child.number, { state: 'closed', stateReason: 'duplicate' });
    }
  }
}

async function syncOne(
  ctx: LifecycleContext,
  input: {
    parent: number;
    planned: PlannedGroup;
    want: SubIssue;
    have: IssueRecord | undefined;
    done: boolean;
    create: boolean;
    problems?: string[] | undefined;
  },
): Promise<SubIssueOutcome | undefined> {
  const { planned, want, have, done } = input;
  if (have === undefined) {
    if (!input.create) return undefined;
    const created = await createIssue(ctx.client, ctx.repo, want).catch(async (error: unknown) => {
      // GitHub refuses the whole issue for one login it cannot assign: open it unassigned, and say which.
      if (want.assignees.length === 0 || !isAgentOsError(error) || error.kind !== 'user-input') throw error;
      input.problems?.push(
        `Task Group ${planned.key}: GitHub would not assign ${want.assignees.map((a) => `@${a}`).join(', ')} (${error.message}); the sub-issue was opened unassigned.`,
      );
      return createIssue(ctx.client, ctx.repo, { ...want, assignees: [] });
    });
    await addSubIssue(ctx.client, ctx.repo, input.parent, created);
    const closed = done
      ? await updateIssue(ctx.client, ctx.repo, created.number, { state: 'closed', stateReason: 'completed' })
      : created;
    return { group: planned.key, title: want.title, number: closed.number, url: closed.htmlUrl, outcome: 'created' };
  }
  const retext = input.create && (have.title !== want.title || have.body.trim() !== want.body.trim());
  // Assignees named in orchestration.yml are added; people assigned by hand stay.
  const missing = input.create ? want.assignees.filter((a) => !have.assignees.includes(a)) : [];
  // The specialisation label follows orchestration.yml; other labels stay.
  const relabel = input.create && want.labels.some((l) => !have.labels.includes(l));
  const labels = [...have.labels.filter((l) => !l.startsWith(SPECIALISATION_LABEL_PREFIX)), ...want.labels];
  const close = done && have.state === 'open';
  if (!retext && !close && missing.length === 0 && !relabel)
    return { group: planned.key, title: have.title, number: have.number, url: have.htmlUrl, outcome: 'unchanged' };
  const updated = await updateIssue(ctx.client, ctx.repo, have.number, {
    ...(retext ? { title: want.title, body: want.body } : {}),
    ...(missing.length > 0 ? { assignees: [...have.assignees, ...missing] } : {}),
    ...(relabel ? { labels } : {}),
    ...(close ? { state: 'closed' as const, stateReason: 'completed' as const } : {}),
  });
  return {
    group: planned.key,
    title: updated.title,
    number: updated.number,
    url: updated.htmlUrl,
    outcome: close ? 'closed' : 'updated',
  };
}
