import pLimit from 'p-limit';
import { blobLinker } from '../core/check/blob-linker.js';
import { applyTraceability } from '../core/check/apply-traceability.js';
import { decideGate } from '../core/check/decide-gate.js';
import type { GateReport, SpecTrace, TaskFileRead } from '../core/check/gate-types.js';
import { specPathBeside } from '../core/spec/spec-location.js';
import { traceRequirements } from '../core/spec/trace-requirements.js';
import { taskRulesOf, tooLargeReason, type GateSettings } from '../core/config/settings.js';
import { isAgentOsError } from '../core/errors.js';
import { declaredScopeIn, SCOPE_LABEL } from '../core/spec/find-declared-scope.js';
import {
  descriptionLines,
  SPEC_LABEL,
  specReferencesIn,
  type SpecReference,
} from '../core/spec/find-spec-references.js';
import { applyScope } from '../core/tasks/apply-scope.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { isTemplateTaskFile, taskFileMatcher } from '../core/tasks/task-file-locations.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import {
  listComparedFiles,
  listPullRequestFiles,
  textFromFileList,
  type ChangedFile,
} from '../github/list-changed-files.js';
import { storeOf } from '../github/conditional-requests.js';
import { readBlob, readFileAtRef } from '../github/read-file-at-ref.js';
import {
  isPayloadCurrent,
  recallPullRequest,
  rememberPullRequest,
  type PullRequestSnapshot,
} from '../github/pull-request-memory.js';
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
  /** Texts of files at `headSha` the caller knows (it just wrote the commit); `null`: not in it. Not read again. */
  known?: ReadonlyMap<string, string | null>;
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
  /**
   * The head just became this commit (a current `synchronize`/`opened` payload): no check run of ours is on it
   * unless the App's store says it made one, so it need not be listed first.
   */
  newHead?: boolean;
}

/** What the gate reads in a pull request's description: its `Spec:` lines and its `Implements:` scope. */
export interface DescriptionFindings {
  references: SpecReference[];
  scope: string[] | undefined;
}

/** Both findings from one parse of the description (none when it cannot hold either line). */
export function findInDescription(body: string | null | undefined): DescriptionFindings {
  const lines = descriptionLines(body, [SPEC_LABEL, SCOPE_LABEL]);
  return { references: specReferencesIn(lines), scope: declaredScopeIn(lines) };
}

