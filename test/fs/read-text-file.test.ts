import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentOsError } from '../../src/core/errors.js';
import { readTextFile } from '../../src/fs/read-text-file.js';

describe('readTextFile', () => {
  it('turns a failed read into a user-input error naming the file and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agent-os-read-'));
    try {
      await expect(readTextFile(dir, 'specs/tasks.md')).rejects.toEqual(
        new AgentOsError('user-input', 'Cannot read specs/tasks.md: it is a folder'),
      );
      await expect(readTextFile(join(dir, 'gone.md'), 'gone.md')).rejects.toMatchObject({
        kind: 'user-input',
        message: 'Cannot read gone.md: no such file',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
