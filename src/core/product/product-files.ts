/** The three files of `plan-product` (Agent OS v2.1 layout), inside `<specRoot>/product/`. */
export const PRODUCT_FILE_NAMES = { mission: 'mission.md', roadmap: 'roadmap.md', techStack: 'tech-stack.md' } as const;

export type ProductFileKind = keyof typeof PRODUCT_FILE_NAMES;

/** `${specRoot}/product`, e.g. `agent-os/product` (slashes around the spec root are not doubled). */
export function productFolder(specRoot: string): string {
  const root = specRoot.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return root === '' ? 'product' : `${root}/product`;
}

/** The repository paths of the three product files, e.g. `agent-os/product/mission.md`. */
export function productFilePaths(specRoot: string): Record<ProductFileKind, string> {
  const folder = productFolder(specRoot);
  return {
    mission: `${folder}/${PRODUCT_FILE_NAMES.mission}`,
    roadmap: `${folder}/${PRODUCT_FILE_NAMES.roadmap}`,
    techStack: `${folder}/${PRODUCT_FILE_NAMES.techStack}`,
  };
}

const JS_LOCK_FILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
];
const PYTHON_LOCK_FILES = ['poetry.lock', 'uv.lock'];

/** Stack files the detector needs only to see, never to read (lock files: they can be megabytes). */
export const PRESENCE_ONLY_STACK_FILES: ReadonlySet<string> = new Set([...JS_LOCK_FILES, ...PYTHON_LOCK_FILES]);

/**
 * Files at the repository's root (and two CI configurations) that say what the project is built with, in the order
 * their findings are listed. Lock files are read for their presence only.
 */
export const STACK_FILE_PATHS: readonly string[] = [
  // JavaScript / TypeScript
  'package.json',
  'tsconfig.json',
  'deno.json',
  'deno.jsonc',
  ...JS_LOCK_FILES,
  '.nvmrc',
  '.node-version',
  // Python
  'pyproject.toml',
  'requirements.txt',
  'requirements-dev.txt',
  'Pipfile',
  ...PYTHON_LOCK_FILES,
  '.python-version',
  // Go
  'go.mod',
  // Ruby
  'Gemfile',
  'Gemfile.lock',
  '.ruby-version',
  // Rust
  'Cargo.toml',
  // PHP
  'composer.json',
  // JVM
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  // Version managers
  '.tool-versions',
  // Containers
  'Dockerfile',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yml',
  'compose.yaml',
  // Hosting
  'vercel.json',
  'netlify.toml',
  'fly.toml',
  'render.yaml',
  // CI/CD besides GitHub Actions
  '.gitlab-ci.yml',
  '.circleci/config.yml',
];

const WORKFLOW_FOLDER = '.github/workflows/';

/** A path as the stack detector compares it: forward slashes, no leading `./` or `/`. */
export function normalizeStackPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

/** A GitHub Actions workflow: `.github/workflows/<name>.yml` or `.yaml` (not in a sub-folder: GitHub ignores those). */
export function isWorkflowFile(path: string): boolean {
  const normalized = normalizeStackPath(path);
  if (!normalized.startsWith(WORKFLOW_FOLDER)) return false;
  const name = normalized.slice(WORKFLOW_FOLDER.length);
  return !name.includes('/') && (name.endsWith('.yml') || name.endsWith('.yaml')) && name.length > '.yml'.length;
}

/** Whether the tech stack detector reads this file: one of `STACK_FILE_PATHS`, or a workflow. */
export function isStackFile(path: string): boolean {
  const normalized = normalizeStackPath(path);
  return STACK_FILE_PATHS.includes(normalized) || isWorkflowFile(normalized);
}
