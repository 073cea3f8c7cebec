import { isAgentOsError } from '../core/errors.js';
import { completeGroups } from '../core/orchestration/group-progress.js';
import { parseSubIssueMarker, renderSubIssue, type SubIssue } from '../core/orchestration/sub-issue.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import type { TaskFile } from '../core/tasks/types.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { addSubIssue, listRecentIssues, listSubIssues } from '../github/sub-issues.js';
import { createIssue, updateIssue, type IssueRecord } from '../github/write-issue.js';
import type { LifecycleContext } from './lifecycle-context.js';
import type { PlannedGroup } from './plan-groups.js';

/** Sub-issue labels that name a task group's specialisation (`task-group: database`). */
const SPECIALISATION_LABEL_PREFIX = 'task-group: ';

export interface SubIssueOutcome {
  group: string;
  title: string;
  number: number;
  url: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'closed';
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
