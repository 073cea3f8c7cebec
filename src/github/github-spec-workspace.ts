import type { SpecWorkspace, WorkspaceFilesWrite, WorkspaceWrite } from '../phases/ports/spec-workspace.js';
import { AgentOsError, isAgentOsError } from '../core/errors.js';
import { readBranch } from './branches.js';
import { commitFilesOnBranch } from './commit-files.js';
import { gitBlobSha } from './git-blob-sha.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { readCommitTree, readRepositoryTree } from './read-repository-tree.js';
import { createBranchWithFiles, readFileOnBranch, writeFileOnBranch } from './write-files.js';

/**
 * The branch as a phase has just read it: its head commit (and that commit's tree), and the blob SHA of each file
 * that may be written (a path missing from `blobs` is taken as a new file). Given to the workspace, `writeFiles`
 * needs no read of its own. With `create`, the branch does not exist yet: `head` is the commit to start it from, and
 * `writeFiles` creates it holding its commit (the ref last, so it appears complete; made meanwhile, it is left as is).
 */
export interface BranchState {
  head: { sha: string; treeSha: string };
  blobs: ReadonlyMap<string, string>;
  create?: boolean;
}

/** The branch's head and the blob SHA of every file in its tree (two requests; blobs unknown in a cut-short tree). */
async function readBranchState(client: GitHubClient, repo: RepoRef, branch: string): Promise<BranchState> {
  const head = await readBranch(client, repo, branch);
  if (head === undefined) throw new AgentOsError('not-found', `The branch \`${branch}\` could not be read.`);
  const tree = await readCommitTree(client, repo, head.sha);
  const blobs = new Map((tree?.entries ?? []).filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
  return { head, blobs };
}

/**
 * Several files in one commit on the branch: only those whose blob would change (compared by hash, so no file is
 * read); none, no commit.
 */
async function commitChangedFiles(
  client: GitHubClient,
  repo: RepoRef,
  target: { branch: string; known: BranchState | undefined },
  change: { files: ReadonlyArray<{ path: string; content: string }>; message: string },
): Promise<WorkspaceFilesWrite> {
  const state = target.known ?? (await readBranchState(client, repo, target.branch));
  const files = change.files.filter((f) => state.blobs.get(f.path) !== gitBlobSha(f.content));
  if (files.length === 0) return { written: [] };
  if (state.create === true) {
    const made = await createBranchWithFiles(client, repo, {
      branch: target.branch,
      base: state.head,
      files,
      message: change.message,
    });
    return made.created ? { written: files.map((f) => f.path), commit: made.sha } : { written: [] };
  }
  const { commitSha } = await commitFilesOnBranch(client, repo, {
    branch: target.branch,
    head: state.head,
    files,
    message: change.message,
  });
  return { written: files.map((f) => f.path), commit: commitSha };
}

/**
 * A spec workspace on one branch of a repository: a file read is one contents request, a write one commit, the tree
 * one recursive tree read. A write GitHub refuses as out of date (409) is answered by reading the file again: the
 * same content written meanwhile is `concurrent`, anything else the conflict. `writeFiles` commits on the head in
 * `known` (the branch as just read) or, without it, reads the branch first; a branch moved meanwhile is a conflict.
 */
export function githubSpecWorkspace(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
  given?: BranchState,
): SpecWorkspace {
  // The branch as the caller read it holds until this workspace writes: a later write reads the branch again.
  let known = given;
  const readFile = (path: string) =>
    readFileOnBranch(client, repo, path, branch).then((file) =>
      file === undefined ? undefined : { text: file.text, version: file.sha },
    );
  return {
    readFile,
    async writeFile({ path, content, message, replaces }): Promise<WorkspaceWrite> {
      known = undefined;
      try {
        const { commitSha } = await writeFileOnBranch(client, repo, {
          branch,
          path,
          content,
          message,
          ...(replaces?.version === undefined ? {} : { sha: replaces.version }),
        });
        return { status: 'written', commit: commitSha };
      } catch (error) {
        if (!isAgentOsError(error) || error.kind !== 'conflict') throw error;
        const now = await readFile(path);
        if (now?.text !== content) throw error;
        return { status: 'concurrent' };
      }
    },
    writeFiles(change) {
      const state = known;
      known = undefined;
      return commitChangedFiles(client, repo, { branch, known: state }, change);
    },
    async readTree() {
      return (await readRepositoryTree(client, repo, branch)).paths;
    },
  };
}
