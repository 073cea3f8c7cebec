import { leadingVersion } from './clean-version.js';
import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** asdf / mise tool names, and what tech-stack.md calls them. */
const TOOLS: Readonly<Record<string, readonly [category: string, name: string]>> = {
  nodejs: ['Runtime', 'Node.js'],
  node: ['Runtime', 'Node.js'],
  bun: ['Runtime', 'Bun'],
  deno: ['Runtime', 'Deno'],
  python: ['Language', 'Python'],
  ruby: ['Language', 'Ruby'],
  golang: ['Language', 'Go'],
  go: ['Language', 'Go'],
  rust: ['Language', 'Rust'],
  java: ['Language', 'Java'],
  kotlin: ['Language', 'Kotlin'],
  php: ['Language', 'PHP'],
  elixir: ['Language', 'Elixir'],
  erlang: ['Language', 'Erlang'],
  pnpm: ['Package manager', 'pnpm'],
  yarn: ['Package manager', 'Yarn'],
  terraform: ['Infrastructure', 'Terraform'],
};

/** `.tool-versions` (asdf, mise): one `tool version` a line. */
export function detectToolVersions(files: StackFiles): Detection {
  const content = files.get('.tool-versions');
  if (content === undefined) return { findings: [], problems: [] };
  const findings: StackFinding[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const [tool, version] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    const known = tool === undefined ? undefined : TOOLS[tool.toLowerCase()];
    if (known === undefined) continue;
    const cleaned = leadingVersion(version?.replace(/^[a-z]+-(?=\d)/i, ''));
    findings.push(withVersion({ category: known[0], name: known[1], source: '.tool-versions' }, cleaned));
  }
  return { findings, problems: [] };
}
