import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setOutput } from '../../src/action/action-io.js';
import { parseActionOutputs } from '../support/parse-action-outputs.js';

let dir = '';
const saved = process.env.GITHUB_OUTPUT;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-os-output-'));
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  await writeFile(process.env.GITHUB_OUTPUT, '');
});

afterEach(async () => {
  if (saved === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('setOutput', () => {
  it('writes a one-line value as name=value, and a value with a line break in GitHub’s delimited form', async () => {
    setOutput('tasks', 40);
    setOutput('conclusion', 'failure');
    setOutput('status', 'first line\nname=injected');

    const text = await readFile(join(dir, 'output'), 'utf8');
    expect(text.startsWith('tasks=40\nconclusion=failure\nstatus<<ghadelimiter_')).toBe(true);
    expect(parseActionOutputs(text)).toEqual({
      tasks: '40',
      conclusion: 'failure',
      status: 'first line\nname=injected',
    });
  });
});
