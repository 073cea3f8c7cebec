import pLimit from 'p-limit';
import { blobLinker } from '../core/check/blob-linker.js';
import { applyTraceability } from '../core/check/apply-traceability.js';
import { decideGate } from '../core/check/decide-gate.js';
import type { GateReport, SpecTrace, TaskFileRead } from '../core/check/gate-types.js';
import { specPathBeside } from '../core/spec/spec-location.js';
import { traceRequirements } from '../core/spec/trace-requirements.js';
import { taskRulesOf, tooLargeReason, type GateSettings } from '../core/config/settings.js';
import { isAgentOsError } from '../core/errors.js';
import { findDeclaredScope } from '../core/spec/find-declared-scope.js';
import { findSpecReferences } from '../core/spec/find-spec-references.js';
import { applyScope } from '../core/tasks/apply-scope.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { isTemplateTaskFile, taskFileMatcher } from '../core/tasks/task-file-locations.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { listComparedFiles, listPullRequestFiles, type ChangedFile } from '../github/list-changed-files.js';
import { readFileAtRef } from '../github/read-file-at-ref.js';
import { readPullRequest } from '../github/read-pull-request.js';

/** Task files read at once; a pull request rarely has more than a few. */
const READ_CONCURRENCY = 4;

/** What the gate needs to know about a commit to check. */
export interface GateSubject {
  repo: RepoRef;
  /** The repository's web address, for links in the summary. */
  repoHtmlUrl: string;
  headSha: string;
  changedFiles: readonly ChangedFile[];
  /** The pull request description, for `Spec: <folder>` lines. */
  body: string | null;
}

export interface GateOutcome {
  headSha: string;
  /** The name the check run is reported under (the repository's `check_name`). */
  checkName: string;
  report: GateReport;
  /** The task files as read (for the checklist comment). */
  reads: TaskFileRead[];
  /** The task groups the description declares, if any. */
  scope?: string[];
  /** The files the commit changes against its base (not removed ones): where a spec folder's other files are. */
  changedPaths: string[];
}

/** The task files of a commit: the ones it changes, and those of the spec folders the description names. */
export async function readTaskFiles(client: GitHubClient, subject: GateSubject, settings: GateSettings): Promise<TaskFileRead[]> {
  const isTaskFile = taskFileMatcher(settings.taskFiles, settings.ignoredFiles);
  const changed = subject.changedFiles.filter((f) => !f.removed && isTaskFile(f.path)).map((f) => f.path);
  const referenced = new Map(findSpecReferences(subject.body).map((r) => [r.taskFile, r.written]));
  const paths = [...new Set([...referenced.keys(), ...changed])];
  const limit = pLimit(READ_CONCURRENCY);
  const scope = findDeclaredScope(subject.body);

  const reads = await Promise.all(
    paths.map((path) =>
      limit(async (): Promise<TaskFileRead | undefined> => {
        try {
          const read = await readFileAtRef(client, subject.repo, path, subject.headSha);
          const tooLarge = read.found ? tooLargeReason(read.text, settings) : undefined;
          if (tooLarge !== undefined) return { path, status: 'unreadable', reason: tooLarge };
          if (read.found) {
            const file = parseTaskFile(read.text, { path, ...taskRulesOf(settings) });
            // A spec tool's template the pull request changes (every task a `{{…}}` placeholder) gates nothing; a
            // file the description names is read whatever it holds.
            if (!referenced.has(path) && isTemplateTaskFile(file)) return undefined;
            const trace = file.dialect === 'agent-os' ? await readTrace(client, subject, settings, path, read.text) : undefined;
            return { path, status: 'read', file: applyScope(file, scope), ...(trace === undefined ? {} : { trace }) };
          }
          const written = referenced.get(path);
          const reason =
            written === undefined
              ? `${path} is not in this commit.`
              : `The description names the spec \`${written.replace(/`/g, "'")}\`, but it has no ${path.slice(path.lastIndexOf('/') + 1)} at this commit yet (write it with /create-tasks, or fix the Spec: line).`;
          return { path, status: 'missing', reason };
        } catch (error) {
          return { path, status: 'unreadable', reason: isAgentOsError(error) ? error.message : String(error) };
        }
      }),
    ),
  );
  return reads.filter((read) => read !== undefined);
}

