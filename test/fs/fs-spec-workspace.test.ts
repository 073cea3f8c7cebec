import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fsSpecWorkspace } from '../../src/fs/fs-spec-workspace.js';

let outer: string;
let repo: string;

beforeEach(async () => {
  outer = await mkdtemp(join(tmpdir(), 'agent-os-ws-'));
  repo = join(outer, 'repo');
  await mkdir(repo);
});

afterEach(async () => {
  await rm(outer, { recursive: true, force: true });
});

describe('fsSpecWorkspace writeFiles', () => {
  it('writes the files whose content changes, creating folders, and leaves the others alone', async () => {
    await writeFile(join(repo, 'same.md'), 'same\n');
    const workspace = fsSpecWorkspace({ cwd: repo, base: repo });
    const files = [
      { path: 'same.md', content: 'same\n' },
      { path: 'spec/orchestration.yml', content: 'task_groups: []\n' },
    ];
    expect(await workspace.writeFiles({ files, message: '' })).toEqual({ written: ['spec/orchestration.yml'] });
    expect(await readFile(join(repo, 'spec/orchestration.yml'), 'utf8')).toBe('task_groups: []\n');
    expect(await workspace.writeFiles({ files, message: '' })).toEqual({ written: [] });
  });

  it('refuses a path through a symbolic link before it writes any file', async () => {
    const outside = join(outer, 'outside');
    await mkdir(outside);
    await symlink(outside, join(repo, 'linked'));
    const workspace = fsSpecWorkspace({ cwd: repo, base: repo });
    const files = [
      { path: 'first.md', content: 'first\n' },
      { path: 'linked/second.md', content: 'second\n' },
    ];
    await expect(workspace.writeFiles({ files, message: '' })).rejects.toMatchObject({
      kind: 'user-input',
      message: expect.stringContaining('Refusing to write linked/second.md: `linked` is a symbolic link') as unknown,
    });
    expect(await readdir(repo)).toEqual(['linked']);
    expect(await readdir(outside)).toEqual([]);
  });
});
