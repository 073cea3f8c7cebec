import { createHash } from 'node:crypto';

/** A file tree as a flat map of path → text. */
export type Tree = ReadonlyMap<string, string>;

export interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Git's blob id of a text, as GitHub reports it in the contents API. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Blobs, trees, commits and refs: enough of git for branches that diverge like real ones. */
export class GitStore {
  readonly trees = new Map<string, Tree>();
  readonly commits = new Map<string, Commit>();
  /** `heads/main` → commit sha. */
  readonly refs = new Map<string, string>();

  addTree(files: Tree): string {
    const sha = sha1(`tree ${JSON.stringify([...files.entries()].sort())}`);
    this.trees.set(sha, new Map(files));
    return sha;
  }

  addCommit(tree: string, parents: string[], message: string): Commit {
    const sha = sha1(`commit ${tree} ${parents.join(',')} ${message} ${this.commits.size}`);
    const commit = { sha, tree, parents, message };
    this.commits.set(sha, commit);
    return commit;
  }

  /** Start a repository: one commit on `branch` holding `files`. */
  init(branch: string, files: Record<string, string>): Commit {
    const commit = this.addCommit(this.addTree(new Map(Object.entries(files))), [], 'Initial commit');
    this.refs.set(`heads/${branch}`, commit.sha);
    return commit;
  }

  /** A branch name or commit sha → the commit. */
  resolve(ref: string): Commit | undefined {
    const sha = this.refs.get(`heads/${ref.replace(/^refs\/heads\//, '')}`) ?? ref;
    return this.commits.get(sha);
  }

  filesAt(ref: string): Tree | undefined {
    const commit = this.resolve(ref);
    return commit === undefined ? undefined : this.trees.get(commit.tree);
  }

  /** Commit on top of a branch, as the contents API does; returns the new commit. */
  commitOnBranch(branch: string, change: (files: Map<string, string>) => void, message: string): Commit {
    const head = this.resolve(branch);
    if (!head) throw new Error(`no branch ${branch}`);
    const files = new Map(this.trees.get(head.tree));
    change(files);
    const commit = this.addCommit(this.addTree(files), [head.sha], message);
    this.refs.set(`heads/${branch}`, commit.sha);
    return commit;
  }

  /** Whether `ancestor` is `sha` or reachable from it through parents (a fast-forward from `ancestor` to `sha`). */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.pop() ?? '';
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return false;
  }

  /** Commits reachable from a branch, newest first. */
  history(branch: string): Commit[] {
    const out: Commit[] = [];
    let commit = this.resolve(branch);
    while (commit) {
      out.push(commit);
      commit = commit.parents[0] === undefined ? undefined : this.commits.get(commit.parents[0]);
    }
    return out;
  }
}
