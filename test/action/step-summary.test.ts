import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendStepSummary } from '../../src/action/action-io.js';

let dir = '';
const saved = process.env.GITHUB_STEP_SUMMARY;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-os-summary-'));
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md');
  await writeFile(process.env.GITHUB_STEP_SUMMARY, '');
});

afterEach(async () => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('appendStepSummary', () => {
  it('appends the markdown and a line break to the job summary, as the toolkit’s summary does', async () => {
    appendStepSummary('## ❌ 2 of 3 required tasks complete');
    appendStepSummary('second');

    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toBe('## ❌ 2 of 3 required tasks complete\nsecond\n');
  });

  it('fails with the toolkit’s messages when the runner gives no summary file, or one it cannot write', () => {
    const missing = join(dir, 'no-such-folder', 'summary.md');
    process.env.GITHUB_STEP_SUMMARY = missing;
    expect(() => {
      appendStepSummary('x');
    }).toThrow(`Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`);

    delete process.env.GITHUB_STEP_SUMMARY;
    expect(() => {
      appendStepSummary('x');
    }).toThrow(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  });
});
