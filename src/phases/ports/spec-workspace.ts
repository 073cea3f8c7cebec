/**
 * The port through which a phase reads and writes a spec's files. The GitHub adapter works on one branch through
 * the REST API (`src/github/github-spec-workspace.ts`); the file-system adapter on the current folder
 * (`src/fs/fs-spec-workspace.ts`). A phase that takes a workspace runs the same in the App, the Action and the CLI.
 */

/** A file as read from the workspace. `version` identifies this content (a blob SHA on GitHub), for a safe update. */
export interface WorkspaceFile {
  text: string;
  version?: string;
}

/**
 * What a write did. `concurrent`: the file changed meanwhile to exactly this content (the same command handled at
 * the same moment elsewhere), so there was nothing left to write. `commit` is the new commit, where there is one.
 */
export type WorkspaceWrite = { status: 'written'; commit?: string } | { status: 'concurrent' };

/** What a write of several files did: the paths written (those whose content changed), and the commit, if any. */
export interface WorkspaceFilesWrite {
  written: string[];
  commit?: string;
}

export interface SpecWorkspace {
  /** A text file, or `undefined` when there is none. Paths are repository paths (`agent-os/specs/x/spec.md`). */
  readFile(path: string): Promise<WorkspaceFile | undefined>;
  /**
   * Write a text file. With `replaces` (the file as read) a file changed in between is not overwritten: the write
   * fails with a `conflict` error unless the change made it this very content (then `concurrent`).
   */
  writeFile(file: {
    path: string;
    content: string;
    message: string;
    replaces?: WorkspaceFile;
  }): Promise<WorkspaceWrite>;
  /**
   * Write several text files at once: on GitHub one commit, on the file system one write each, every path checked
   * before the first is written. A file that already holds its content is left alone; none changed, nothing written.
   */
  writeFiles(change: {
    files: ReadonlyArray<{ path: string; content: string }>;
    message: string;
  }): Promise<WorkspaceFilesWrite>;
  /** Every file and folder path of the repository (one read; it may be cut short in a very large repository). */
  readTree(): Promise<string[]>;
}
