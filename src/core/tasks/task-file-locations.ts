import picomatch from 'picomatch';
import type { Dialect, TaskFile } from './types.js';

/** Where each tool keeps its task files, as globs relative to the repository root. */
export const DIALECT_LOCATIONS: ReadonlyArray<{ dialect: Dialect; glob: string }> = [
  { dialect: 'agent-os', glob: '**/agent-os/specs/*/tasks.md' },
  // The older Agent OS layout, still in use.
  { dialect: 'agent-os', glob: '**/.agent-os/specs/*/tasks.md' },
  { dialect: 'kiro', glob: '**/.kiro/specs/*/tasks.md' },
  { dialect: 'openspec', glob: '**/openspec/changes/*/tasks.md' },
  { dialect: 'spec-workflow', glob: '**/.spec-workflow/specs/*/tasks.md' },
  { dialect: 'spec-kit', glob: '**/specs/[0-9][0-9][0-9]-*/tasks.md' },
  { dialect: 'bmad', glob: '**/*.story.md' },
  { dialect: 'bmad', glob: '**/docs/stories/*.md' },
];

/** Files that count as task files when a pull request changes them or the CLI searches a folder. */
export const DEFAULT_TASK_FILE_GLOBS: readonly string[] = ['**/tasks.md', '**/*.story.md', '**/docs/stories/*.md'];

/**
 * Never task files, whatever their name: dependencies, VCS internals, archived OpenSpec changes, and the spec
 * tools' own templates and settings (cc-sdd installs `.kiro/settings/templates/specs/tasks.md`).
 */
export const DEFAULT_IGNORED_GLOBS: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/openspec/changes/archive/**',
  '**/.kiro/settings/**',
  '**/.specify/**',
  '**/.agent-os/instructions/**',
  '**/agent-os/profiles/**',
  '**/openspec/schemas/**',
  '**/.spec-workflow/templates/**',
  '**/.spec-workflow/user-templates/**',
];

const MATCH_OPTIONS = { dot: true } as const;

/**
 * A glob's matcher, compiled on its first use rather than when this module loads: compiling is most of picomatch's
 * cost, and a file is usually placed by the first location tried (the Action pays its start-up on every run).
 */
function lazyMatcher(glob: string): (path: string) => boolean {
  let isMatch: ((path: string) => boolean) | undefined;
  return (path) => (isMatch ??= picomatch(glob, MATCH_OPTIONS))(path);
}

const dialectMatchers = DIALECT_LOCATIONS.map(({ dialect, glob }) => ({ dialect, isMatch: lazyMatcher(glob) }));

/** The dialect a file's location implies, if its location is a tool's usual one. */
export function dialectOfPath(path: string): Dialect | undefined {
  const relative = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return dialectMatchers.find((m) => m.isMatch(relative))?.dialect;
}

const olderAgentOs = lazyMatcher('**/.agent-os/specs/*/tasks.md');

/** A task file of the older Agent OS layout (`tasks.md` in a spec folder under `.agent-os/specs`), grouped by its numbered tasks. */
export function isOlderAgentOsPath(path: string): boolean {
  return olderAgentOs(path.replace(/\\/g, '/').replace(/^\/+/, ''));
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

/**
 * A spec tool's template rather than a task file: it has tasks, and every one is a placeholder (`{{NUMBER}}.
 * {{TASK_DESCRIPTION}}`, `[TASK]`). Found by a folder search or in a pull request, such a file is left out; named
 * explicitly, it is read like any other.
 */
export function isTemplateTaskFile(file: TaskFile): boolean {
  return file.tasks.length > 0 && file.tasks.every((t) => t.placeholder === true);
}