/**
 * A spec's tasks.md held to the spec.md beside it (Agent OS's layout), unless traceability is off. Only where the
 * pull request changes that spec.md (a spec's own pull request): a pull request that only ticks tasks costs no read.
 */
async function readTrace(client: GitHubClient, subject: GateSubject, settings: GateSettings, tasksPath: string, tasks: string): Promise<SpecTrace | undefined> {
  const specPath = settings.traceability === 'off' ? undefined : specPathBeside(tasksPath);
  if (specPath === undefined || !subject.changedFiles.some((f) => f.path === specPath && !f.removed)) return undefined;
  const spec = await readFileAtRef(client, subject.repo, specPath, subject.headSha);
  return spec.found ? { ...traceRequirements(spec.text, tasks), specPath, tasksPath } : undefined;
}

async function gate(client: GitHubClient, subject: GateSubject, settings: GateSettings): Promise<GateOutcome> {
  const reads = await readTaskFiles(client, subject, settings);
  const scope = findDeclaredScope(subject.body);
  const link = blobLinker(subject.repoHtmlUrl, subject.headSha);
  return {
    headSha: subject.headSha,
    checkName: settings.checkName,
    report: applyTraceability(decideGate(reads, link, scope), reads, settings.traceability, link),
    reads,
    ...(scope === undefined ? {} : { scope }),
    changedPaths: subject.changedFiles.filter((f) => !f.removed).map((f) => f.path),
  };
}

/** Gate a pull request at its current head, read through the API. */
export async function gatePullRequest(
  client: GitHubClient,
  repo: RepoRef,
  repoHtmlUrl: string,
  number: number,
  settings: GateSettings,
): Promise<GateOutcome> {
  const [pullRequest, changedFiles] = await Promise.all([
    readPullRequest(client, repo, number),
    listPullRequestFiles(client, repo, number),
  ]);
  return gate(client, { repo, repoHtmlUrl, headSha: pullRequest.headSha, changedFiles, body: pullRequest.body }, settings);
}

/**
 * Gate a pull request at a commit we just made on its branch (GitHub may not show it as the head yet): its
 * description and changed files from the API, the task files at `headSha`.
 */
export async function gatePullRequestAt(
  client: GitHubClient,
  repo: RepoRef,
  repoHtmlUrl: string,
  number: number,
  headSha: string,
  settings: GateSettings,
  /** The pull request's description, when the caller has just read it. */
  knownBody?: string | null,
): Promise<GateOutcome> {
  const [body, changedFiles] = await Promise.all([
    knownBody === undefined ? readPullRequest(client, repo, number).then((pr) => pr.body) : Promise.resolve(knownBody),
    listPullRequestFiles(client, repo, number),
  ]);
  return gate(client, { repo, repoHtmlUrl, headSha, changedFiles, body }, settings);
}

export interface MergeGroupRef {
  headSha: string;
  baseSha: string;
  /** `refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>`: names the pull request whose description counts. */
  headRef: string;
}

/** The pull request a merge queue branch was made for, from its name. */
export function pullRequestOfMergeGroup(headRef: string): number | undefined {
  const match = /\/pr-(\d+)-[0-9a-f]+$/.exec(headRef);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Gate a merge queue entry on its own head commit, so the queue gets its answer. */
export async function gateMergeGroup(
  client: GitHubClient,
  repo: RepoRef,
  repoHtmlUrl: string,
  group: MergeGroupRef,
  settings: GateSettings,
): Promise<GateOutcome> {
  const changedFiles = await listComparedFiles(client, repo, group.baseSha, group.headSha);
  const number = pullRequestOfMergeGroup(group.headRef);
  const body = number === undefined ? null : (await readPullRequest(client, repo, number)).body;
  return gate(client, { repo, repoHtmlUrl, headSha: group.headSha, changedFiles, body }, settings);
}