/** The task files of a commit: the ones it changes, and those of the spec folders the description names. */
export async function readTaskFiles(
  client: GitHubClient,
  subject: GateSubject,
  settings: GateSettings,
  description: DescriptionFindings = findInDescription(subject.body),
): Promise<TaskFileRead[]> {
  const isTaskFile = taskFileMatcher(settings.taskFiles, settings.ignoredFiles);
  const changedTaskFiles = subject.changedFiles.filter((f) => !f.removed && isTaskFile(f.path));
  const changed = changedTaskFiles.map((f) => f.path);
  // A changed file's blob SHA names its content at the head: with a store, one read serves every later push
  // that leaves the file as it is (an unchanged SHA is unchanged text, whatever the payload says).
  const blobs =
    storeOf(client) === undefined
      ? new Map<string, string>()
      : new Map(changedTaskFiles.flatMap((f) => (f.blobSha === undefined ? [] : [[f.path, f.blobSha] as const])));
  const referenced = new Map(description.references.map((r) => [r.taskFile, r.written]));
  const paths = [...new Set([...referenced.keys(), ...changed])];
  const limit = pLimit(READ_CONCURRENCY);
  const { scope } = description;

  const reads = await Promise.all(
    paths.map((path) =>
      limit(async (): Promise<TaskFileRead | undefined> => {
        try {
          const blob = blobs.get(path);
          const listed = changedTaskFiles.find((f) => f.path === path);
          const justWritten = subject.known?.get(path);
          const known = justWritten !== undefined || listed === undefined ? justWritten : textFromFileList(listed);
          const read =
            known !== undefined
              ? known === null
                ? { found: false as const }
                : { found: true as const, text: known }
              : blob === undefined
                ? await readFileAtRef(client, subject.repo, path, subject.headSha)
                : await readBlob(client, subject.repo, path, blob);
          const tooLarge = read.found ? tooLargeReason(read.text, settings) : undefined;
          if (tooLarge !== undefined) return { path, status: 'unreadable', reason: tooLarge };
          if (read.found) {
            const file = parseTaskFile(read.text, { path, ...taskRulesOf(settings) });
            // A spec tool's template the pull request changes (every task a `{{…}}` placeholder) gates nothing; a
            // file the description names is read whatever it holds.
            if (!referenced.has(path) && isTemplateTaskFile(file)) return undefined;
            const trace =
              file.dialect === 'agent-os' ? await readTrace(client, subject, settings, path, read.text) : undefined;
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
async function readTrace(
  client: GitHubClient,
  subject: GateSubject,
  settings: GateSettings,
  tasksPath: string,
  tasks: string,
): Promise<SpecTrace | undefined> {
  const specPath = settings.traceability === 'off' ? undefined : specPathBeside(tasksPath);
  const changed =
    specPath === undefined ? undefined : subject.changedFiles.find((f) => f.path === specPath && !f.removed);
  if (specPath === undefined || changed === undefined) return undefined;
  // As for task files: a text the App just wrote, else the blob the file list names (served from the store once read).
  const justWritten = subject.known?.get(specPath);
  const known = justWritten !== undefined ? justWritten : textFromFileList(changed);
  const spec =
    known !== undefined
      ? known === null
        ? { found: false as const }
        : { found: true as const, text: known }
      : storeOf(client) !== undefined && changed.blobSha !== undefined
        ? await readBlob(client, subject.repo, specPath, changed.blobSha)
        : await readFileAtRef(client, subject.repo, specPath, subject.headSha);
  return spec.found ? { ...traceRequirements(spec.text, tasks), specPath, tasksPath } : undefined;
}

async function gate(client: GitHubClient, subject: GateSubject, settings: GateSettings): Promise<GateOutcome> {
  const description = findInDescription(subject.body);
  const reads = await readTaskFiles(client, subject, settings, description);
  const { scope } = description;
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

/** What a pull request event's payload says, for `gatePullRequest` to use where it is current. */
export interface PullRequestPayloadState extends PullRequestSnapshot {
  /** The event says the head just moved to `headSha` (`synchronize`, `opened`). */
  headJustMoved: boolean;
}

/**
 * Gate a pull request at its current head. Its head and description come from the event's payload when the App's
 * store shows the payload is the newest state it has seen (a head SHA names immutable content; a replayed payload
 * is older than what was seen since, and is never trusted); otherwise from the API. The changed files are always
 * read (conditionally: a `304` while they are the same).
 */
export async function gatePullRequest(
  client: GitHubClient,
  repo: RepoRef,
  repoHtmlUrl: string,
  number: number,
  settings: GateSettings,
  payload?: PullRequestPayloadState,
): Promise<GateOutcome> {
  const store = storeOf(client);
  const seen = store === undefined || payload === undefined ? undefined : await recallPullRequest(store, repo, number);
  const current = payload !== undefined && isPayloadCurrent(seen, payload);
  const [pullRequest, changedFiles] = await Promise.all([
    current ? Promise.resolve(payload) : readPullRequest(client, repo, number),
    listPullRequestFiles(client, repo, number),
  ]);
  if (store !== undefined && current) await rememberPullRequest(store, repo, number, payload);
  const outcome = await gate(
    client,
    { repo, repoHtmlUrl, headSha: pullRequest.headSha, changedFiles, body: pullRequest.body },
    settings,
  );
  return current && payload.headJustMoved ? { ...outcome, newHead: true } : outcome;
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
  /**
   * `headSha` is a commit the caller just made, writing this file with this text: the text is not read back, and
   * the commit has no check run to list unless the App's store says it reported on it.
   */
  written?: { path: string; text: string },
): Promise<GateOutcome> {
  const [body, changedFiles] = await Promise.all([
    knownBody === undefined ? readPullRequest(client, repo, number).then((pr) => pr.body) : Promise.resolve(knownBody),
    listPullRequestFiles(client, repo, number),
  ]);
  // The list may still be of the previous head: its blob SHAs would name the task files before our commit.
  const atHead = changedFiles.map(({ path, removed }) => ({ path, removed }));
  if (written === undefined) return gate(client, { repo, repoHtmlUrl, headSha, changedFiles: atHead, body }, settings);
  const known = new Map([[written.path, written.text]]);
  return {
    ...(await gate(client, { repo, repoHtmlUrl, headSha, changedFiles: atHead, body, known }, settings)),
    newHead: true,
  };
}

/**
 * Gate a pull request's head that the caller has just written whole (a new branch: the base's files plus its
 * own), from what it knows: the changed files and their texts, and the task files the description names. No read.
 */
export async function gateWrittenCommit(
  client: GitHubClient,
  subject: Required<GateSubject>,
  settings: GateSettings,
): Promise<GateOutcome> {
  return { ...(await gate(client, subject, settings)), newHead: true };
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
