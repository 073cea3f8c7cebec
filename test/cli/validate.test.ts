import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runNode } from '../../support/run-node.js';

const BIN = resolve('bin/agent-os-github.js');
let repo: string;

function cli(args: string[], cwd = repo) {
  return runNode([BIN, ...args], { cwd });
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'agent-os-cli-'));
  await put(
    'agent-os/specs/2026-02-01-invites/tasks.md',
    [
      '# Task Breakdown: Invites',
      '',
      '#### Task Group 1: Models',
      '- [x] 1.0 Models',
      '  - [x] 1.1 Tests',
      '  - [x] 1.2 Model',
      '',
    ].join('\n'),
  );
  await put(
    'specs/004-csv-export/tasks.md',
    [
      '# Tasks',
      '',
      '## Phase 1: Setup',
      '- [X] T001 Init',
      '- [X] T002 Lint',
      '```',
      '- [ ] T999 decoy',
      '```',
      '## Phase 2: Story',
      '- [ ] T003 [US1] Endpoint',
      '- [~] T004 Stream',
      '- [ ]* T005 Nice to have',
      '',
    ].join('\r\n'),
  );
  await put('node_modules/pkg/tasks.md', '- [ ] not ours\n');
  await put('notes/todo.md', '- [ ] not a task file by location\n');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('agent-os-github validate', () => {
  it('finds task files in every dialect location, prints each incomplete task as path:line  id  text, exits 1', async () => {
    const result = await cli(['validate']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '✓ agent-os/specs/2026-02-01-invites/tasks.md (Agent OS): 3 of 3 required tasks complete',
        '✗ specs/004-csv-export/tasks.md (Spec Kit): 2 of 4 required tasks complete',
        'specs/004-csv-export/tasks.md:10  T003  [US1] Endpoint',
        'specs/004-csv-export/tasks.md:11  T004  Stream  (blocked)',
        '2 of 7 required tasks incomplete in 2 task files.',
        '',
      ].join('\n'),
    );
  });

  it('prints exactly one JSON object with --json', async () => {
    const result = await cli(['validate', 'specs', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toEqual({
      ok: false,
      files: [
        {
          path: 'specs/004-csv-export/tasks.md',
          dialect: 'spec-kit',
          tasks: 5,
          required: 4,
          complete: 2,
          incomplete: [
            { line: 10, id: 'T003', text: '[US1] Endpoint', state: 'open', group: 'Phase 2: Story' },
            { line: 11, id: 'T004', text: 'Stream', state: 'blocked', group: 'Phase 2: Story' },
          ],
          groups: [
            { title: 'Phase 1: Setup', number: '1', line: 3, tasks: 2, required: 2, complete: 2 },
            { title: 'Phase 2: Story', number: '2', line: 9, tasks: 3, required: 2, complete: 0 },
          ],
          diagnostics: [],
        },
      ],
    });
  });

  it('exits 0 when every required task is complete, and reads any markdown file named directly', async () => {
    expect((await cli(['validate', 'agent-os'])).code).toBe(0);
    const named = await cli(['validate', 'notes/todo.md']);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('notes/todo.md:1  -  not a task file by location');
  });

  it('exits 2 with a message on stderr for a missing path', async () => {
    const result = await cli(['validate', 'nope/tasks.md']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'agent-os-github: No such file or folder: nope/tasks.md\n' });
  });

  it('exits 2 for a folder with no task files', async () => {
    const result = await cli(['validate', 'notes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('agent-os-github: No task files under notes (looked for **/tasks.md');
  });

  // Root reads any file, so this case can only be shown as another user.
  const itUnlessRoot = process.getuid?.() === 0 ? it.skip : it;
  itUnlessRoot('exits 2 for an unreadable file, with a JSON error under --json', async () => {
    await put('locked/tasks.md', '- [ ] x\n');
    await chmod(join(repo, 'locked/tasks.md'), 0o000);
    const locked = await cli(['validate', 'locked/tasks.md', '--json']);
    await chmod(join(repo, 'locked/tasks.md'), 0o644);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toBe('agent-os-github: Cannot read locked/tasks.md: permission denied\n');
    expect(JSON.parse(locked.stdout)).toEqual({
      ok: false,
      error: 'Cannot read locked/tasks.md: permission denied',
      files: [],
    });
  });

  it('exits 2 on an unknown option', async () => {
    const result = await cli(['validate', '--jsn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--jsn'");
  });

  it('recognises the dialect from the whole path, even when run inside the spec folder', async () => {
    const result = await cli(['validate', 'tasks.md', '--json'], join(repo, 'specs/004-csv-export'));
    expect((JSON.parse(result.stdout) as { files: Array<{ dialect: string }> }).files[0]?.dialect).toBe('spec-kit');
  });

  it('exits 2 on a task file too large to parse', async () => {
    await put('big/tasks.md', '- [ ] task\n'.repeat(60_000));
    const result = await cli(['validate', 'big/tasks.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'agent-os-github: Cannot read big/tasks.md: it is 645 KB, over the 512 KB a task file may have; split it into one file per spec.\n',
    );
  });

  it('exits 2 for a named file that holds no task list, such as package.json', async () => {
    await put('package.json', '{ "name": "shop", "version": "1.0.0" }\n');
    const result = await cli(['validate', 'package.json']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'agent-os-github: package.json holds no task list: it has no task boxes (`- [ ] …`). Name a task file (such as tasks.md) or a folder to search for them.\n',
    });
  });

  it('answers the same for an empty folder with and without `.`: exit 2, no task files', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'agent-os-cli-empty-'));
    try {
      const bare = await cli(['validate'], empty);
      const dot = await cli(['validate', '.'], empty);
      expect(bare).toEqual(dot);
      expect(bare.code).toBe(2);
      expect(bare.stderr).toBe(
        `agent-os-github: No task files under ${empty} (looked for **/tasks.md, **/*.story.md, **/docs/stories/*.md). Name the file itself to check any other markdown file.\n`,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('measures a file that is not valid UTF-8 in bytes as stored, not as decoded', async () => {
    // 300 KB of bytes that are not UTF-8: 900 KB once each becomes a replacement character, but 300 KB on disk.
    await mkdir(join(repo, 'latin'), { recursive: true });
    await writeFile(
      join(repo, 'latin/tasks.md'),
      Buffer.concat([Buffer.from('- [ ] 1. Import the data\n\n'), Buffer.alloc(300 * 1024, 0xff)]),
    );
    const result = await cli(['validate', 'latin/tasks.md']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('latin/tasks.md:1  1  Import the data');
  });

  it('stops quietly when the reader of its output goes away (validate … | head)', async () => {
    await put('many/tasks.md', Array.from({ length: 20_000 }, (_, i) => `- [ ] ${i + 1}. t`).join('\n'));
    const child = spawn('node', [BIN, 'validate', 'many/tasks.md'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head`: read the first chunk, then close the pipe while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) =>
      child.on('close', (exitCode) => {
        done(exitCode);
      }),
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('exits 2 on a task file the parser would take too long on, naming the line and the limit', async () => {
    await put('deep/tasks.md', `# Tasks\n\n- [ ] fine\n${'>'.repeat(10_000)} - [ ] x\n`);
    const result = await cli(['validate', 'deep/tasks.md']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'agent-os-github: Cannot read deep/tasks.md: Line 4: 10001 block quotes and list markers open at the start of the line, which may nest the text 10001 levels deep; a task file may nest at most 100 levels (block quotes and list items). Nest less deeply, or put the text in a code block.\n',
    );
  });

  it('reads an empty task file as nothing to do, with a warning', async () => {
    await put('empty/tasks.md', '');
    const result = await cli(['validate', 'empty/tasks.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('empty/tasks.md:1  warning: No task boxes');
  });
});

describe('agent-os-github validate on a repository with spec tools’ templates (issue 17)', () => {
  let tree: string;
  const write = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(join(tree, path)), { recursive: true });
    await writeFile(join(tree, path), text);
  };
  const TEMPLATE = [
    '# Implementation Plan',
    '',
    '## Task Format Template',
    '',
    '### Major task only',
    '- [ ] {{NUMBER}}. {{TASK_DESCRIPTION}}{{PARALLEL_MARK}}',
    '  - {{DETAIL_ITEM_1}}',
    '  - _Requirements: {{REQUIREMENT_IDS}}_',
    '',
    '### Major + Sub-task structure',
    '- [ ] {{MAJOR_NUMBER}}. {{MAJOR_TASK_SUMMARY}}',
    '- [ ] {{MAJOR_NUMBER}}.{{SUB_NUMBER}} {{SUB_TASK_DESCRIPTION}}{{SUB_PARALLEL_MARK}}',
    '  - _Requirements: {{REQUIREMENT_IDS}}_',
    '',
  ].join('\n');

  beforeAll(async () => {
    tree = await mkdtemp(join(tmpdir(), 'agent-os-cli-templates-'));
    // cc-sdd installs its templates here; a team copied one into docs/ too.
    await write('.kiro/settings/templates/specs/tasks.md', TEMPLATE);
    await write('docs/templates/feature/tasks.md', TEMPLATE);
    await write(
      '.kiro/specs/order-export/tasks.md',
      [
        '# Implementation Plan',
        '',
        '## Tasks',
        '',
        '- [x] 1. Model',
        '- [x] 1.1 (P) Job model',
        '- [x] 2. Writer',
        '- [ ]* 2.1 Property tests',
        '',
      ].join('\n'),
    );
    await write(
      '.kiro/specs/calendar-sync/tasks.md',
      ['# Implementation Plan', '', '- [x] 1. Sync', '- [x] 2. Retry', '- [ ] 3.* Load test', ''].join('\n'),
    );
    await write(
      '.agent-os/specs/2025-09-14-password-reset/tasks.md',
      ['# Spec Tasks', '', '## Tasks', '', '- [x] 1. Token table', '  - [x] 1.1 Tests', ''].join('\n'),
    );
  });

  afterAll(async () => {
    await rm(tree, { recursive: true, force: true });
  });

  it('exits 0 when every real spec is complete: the template folder and a file of placeholders are no task files', async () => {
    const result = await cli(['validate'], tree);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '✓ .agent-os/specs/2025-09-14-password-reset/tasks.md (Agent OS): 2 of 2 required tasks complete',
        '✓ .kiro/specs/calendar-sync/tasks.md (Kiro): 2 of 2 required tasks complete',
        '✓ .kiro/specs/order-export/tasks.md (Kiro): 3 of 3 required tasks complete',
        'All 7 required tasks complete in 3 task files.',
        '',
      ].join('\n'),
    });
  });

  it('reads a template named explicitly: its placeholder tasks are skipped, so it blocks nothing', async () => {
    const result = await cli(['validate', '.kiro/settings/templates/specs/tasks.md', '--json'], tree);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      files: [{ path: '.kiro/settings/templates/specs/tasks.md', tasks: 3, required: 0, complete: 0 }],
    });
  });

  it('exits 2 for a folder named explicitly that holds only a template', async () => {
    const result = await cli(['validate', 'docs/templates'], tree);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'agent-os-github: No task files under docs/templates: docs/templates/feature/tasks.md holds only template placeholders ({{…}}). Name the file itself to check it anyway.\n',
    });
  });

  it('exits 1 on a [~] task whose text ends in a tilde, with its two open sub-tasks (issue 16, item 3)', async () => {
    await write(
      '.spec-workflow/specs/data-import/tasks.md',
      ['- [~] 2. Import the data, waiting~', '  - [ ] 2.1 Parse the upload', '  - [ ] 2.2 Write the rows', ''].join(
        '\n',
      ),
    );
    const result = await cli(['validate', '.spec-workflow'], tree);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '✗ .spec-workflow/specs/data-import/tasks.md (spec-workflow): 0 of 3 required tasks complete',
        '.spec-workflow/specs/data-import/tasks.md:1  2  Import the data, waiting~  (blocked)',
        '.spec-workflow/specs/data-import/tasks.md:2  2.1  Parse the upload',
        '.spec-workflow/specs/data-import/tasks.md:3  2.2  Write the rows',
        '3 of 3 required tasks incomplete in 1 task file.',
        '',
      ].join('\n'),
    );
  });

  it('takes the cancelled markers of .github/agent-os.yml', async () => {
    await write('.github/agent-os.yml', 'cancelled_markers: ["[~]"]\n');
    const result = await cli(['validate', '.spec-workflow'], tree);
    await rm(join(tree, '.github'), { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 of 0 required tasks complete');
  });
});
