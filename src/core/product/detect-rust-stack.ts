import { cleanVersion } from './clean-version.js';
import { matchKnownPackages, type KnownPackage } from './match-known-packages.js';
import { isRecord, parseTomlManifest, recordAt, stringAt } from './parse-manifest.js';
import type { Detection, StackFiles, StackFinding } from './stack-entry.js';

/** Crates worth naming, in the order tech-stack.md lists them. */
export const RUST_CRATES: readonly KnownPackage[] = [
  ['tokio', 'Runtime', 'Tokio'],
  ['actix-web', 'Framework', 'Actix Web'],
  ['axum', 'Framework', 'Axum'],
  ['rocket', 'Framework', 'Rocket'],
  ['warp', 'Framework', 'warp'],
  ['tauri', 'Framework', 'Tauri'],
  ['leptos', 'Frontend', 'Leptos'],
  ['yew', 'Frontend', 'Yew'],
  ['tonic', 'API', 'tonic (gRPC)'],
  ['async-graphql', 'API', 'async-graphql'],
  ['tokio-postgres', 'Database', 'PostgreSQL', 'client'],
  ['postgres', 'Database', 'PostgreSQL', 'client'],
  ['rusqlite', 'Database', 'SQLite', 'client'],
  ['mongodb', 'Database', 'MongoDB', 'client'],
  ['redis', 'Database', 'Redis', 'client'],
  ['diesel', 'ORM', 'Diesel'],
  ['sqlx', 'ORM', 'SQLx'],
  ['sea-orm', 'ORM', 'SeaORM'],
  ['clap', 'CLI', 'clap'],
];

/** `name = "1.0"` or `name = { version = "1.0", features = […] }`; `{ workspace = true }` has no version here. */
function addDependencies(into: Map<string, string | undefined>, table: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(table)) {
    if (!into.has(name)) into.set(name, typeof value === 'string' ? value : stringAt(value, 'version'));
  }
}

/** Cargo.toml: the Rust version (`rust-version`) and edition, and the crates of every dependency table. */
export function detectRustStack(files: StackFiles): Detection {
  const content = files.get('Cargo.toml');
  if (content === undefined) return { findings: [], problems: [] };
  const source = 'Cargo.toml';
  const parsed = parseTomlManifest(source, content);
  if (!parsed.ok) return { findings: [], problems: [{ path: source, message: parsed.message }] };
  const manifest = isRecord(parsed.value) ? parsed.value : {};
  const workspace = recordAt(manifest, 'workspace');
  const packageTable = recordAt(manifest, 'package');
  const inherited = recordAt(workspace, 'package');
  const edition = stringAt(packageTable, 'edition') ?? stringAt(inherited, 'edition');
  const version = cleanVersion(stringAt(packageTable, 'rust-version') ?? stringAt(inherited, 'rust-version'));
  const rust: StackFinding = { category: 'Language', name: 'Rust', source };
  if (version !== undefined) rust.version = version;
  if (edition !== undefined) rust.detail = `edition ${edition}`;

  const dependencies = new Map<string, string | undefined>();
  for (const table of ['dependencies', 'dev-dependencies', 'build-dependencies'])
    addDependencies(dependencies, recordAt(manifest, table));
  addDependencies(dependencies, recordAt(workspace, 'dependencies'));
  const findings: StackFinding[] = [
    rust,
    ...matchKnownPackages(RUST_CRATES, dependencies, source),
    { category: 'Package manager', name: 'Cargo', source },
  ];
  return { findings, problems: [] };
}
