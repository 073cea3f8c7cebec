import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runNode } from '../../support/run-node.js';

const BIN = resolve('bin/agent-os-github.js');
const FOLDER = 'agent-os/specs/2026-02-01-invites';
let repo: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

const SPEC = [
  '# Specification: Invites',
  '',
  '## Specific Requirements',
  '',
  '**1. Owners can invite people by email**',
  '',
  '- Owners can invite people by email',
  '',
  '**2. Pending invites can be revoked**',
  '',
  '- Pending invites can be revoked',
  '',
].join('\n');
const TASKS = [
  '# Task Breakdown: Invites',
  '',
  '#### Task Group 1: Core Logic',
  '',
  '- [x] 1.0 Core logic',
  '  - [x] 1.1 Implement Specific Requirement 1: Owners can invite people by email',
  '',
].join('\n');

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'agent-os-trace-'));
  await put(`${FOLDER}/spec.md`, SPEC);
  await put(`${FOLDER}/tasks.md`, TASKS);
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('agent-os-github validate, holding a spec to its trace', () => {
  it('warns by default: names the requirement no task names, on its spec.md line, and exits 0 when the tasks are done', async () => {
    const result = await runNode([BIN, 'validate'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Traceability warnings (gate.traceability: warn):\n');
    expect(result.stdout).toContain(
      `  ${FOLDER}/spec.md:9: requirement 2 has no task (Pending invites can be revoked)\n`,
    );
  });

  it('exits 1 with gate.traceability: fail, and says nothing with off', async () => {
    await put('.github/agent-os.yml', 'gate:\n  traceability: fail\n');
    const failing = await runNode([BIN, 'validate', '--json'], { cwd: repo });
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as { ok: boolean; traceability: unknown };
    expect(report.ok).toBe(false);
    expect(report.traceability).toEqual({
      mode: 'fail',
      untraced: [
        { specPath: `${FOLDER}/spec.md`, untraced: [{ number: 2, name: 'Pending invites can be revoked', line: 9 }] },
      ],
    });
    await put('.github/agent-os.yml', 'gate:\n  traceability: off\n');
    const off = await runNode([BIN, 'validate'], { cwd: repo });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('Traceability');
  });
});
