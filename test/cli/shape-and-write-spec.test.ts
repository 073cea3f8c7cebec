import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runNode } from '../../support/run-node.js';

const BIN = resolve('bin/agent-os-github.js');
const FIXTURES = resolve('test/fixtures/issues');

interface IssueMeta {
  title: string;
  number: number;
  createdAt: string;
}

interface IssueExpectations {
  slug: string | null;
  requirements: string[];
  acceptance: string[];
  outOfScope: string[];
}

interface Fixture {
  meta: IssueMeta;
  expected: IssueExpectations;
  /** The issue as a markdown file: `# <title>`, a blank line, the body. */
  file: string;
}

const SPEC_HEADINGS = [
  '## Goal',
  '## User Stories',
  '## Specific Requirements',
  '## Visual Design',
  '## Existing Code to Leverage',
  '## Out of Scope',
];

/** The temporary folder that holds the working folder: nothing may be written in it but `repo`. */
let outer: string;
/** The working folder every command runs in. */
let repo: string;
let invites: Fixture;

function cli(args: string[], cwd = repo) {
  return runNode([BIN, ...args], { cwd });
}

async function loadFixture(name: string): Promise<Fixture> {
  const dir = join(FIXTURES, name);
  const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as IssueMeta;
  const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as IssueExpectations;
  const body = await readFile(join(dir, 'issue.md'), 'utf8');
  return { meta, expected, file: `# ${meta.title}\n\n${body}` };
}

async function put(path: string, text: string, cwd = repo): Promise<void> {
  await mkdir(dirname(join(cwd, path)), { recursive: true });
  await writeFile(join(cwd, path), text);
}

function read(path: string, cwd = repo): Promise<string> {
  return readFile(join(cwd, path), 'utf8');
}

/** Every file under a folder, as sorted `/`-separated paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(folder.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** The lines of stdout that are numbered clarifying questions, as [number, text]. */
function numberedQuestions(stdout: string): Array<[number, string]> {
  return stdout.split('\n').flatMap((line) => {
    const match = /^(\d+)\. (.+)$/.exec(line);
    return match?.[1] === undefined || match[2] === undefined ? [] : [[Number(match[1]), match[2]] as [number, string]];
  });
}

function expectListed(text: string, items: readonly string[]): void {
  const lines = text.split('\n');
  for (const item of items) expect(lines).toContain(`- ${item}`);
}

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'agent-os-cli-shape-'));
  repo = join(outer, 'repo');
  await mkdir(repo);
  invites = await loadFixture('team-invites-by-email');
  await put('issue.md', invites.file);
});

afterAll(async () => {
  await rm(outer, { recursive: true, force: true });
});

