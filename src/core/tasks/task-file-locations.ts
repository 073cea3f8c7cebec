import picomatch from 'picomatch';
import type { Dialect } from './types.js';

/** Where each tool keeps its task files, as globs relative to the repository root. */
export const DIALECT_LOCATIONS: ReadonlyArray<{ dialect: Dialect; glob: string }> = [
  { dialect: 'agent-os', glob: '**/agent-os/specs/*/tasks.md' },
  { dialect: 'kiro', glob: '**/.kiro/specs/*/tasks.md' },
  { dialect: 'openspec', glob: '**/openspec/changes/*/tasks.md' },
  { dialect: 'spec-workflow', glob: '**/.spec-workflow/specs/*/tasks.md' },
  { dialect: 'spec-kit', glob: '**/specs/[0-9][0-9][0-9]-*/tasks.md' },
  { dialect: 'bmad', glob: '**/*.story.md' },
  { dialect: 'bmad', glob: '**/docs/stories/*.md' },
];

/** Files that count as task files when a pull request changes them or the CLI searches a folder. */
export const DEFAULT_TASK_FILE_GLOBS: readonly string[] = ['**/tasks.md', '**/*.story.md', '**/docs/stories/*.md'];

/** Never task files, whatever their name: dependencies, VCS internals, archived OpenSpec changes. */
export const DEFAULT_IGNORED_GLOBS: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/openspec/changes/archive/**',
];

const MATCH_OPTIONS = { dot: true } as const;
const dialectMatchers = DIALECT_LOCATIONS.map(({ dialect, glob }) => ({
  dialect,
  isMatch: picomatch(glob, MATCH_OPTIONS),
}));

/** The dialect a file's location implies, if its location is a tool's usual one. */
export function dialectOfPath(path: string): Dialect | undefined {
  const relative = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return dialectMatchers.find((m) => m.isMatch(relative))?.dialect;
}

/** Build a predicate that says whether a repository path is a task file. */
export function taskFileMatcher(
  globs: readonly string[] = DEFAULT_TASK_FILE_GLOBS,
  ignored: readonly string[] = DEFAULT_IGNORED_GLOBS,
): (path: string) => boolean {
  const isTaskFile = picomatch([...globs], MATCH_OPTIONS);
  const isIgnored = picomatch([...ignored], MATCH_OPTIONS);
  return (path) => isTaskFile(path) && !isIgnored(path);
}
