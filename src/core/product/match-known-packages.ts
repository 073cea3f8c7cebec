import { cleanVersion } from './clean-version.js';
import { type StackFinding, withVersion } from './stack-entry.js';

/**
 * A package worth naming in tech-stack.md: its name in the manifest, the category and name to show. `client`
 * marks a database client (`pg`, `ioredis`): it names the database, but its version is not the database's.
 */
export type KnownPackage = readonly [pkg: string, category: string, name: string, kind?: 'client'];

/**
 * The known packages among a manifest's dependencies (name → version as written), in the table's order (so the
 * order in the manifest does not matter), each with its version unless it is a client.
 */
export function matchKnownPackages(
  table: readonly KnownPackage[],
  dependencies: ReadonlyMap<string, string | undefined>,
  source: string,
): StackFinding[] {
  const findings: StackFinding[] = [];
  for (const [pkg, category, name, kind] of table) {
    if (!dependencies.has(pkg)) continue;
    const version = kind === 'client' ? undefined : cleanVersion(dependencies.get(pkg));
    findings.push(withVersion({ category, name, source }, version));
  }
  return findings;
}