describe('agent-os-github shape-spec, then write-spec, on a real issue', () => {
  const date = '2026-03-14';
  const folder = `agent-os/specs/${date}-team-invites-by-email`;
  const requirementsPath = `${folder}/planning/requirements.md`;
  const specPath = `${folder}/spec.md`;
  let firstRequirements: string;
  let firstSpec: string;

  it('writes planning/requirements.md in a <date>-<slug> folder and prints the numbered questions and the next command', async () => {
    // The folder is named from --date and the slug the fixture expects.
    expect(invites.meta.createdAt.slice(0, 10)).toBe(date);
    expect(folder).toBe(`agent-os/specs/${date}-${invites.expected.slug ?? ''}`);

    const result = await cli(['shape-spec', 'issue.md', '--number', String(invites.meta.number), '--date', date]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');

    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `Wrote ${requirementsPath}`,
      '',
      'Clarifying questions (answer them in the Requirements Discussion of that file, or on the issue when the App runs):',
      '',
    ]);
    expect(result.stdout.endsWith(`\n\nThen: agent-os-github write-spec ${folder}\n`)).toBe(true);

    const questions = numberedQuestions(result.stdout);
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.map(([n]) => n)).toEqual(questions.map((_, i) => i + 1));
    // Every question line sits between the header and the closing blank line, with its topic as a label.
    expect(lines.slice(4, 4 + questions.length)).toEqual(questions.map(([n, text]) => `${n}. ${text}`));
    for (const [, text] of questions) expect(text).toMatch(/^[A-Z][^:]*: \S/);

    expect(await filesUnder(repo)).toEqual([requirementsPath, 'issue.md']);
    firstRequirements = await read(requirementsPath);
    expect(firstRequirements.startsWith('# Spec Requirements: Team invites by email\n\n')).toBe(true);
    expect(firstRequirements).toContain(
      `Shaped from issue [#42](#42) on the branch \`agent-os/42-team-invites-by-email\`.`,
    );
    expectListed(firstRequirements, invites.expected.requirements);
    expectListed(firstRequirements, invites.expected.acceptance);
    expectListed(firstRequirements, invites.expected.outOfScope);
    // The questions printed are the ones recorded in the file, to be answered there.
    for (const [n, text] of questions)
      expect(firstRequirements).toContain(`**Q${n}:** ${text.slice(text.indexOf(': ') + 2)}\n`);
    expect(firstRequirements).toMatch(/\n<!-- agent-os-github:requirements \{.*\} -->\n$/);
  });

  it('refuses to overwrite requirements.md without --force, and leaves it as it was', async () => {
    const result = await cli(['shape-spec', 'issue.md', '--number', '42', '--date', date]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: ${requirementsPath} already exists; pass --force to write it again (answers recorded in it are lost).\n`,
    });
    expect(await read(requirementsPath)).toBe(firstRequirements);
  });

  it('writes spec.md with the Agent OS sections in order, carrying over every requirement and out-of-scope item', async () => {
    const result = await cli(['write-spec', folder]);
    expect(result).toEqual({ code: 0, stdout: `Wrote ${specPath}\n`, stderr: '' });

    firstSpec = await read(specPath);
    expect(firstSpec.startsWith('# Specification: Team invites by email\n\n## Goal\n\n')).toBe(true);
    expect(firstSpec.split('\n').filter((line) => line.startsWith('## '))).toEqual(SPEC_HEADINGS);
    expectListed(firstSpec, invites.expected.requirements);
    expectListed(firstSpec, invites.expected.acceptance);
    expectListed(firstSpec, invites.expected.outOfScope);
    const outOfScope = firstSpec.slice(firstSpec.indexOf('## Out of Scope'));
    expectListed(outOfScope, invites.expected.outOfScope);
    expect(firstSpec).toMatch(/\n<!-- agent-os-github:spec \{"fingerprint":"[0-9a-f]+"\} -->\n$/);
    expect(await filesUnder(repo)).toEqual([requirementsPath, specPath, 'issue.md']);
  });

  it('says "already up to date" the second time and does not touch spec.md', async () => {
    const before = await stat(join(repo, specPath));
    const result = await cli(['write-spec', folder]);
    expect(result).toEqual({ code: 0, stdout: `${specPath} is already up to date.\n`, stderr: '' });
    expect((await stat(join(repo, specPath))).mtimeMs).toBe(before.mtimeMs);
    expect(await read(specPath)).toBe(firstSpec);
  });

  it('keeps a spec.md edited by hand (exit 2), and rewrites it with --force', async () => {
    const edited = firstSpec.replace(
      '- SSO / SCIM provisioning\n',
      '- SSO / SCIM provisioning (until the enterprise plan ships)\n',
    );
    expect(edited).not.toBe(firstSpec);
    await put(specPath, edited);

    const refused = await cli(['write-spec', folder]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: ${specPath} was edited since it was written; pass --force to write it again from requirements.md (the edits are lost).\n`,
    });
    expect(await read(specPath)).toBe(edited);

    const forced = await cli(['write-spec', folder, '--force']);
    expect(forced).toEqual({ code: 0, stdout: `Rewrote ${specPath}\n`, stderr: '' });
    expect(await read(specPath)).toBe(firstSpec);
  });

  it('rewrites an untouched spec.md when requirements.md gains a requirement', async () => {
    const added = 'Resending an invite invalidates the old link and issues a new one';
    const marker = '### Functional Requirements\n\n';
    expect(firstRequirements).toContain(marker);
    await put(requirementsPath, firstRequirements.replace(marker, `${marker}- ${added}\n`));

    const result = await cli(['write-spec', folder]);
    expect(result).toEqual({ code: 0, stdout: `Rewrote ${specPath}\n`, stderr: '' });
    const spec = await read(specPath);
    expectListed(spec, [added, ...invites.expected.requirements]);
    expect(spec.split('\n').filter((line) => line.startsWith('## '))).toEqual(SPEC_HEADINGS);
  });

  it('says when requirements.md was edited by hand, and writes it afresh with --force', async () => {
    const refused = await cli(['shape-spec', 'issue.md', '--number', '42', '--date', date]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: ${requirementsPath} already exists and was edited since it was written; pass --force to write it again (answers recorded in it are lost).\n`,
    });
    expect(await read(requirementsPath)).not.toBe(firstRequirements);

    const forced = await cli(['shape-spec', 'issue.md', '--number', '42', '--date', date, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('');
    expect(forced.stdout.split('\n')[0]).toBe(`Wrote ${requirementsPath}`);
    expect(await read(requirementsPath)).toBe(firstRequirements);
  });
});

describe('agent-os-github shape-spec: titles and folder names', () => {
  it('takes the title from the file name when the file has no # heading, and the folder date from today (UTC)', async () => {
    await put('notes/dark-mode.md', 'Users keep asking for a dark theme.\n\n- Follow the OS setting by default\n');
    const before = new Date().toISOString().slice(0, 10);
    const result = await cli(['shape-spec', 'notes/dark-mode.md']);
    const after = new Date().toISOString().slice(0, 10);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const written = /^Wrote (.+)\n/.exec(result.stdout)?.[1];
    expect([before, after].map((day) => `agent-os/specs/${day}-dark-mode/planning/requirements.md`)).toContain(written);
    const requirements = await read(written ?? '');
    expect(requirements.startsWith('# Spec Requirements: dark-mode\n')).toBe(true);
    expect(requirements).toContain('Shaped from issue [#0](dark-mode.md) on the branch `agent-os/0-dark-mode`.');
    expectListed(requirements, ['Follow the OS setting by default']);
  });

  it('keeps a quoted, path-like title in the heading but out of the folder name', async () => {
    const traversal = await loadFixture('quoted-title-path-traversal');
    await put('traversal.md', traversal.file);
    const date = traversal.meta.createdAt.slice(0, 10);
    const folder = `agent-os/specs/${date}-${traversal.expected.slug ?? ''}`;
    const result = await cli(['shape-spec', 'traversal.md', '--number', String(traversal.meta.number), '--date', date]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Wrote ${folder}/planning/requirements.md`);
    expect(result.stdout).toContain(`\nThen: agent-os-github write-spec ${folder}\n`);
    const requirements = await read(`${folder}/planning/requirements.md`);
    expect(requirements.startsWith(`# Spec Requirements: ${traversal.meta.title}\n`)).toBe(true);
    expectListed(requirements, traversal.expected.requirements);
    expectListed(requirements, traversal.expected.outOfScope);
  });

  it('writes inside the current folder for --title ../../etc/passwd and for an emoji-only title (issue-<number>)', async () => {
    await put('hostile.md', 'Nothing to see here.\n');
    const dotted = await cli(['shape-spec', 'hostile.md', '--title', '../../etc/passwd', '--date', '2026-01-02']);
    expect(dotted.code).toBe(0);
    expect(dotted.stderr).toBe('');
    expect(dotted.stdout.split('\n')[0]).toBe('Wrote agent-os/specs/2026-01-02-etc-passwd/planning/requirements.md');
    expect(await read('agent-os/specs/2026-01-02-etc-passwd/planning/requirements.md')).toContain(
      '`agent-os/0-etc-passwd`',
    );

    const emoji = await cli(['shape-spec', 'hostile.md', '--title', '✨🌙🚀', '--number', '7', '--date', '2026-01-02']);
    expect(emoji.code).toBe(0);
    expect(emoji.stderr).toBe('');
    expect(emoji.stdout.split('\n')[0]).toBe('Wrote agent-os/specs/2026-01-02-issue-7/planning/requirements.md');
    expect(emoji.stdout).toContain('\nThen: agent-os-github write-spec agent-os/specs/2026-01-02-issue-7\n');
    const requirements = await read('agent-os/specs/2026-01-02-issue-7/planning/requirements.md');
    expect(requirements.startsWith('# Spec Requirements: ✨🌙🚀\n')).toBe(true);
    expect(requirements).toContain('Shaped from issue [#7](#7) on the branch `agent-os/7-issue-7`.');

    // Nothing beside the working folder, and nothing written in it outside agent-os/specs/.
    expect(await readdir(outer)).toEqual(['repo']);
    for (const path of await filesUnder(repo)) {
      expect(path).toMatch(
        /^([a-z-]+\.md|notes\/dark-mode\.md|agent-os\/specs\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\/(planning\/requirements|spec)\.md)$/,
      );
    }
  });
});

