/** A file of the repository, as the tech stack detector reads it. */
export interface RepositoryFile {
  /** Path from the repository's root, e.g. `package.json` or `.github/workflows/ci.yml`. */
  path: string;
  content: string;
}

/** One line of tech-stack.md: what the project uses, and the file that says so. */
export interface StackEntry {
  /** `Language`, `Runtime`, `Framework`, `Frontend`, `Database`, `Testing`, … (see `STACK_CATEGORIES`). */
  category: string;
  /** What it is, with its version when the manifest gives one: `TypeScript 5.9.3`, `Next.js 15.1.0`, `Jest`. */
  name: string;
  /** The file it was found in, e.g. `package.json`. */
  source: string;
}

/** A file the detector could not read (it is skipped, the others still count). */
export interface StackProblem {
  path: string;
  message: string;
}

/** The categories in the order tech-stack.md lists them; any other category comes after these. */
export const STACK_CATEGORIES = [
  'Language',
  'Runtime',
  'Framework',
  'Frontend',
  'CSS',
  'API',
  'Authentication',
  'Payments',
  'Database',
  'ORM',
  'Cache',
  'Search',
  'Messaging',
  'Storage',
  'Background jobs',
  'Web server',
  'Testing',
  'Linting & formatting',
  'Build',
  'Package manager',
  'CLI',
  'Container',
  'Hosting',
  'CI/CD',
  'Infrastructure',
] as const;

/** What a detector found in one file, before duplicates across files are merged. */
export interface StackFinding {
  category: string;
  /** Without version: `Next.js`. */
  name: string;
  /** As the manifest gives it, range operators removed: `15.1.0`, `3.11+`. */
  version?: string;
  /** Shown in parentheses after the name: the image of a Dockerfile, the name of a workflow. */
  detail?: string;
  /** Findings with the same category and key are one entry (default: the name). */
  key?: string;
  source: string;
}

/** The finding with its version, when the manifest gives one (none: the finding as it is, without the key). */
export function withVersion(finding: StackFinding, version: string | undefined): StackFinding {
  return version === undefined ? finding : { ...finding, version };
}

/** What one ecosystem's detector found in the repository's files. */
export interface Detection {
  findings: StackFinding[];
  problems: StackProblem[];
}

/** The repository's stack files by normalised path (first copy of a path wins). */
export type StackFiles = ReadonlyMap<string, string>;

/** Looks at the files of one ecosystem (Node, Python, …) and says what it found. */
export type StackDetector = (files: StackFiles) => Detection;
