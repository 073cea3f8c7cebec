// Release the Action: check that the committed dist/ is a fresh build of the sources, tag the version in
// package.json (v1.2.3), move its major tag (v1) to the same commit, and write the version's CHANGELOG section as
// the release notes. The release workflow runs it on main once changesets has versioned the package.
//
//   node scripts/release.mjs --dry-run   says what it would do, and changes nothing (no tag, no push)
//   node scripts/release.mjs             tags and pushes (the workflow's token needs contents: write)
//
// A version already tagged is left alone, so running it on every push to main is safe.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const { values: options } = parseArgs({
  options: { 'dry-run': { type: 'boolean', default: false }, notes: { type: 'string' } },
});
const dryRun = options['dry-run'];

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** Every file under `dir`, relative to it. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The differences between the committed dist/ and a fresh build: missing, extra or changed files. */
async function staleFiles() {
  const fresh = await mkdtemp(join(tmpdir(), 'agent-os-release-'));
  try {
    execFileSync(process.execPath, ['scripts/bundle-action.mjs', '--outdir', fresh], { stdio: 'inherit' });
    const [built, committed] = await Promise.all([filesUnder(fresh), filesUnder('dist')]);
    const stale = [...new Set([...built, ...committed])].filter((f) => !built.includes(f) || !committed.includes(f));
    for (const file of built.filter((f) => committed.includes(f))) {
      const [a, b] = await Promise.all([readFile(join(fresh, file)), readFile(join('dist', file))]);
      if (!a.equals(b)) stale.push(file);
    }
    return stale.sort();
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/** The CHANGELOG.md section of `version` (what follows its `## version` heading up to the next one). */
async function releaseNotes(version) {
  const text = await readFile('CHANGELOG.md', 'utf8');
  const tree = unified().use(remarkParse).parse(text);
  const headings = tree.children.filter((n) => n.type === 'heading' && n.depth === 2);
  const index = headings.findIndex(
    (h) =>
      h.children
        .map((c) => c.value ?? '')
        .join('')
        .trim() === version,
  );
  if (index === -1) return undefined;
  const start = headings[index].position.end.offset;
  const end = headings[index + 1]?.position.start.offset ?? text.length;
  return text.slice(start, end).trim();
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

const { version } = JSON.parse(await readFile('package.json', 'utf8'));
const major = Number(version.split('.')[0]);
if (!Number.isInteger(major) || major < 1)
  fail(
    `package.json says version ${version}; the Action is released from 1.0.0 on (a major tag v0 would promise nothing).`,
  );
const tag = `v${version}`;
const majorTag = `v${major}`;

const stale = await staleFiles();
if (stale.length > 0)
  fail(`dist/ is not a fresh build of the sources (${stale.join(', ')}): run \`npm run bundle\` and commit dist/.`);
console.log('dist/ equals a fresh build of the sources.');

const notes = await releaseNotes(version);
if (notes === undefined)
  fail(`CHANGELOG.md has no "## ${version}" section: run \`npx changeset version\` (it writes it) and commit.`);

const head = git('rev-parse', 'HEAD');
const existing = git('tag', '--list', tag);
if (existing !== '') {
  console.log(`${tag} already exists (at ${git('rev-list', '-n', '1', tag).slice(0, 7)}): nothing to release.`);
  process.exit(0);
}
const steps = [
  ['tag', '-a', tag, '-m', `${tag}`, head],
  ['tag', '-f', '-a', majorTag, '-m', `${majorTag}: ${tag}`, head],
  ['push', 'origin', `refs/tags/${tag}`],
  ['push', '--force', 'origin', `refs/tags/${majorTag}`],
];
if (dryRun) {
  console.log(`Would release ${tag} at ${head.slice(0, 7)} and move ${majorTag} to it:`);
  for (const step of steps) console.log(`  git ${step.join(' ')}`);
  console.log(`Release notes (CHANGELOG.md, ${version}):\n${notes}`);
  process.exit(0);
}
for (const step of steps) git(...step);
if (options.notes !== undefined) await writeFile(options.notes, `${notes}\n`);
if (process.env.GITHUB_OUTPUT) await appendFile(process.env.GITHUB_OUTPUT, `tag=${tag}\n`);
console.log(`Released ${tag} at ${head.slice(0, 7)}; ${majorTag} now points to it.`);