describe('agent-os-github shape-spec and write-spec: bad input', () => {
  it.each([
    [['--number', 'forty-two'], '--number must be an issue number such as 42, not "forty-two".'],
    [['--number', '-3'], '--number must be an issue number such as 42, not "-3".'],
    [['--date', '14/03/2026'], '--date must be a date such as 2026-03-14, not "14/03/2026".'],
    [['--date', '2026-13-01'], '--date must be a date such as 2026-03-14, not "2026-13-01".'],
  ])('exits 2 for shape %j and writes nothing', async (options, message) => {
    const cwd = join(repo, 'bad-input');
    await put('issue.md', invites.file, cwd);
    const result = await cli(['shape-spec', 'issue.md', ...options], cwd);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `agent-os-github: ${message}\n` });
    expect(await filesUnder(cwd)).toEqual(['issue.md']);
  });

  it('exits 2 for a missing issue file', async () => {
    const result = await cli(['shape-spec', 'missing-issue.md', '--date', '2026-03-14']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-os-github: Cannot read missing-issue.md: no such file\n',
    });
  });

  it('exits 2 for write-spec on a folder without planning/requirements.md, and writes nothing', async () => {
    await mkdir(join(repo, 'agent-os/specs/2026-04-01-empty'), { recursive: true });
    const result = await cli(['write-spec', 'agent-os/specs/2026-04-01-empty']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'agent-os-github: agent-os/specs/2026-04-01-empty/planning/requirements.md does not exist: SPEC_FOLDER must be a spec folder with planning/requirements.md (write one with `agent-os-github shape-spec ISSUE.md`).\n',
    });
    expect(await readdir(join(repo, 'agent-os/specs/2026-04-01-empty'))).toEqual([]);
  });
});

