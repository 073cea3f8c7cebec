import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runNode } from '../../support/run-node.js';

const BIN = resolve('bin/agent-os-github.js');
const FOLDER = 'agent-os/specs/2026-03-14-team-invites';
const SPEC = [
  '# Specification: Team invites',
  '',
  '## Goal',
  'Invite people by email.',
  '',
  '## Specific Requirements',
  '',
  '**Invite by email**',
  '- An admin sends an invite to an email address',
  '',
].join('\n');
const TASKS = [
  '# Task Breakdown: Team invites',
  '',
  '#### Task Group 1: Invites',
  '- [ ] 1.0 Invites',
  '  - [ ] 1.1 Write tests',
  '',
].join('\n');

let outer: string;
let repo: string;
/** A folder beside the repository: nothing the CLI does in the repository may write here. */
let outside: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

function cli(args: string[]) {
  return runNode([BIN, ...args], { cwd: repo });
}

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'agent-os-cli-symlinks-'));
  repo = join(outer, 'repo');
  outside = join(outer, 'outside');
  await mkdir(repo);
  await mkdir(outside);
});

afterAll(async () => {
  await rm(outer, { recursive: true, force: true });
});

describe('the CLI never writes through a symbolic link', () => {
  it('create-tasks: a dangling tasks.md link is refused with exit 2 and its path, and nothing is written outside', async () => {
    await put(`${FOLDER}/spec.md`, SPEC);
    await symlink(join(outside, 'planted.md'), join(repo, FOLDER, 'tasks.md'));
    const result = await cli(['create-tasks', FOLDER]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `agent-os-github: Refusing to write ${FOLDER}/tasks.md: \`${FOLDER}/tasks.md\` is a symbolic link (to ${join(outside, 'planted.md')}). ` +
        'agent-os-github never writes through a symbolic link, so nothing it writes can land outside the repository: replace the link with a real file or folder, or remove it.\n',
    );
    expect(await readdir(outside)).toEqual([]);
    expect((await lstat(join(repo, FOLDER, 'tasks.md'))).isSymbolicLink()).toBe(true);
    await rm(join(repo, FOLDER, 'tasks.md'));
  });

  it('write-spec --force: a spec.md linked to a file outside is refused, and that file is unchanged', async () => {
    await put(`${FOLDER}/planning/requirements.md`, '# Spec Requirements: Team invites\n');
    await writeFile(join(outside, 'precious.md'), 'keep me\n');
    await rm(join(repo, FOLDER, 'spec.md'));
    await symlink(join(outside, 'precious.md'), join(repo, FOLDER, 'spec.md'));
    const result = await cli(['write-spec', FOLDER, '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Refusing to write ${FOLDER}/spec.md: \`${FOLDER}/spec.md\` is a symbolic link`);
    expect(await readFile(join(outside, 'precious.md'), 'utf8')).toBe('keep me\n');
    await rm(join(repo, FOLDER, 'spec.md'));
    await put(`${FOLDER}/spec.md`, SPEC);
  });

  it('orchestrate-tasks: a symlinked implementation/ folder is refused before anything is written', async () => {
    await put(`${FOLDER}/tasks.md`, TASKS);
    await symlink(outside, join(repo, FOLDER, 'implementation'));
    const result = await cli(['orchestrate-tasks', FOLDER]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Refusing to write ${FOLDER}/implementation/prompts: \`${FOLDER}/implementation\` is a symbolic link (to ${outside})`,
    );
    expect(await readdir(outside)).toEqual(['precious.md']);
    await expect(lstat(join(repo, FOLDER, 'orchestration.yml'))).rejects.toMatchObject({ code: 'ENOENT' });
    await rm(join(repo, FOLDER, 'implementation'));
  });

  it('shape-spec: a symlinked spec root is refused', async () => {
    const other = await mkdtemp(join(outer, 'repo2-'));
    await writeFile(join(other, 'issue.md'), '# Dark mode\n\nUsers want a dark theme.\n');
    await symlink(outside, join(other, 'agent-os'));
    const result = await runNode([BIN, 'shape-spec', 'issue.md', '--date', '2026-03-14'], { cwd: other });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Refusing to write agent-os/specs/2026-03-14-dark-mode/planning/requirements.md: `agent-os` is a symbolic link',
    );
    expect(await readdir(outside)).toEqual(['precious.md']);
  });
});

describe('validate reads each file once, however symlinked folders lead to it', () => {
  it('a symlink loop and a second link to the same folder report the file once', async () => {
    const loops = join(outer, 'loops');
    await mkdir(join(loops, 'specs/001-export'), { recursive: true });
    await writeFile(join(loops, 'specs/001-export/tasks.md'), '# Tasks\n\n## Phase 1: Setup\n- [ ] T001 Init\n');
    await symlink('..', join(loops, 'specs/001-export/back'));
    await symlink('specs', join(loops, 'also-specs'));
    const result = await runNode([BIN, 'validate', '--json'], { cwd: loops });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string }> };
    expect(report.files.map((f) => f.path)).toEqual(['specs/001-export/tasks.md']);
  });
});
