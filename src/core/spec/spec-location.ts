import type { LifecycleSettings } from '../config/lifecycle-settings.js';
import { makeSlug } from './make-slug.js';

/** Where an issue's spec lives: its branch and its folder (Agent OS v2.1 layout). */
export interface SpecLocation {
  issueNumber: number;
  slug: string;
  /** `YYYY-MM-DD`, the issue's creation date (UTC), so retries and title edits keep the same folder. */
  date: string;
  branch: string;
  folder: string;
  requirementsPath: string;
  specPath: string;
  tasksPath: string;
}

export interface SpecSubject {
  issueNumber: number;
  title: string;
  /** ISO timestamp of the issue's creation. */
  createdAt: string;
}

/** The date part of an ISO timestamp; today's shape for anything unparsable is the caller's business. */
function dateOf(createdAt: string): string {
  const time = Date.parse(createdAt);
  if (Number.isNaN(time)) throw new RangeError(`not a timestamp: ${createdAt}`);
  return new Date(time).toISOString().slice(0, 10);
}

function locate(
  issueNumber: number,
  slug: string,
  date: string,
  settings: Pick<LifecycleSettings, 'specRoot' | 'branchPrefix'>,
): SpecLocation {
  const folder = `${settings.specRoot}/specs/${date}-${slug}`;
  return {
    issueNumber,
    slug,
    date,
    branch: `${settings.branchPrefix}${issueNumber}-${slug}`,
    folder,
    requirementsPath: `${folder}/planning/requirements.md`,
    specPath: `${folder}/spec.md`,
    tasksPath: `${folder}/tasks.md`,
  };
}

/** The spec location for a new spec: the slug from the title (`issue-<n>` if nothing of it is usable). */
export function specLocationFor(
  subject: SpecSubject,
  settings: Pick<LifecycleSettings, 'specRoot' | 'branchPrefix'>,
): SpecLocation {
  return locate(
    subject.issueNumber,
    makeSlug(subject.title, `issue-${subject.issueNumber}`),
    dateOf(subject.createdAt),
    settings,
  );
}

/** The branch prefix that every spec branch of this issue starts with (`agent-os/12-`), whatever its title became. */
export function specBranchPrefix(issueNumber: number, settings: Pick<LifecycleSettings, 'branchPrefix'>): string {
  return `${settings.branchPrefix}${issueNumber}-`;
}

/**
 * The spec location of an existing spec branch (`agent-os/12-team-invites`): the slug is the branch's, so a
 * retitled issue keeps its folder. `undefined` if the branch is not a spec branch.
 */
export function specLocationOfBranch(
  branch: string,
  createdAt: string,
  settings: Pick<LifecycleSettings, 'specRoot' | 'branchPrefix'>,
): SpecLocation | undefined {
  if (!branch.startsWith(settings.branchPrefix)) return undefined;
  const match = /^(\d+)-([a-z0-9-]+)$/.exec(branch.slice(settings.branchPrefix.length));
  if (!match?.[1] || !match[2]) return undefined;
  return locate(Number(match[1]), match[2], dateOf(createdAt), settings);
}

/** The issue number a spec branch belongs to, or `undefined` for any other branch. */
export function issueNumberOfSpecBranch(
  branch: string,
  settings: Pick<LifecycleSettings, 'branchPrefix'>,
): number | undefined {
  if (!branch.startsWith(settings.branchPrefix)) return undefined;
  const match = /^(\d+)-[a-z0-9-]+$/.exec(branch.slice(settings.branchPrefix.length));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The spec.md beside a spec folder's tasks.md (`…/specs/<folder>/tasks.md`), if the path is one. */
export function specPathBeside(tasksPath: string): string | undefined {
  return /(^|\/)specs\/[^/]+\/tasks\.md$/.test(tasksPath)
    ? `${tasksPath.slice(0, -'tasks.md'.length)}spec.md`
    : undefined;
}
