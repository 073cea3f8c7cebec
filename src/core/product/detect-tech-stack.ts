import { detectCiStack } from './detect-ci-stack.js';
import { detectContainerStack } from './detect-container-stack.js';
import { detectGoStack } from './detect-go-stack.js';
import { detectJvmStack } from './detect-jvm-stack.js';
import { detectNodeStack } from './detect-node-stack.js';
import { detectPhpStack } from './detect-php-stack.js';
import { detectPythonStack } from './detect-python-stack.js';
import { detectRubyStack } from './detect-ruby-stack.js';
import { detectRustStack } from './detect-rust-stack.js';
import { detectToolVersions } from './detect-tool-versions.js';
import { isStackFile, isWorkflowFile, normalizeStackPath, STACK_FILE_PATHS } from './product-files.js';
import {
  STACK_CATEGORIES,
  type RepositoryFile,
  type StackDetector,
  type StackEntry,
  type StackFinding,
  type StackProblem,
} from './stack-entry.js';

export type { RepositoryFile, StackEntry, StackProblem } from './stack-entry.js';

/** Everything the detector found, and the files it had to skip. */
export interface TechStackReport {
  entries: StackEntry[];
  problems: StackProblem[];
}

const DETECTORS: readonly StackDetector[] = [
  detectNodeStack,
  detectPythonStack,
  detectGoStack,
  detectRubyStack,
  detectRustStack,
  detectPhpStack,
  detectJvmStack,
  detectToolVersions,
  detectContainerStack,
  detectCiStack,
];

/** Where a file's findings come in a category: in `STACK_FILE_PATHS` order, workflows after (by path). */
function sourceRank(path: string): number {
  const index = STACK_FILE_PATHS.indexOf(path);
  return index === -1 ? STACK_FILE_PATHS.length : index;
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function categoryRank(category: string): number {
  const index = (STACK_CATEGORIES as readonly string[]).indexOf(category);
  return index === -1 ? STACK_CATEGORIES.length : index;
}

/** How an entry reads: `Next.js 15.1.0`, `Python 3.11+`, `Docker (node:20-alpine)`, `Rust 1.75 (edition 2021)`. */
function entryName(finding: StackFinding): string {
  const versioned = finding.version === undefined ? finding.name : `${finding.name} ${finding.version}`;
  return finding.detail === undefined ? versioned : `${versioned} (${finding.detail})`;
}

/**
 * One finding per category and key: the first (in source order) stands, except that a later one with a version
 * lends it its version and source (package.json's `pg` names PostgreSQL, the compose file's `postgres:16` its version).
 */
function merge(findings: readonly StackFinding[]): StackFinding[] {
  const merged = new Map<string, StackFinding>();
  for (const finding of findings) {
    const key = `${finding.category}\u0000${(finding.key ?? finding.name).toLowerCase()}`;
    const first = merged.get(key);
    if (first === undefined) merged.set(key, finding);
    else if (first.version === undefined && finding.version !== undefined)
      merged.set(key, { ...first, version: finding.version, source: finding.source });
  }
  return [...merged.values()];
}

/**
 * What a repository is built with, from its manifests (see `STACK_FILE_PATHS` and workflows): languages, runtimes,
 * frameworks, databases, test and lint tools, package managers, containers, CI. Total: a file that cannot be read
 * (malformed JSON, TOML or YAML) is skipped and reported; files that are not stack files are ignored.
 * Deterministic: by category (`STACK_CATEGORIES`), then by file, then in each file's table order; no duplicates.
 */
export function detectTechStackReport(files: readonly RepositoryFile[]): TechStackReport {
  const byPath = new Map<string, string>();
  for (const file of files) {
    const path = normalizeStackPath(file.path);
    if (isStackFile(path) && !byPath.has(path)) byPath.set(path, file.content);
  }
  const findings: StackFinding[] = [];
  const problems: StackProblem[] = [];
  for (const detect of DETECTORS) {
    const detection = detect(byPath);
    findings.push(...detection.findings);
    problems.push(...detection.problems);
  }
  const ordered = findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        categoryRank(a.finding.category) - categoryRank(b.finding.category) ||
        compare(a.finding.category, b.finding.category) ||
        sourceRank(a.finding.source) - sourceRank(b.finding.source) ||
        (isWorkflowFile(a.finding.source) && isWorkflowFile(b.finding.source)
          ? compare(a.finding.source, b.finding.source)
          : 0) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
  const entries = merge(ordered).map((finding) => ({
    category: finding.category,
    name: entryName(finding),
    source: finding.source,
  }));
  problems.sort((a, b) => sourceRank(a.path) - sourceRank(b.path) || compare(a.path, b.path));
  return { entries, problems };
}

/** The tech stack entries of `detectTechStackReport`, without the problems. */
export function detectTechStack(files: readonly RepositoryFile[]): StackEntry[] {
  return detectTechStackReport(files).entries;
}