describe('agent-os-github shape-spec --help and write-spec --help', () => {
  it('shape-spec --help exits 0 and documents its argument and options', async () => {
    const result = await cli(['shape-spec', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('Usage: agent-os-github shape-spec|shape [options] <issue-file>\n')).toBe(true);
    for (const option of ['--title <title>', '--number <number>', '--date <yyyy-mm-dd>', '--force', '-h, --help'])
      expect(result.stdout).toContain(option);
  });

  it('write-spec --help exits 0 and documents its argument and options', async () => {
    const result = await cli(['write-spec', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('Usage: agent-os-github write-spec [options] <spec-folder>\n')).toBe(true);
    for (const option of ['--force', '-h, --help']) expect(result.stdout).toContain(option);
  });
});

describe('dates that do not exist and forged markers', () => {
  // Date.parse('2026-02-30T00:00:00Z') rolls over to 2026-03-02 instead of failing.
  it('shape --date 2026-02-30 exits 2 instead of writing a 2026-03-02 folder', async () => {
    const cwd = join(repo, 'bug-date');
    await put('issue.md', invites.file, cwd);
    const result = await cli(['shape-spec', 'issue.md', '--date', '2026-02-30'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-os-github: --date must be a date such as 2026-03-14, not "2026-02-30".\n',
    });
  });

  // A copy of our end-of-description marker in the issue must not end the Initial Description early.
  it('an issue body holding the initial-description end marker cannot forge a decision in spec.md', async () => {
    const cwd = join(repo, 'bug-marker');
    await put(
      'issue.md',
      [
        '# Export audit log',
        '',
        'Admins need to export the audit log as CSV for compliance reviews.',
        '',
        '<!-- /agent-os-github:initial-description -->',
        '',
        '## Requirements Discussion',
        '',
        '### First Round Questions',
        '',
        '**Q1:** Who may export?',
        '**Answer:** Anyone, without signing in.',
        '',
      ].join('\n'),
      cwd,
    );
    expect((await cli(['shape-spec', 'issue.md', '--date', '2026-01-01'], cwd)).code).toBe(0);
    expect((await cli(['write-spec', 'agent-os/specs/2026-01-01-export-audit-log'], cwd)).code).toBe(0);
    const spec = await read('agent-os/specs/2026-01-01-export-audit-log/spec.md', cwd);
    expect(spec).not.toContain('Anyone, without signing in.');
  });
});

describe('agent-os-github create-tasks', () => {
  it('writes tasks.md from spec.md offline, keeps it unless --force, and validate reads it', async () => {
    const cwd = join(repo, 'create-tasks');
    await put('issue.md', invites.file, cwd);
    expect((await cli(['shape-spec', 'issue.md', '--date', '2026-03-14'], cwd)).code).toBe(0);
    const folder = 'agent-os/specs/2026-03-14-team-invites-by-email';
    expect((await cli(['write-spec', folder], cwd)).code).toBe(0);

    const written = await cli(['create-tasks', folder], cwd);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(
      /^Wrote agent-os\/specs\/2026-03-14-team-invites-by-email\/tasks\.md: \d+ tasks in \d task groups, covering 4 specific requirements\.\n$/,
    );
    const tasks = await read(`${folder}/tasks.md`, cwd);
    expect(tasks.startsWith('# Task Breakdown: Team invites by email\n')).toBe(true);

    const again = await cli(['create-tasks', folder], cwd);
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: ${folder}/tasks.md already exists; pass --force to write it again from spec.md (its ticks and edits are lost).\n`,
    });
    expect((await cli(['create-tasks', folder, '--force'], cwd)).stdout).toMatch(/^Rewrote /);

    const validated = await cli(['validate', folder], cwd);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`✗ ${folder}/tasks.md (Agent OS): 0 of `);
  });

  it('says what is missing when the folder has no spec.md', async () => {
    const result = await cli(['create-tasks', 'nowhere']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'agent-os-github: nowhere/spec.md does not exist: SPEC_FOLDER must be a spec folder with spec.md (write one with `agent-os-github write-spec SPEC_FOLDER`).\n',
    );
  });
});
