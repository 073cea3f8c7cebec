import type { SpecWorkspace, WorkspaceWrite } from '../phases/ports/spec-workspace.js';
import { isAgentOsError } from '../core/errors.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { readRepositoryTree } from './read-repository-tree.js';
import { readFileOnBranch, writeFileOnBranch } from './write-files.js';

/**
 * A spec workspace on one branch of a repository: a file read is one contents request, a write one commit, the tree
 * one recursive tree read. A write GitHub refuses as out of date (409) is answered by reading the file again: the
 * same content written meanwhile is `concurrent`, anything else the conflict.
 */
export function githubSpecWorkspace(client: GitHubClient, repo: RepoRef, branch: string): SpecWorkspace {
  const readFile = (path: string) =>
    readFileOnBranch(client, repo, path, branch).then((file) =>
      file === undefined ? undefined : { text: file.text, version: file.sha },
    );
  return {
    readFile,
    async writeFile({ path, content, message, replaces }): Promise<WorkspaceWrite> {
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
    async readTree() {
      return (await readRepositoryTree(client, repo, branch)).paths;
    },
  };
}
