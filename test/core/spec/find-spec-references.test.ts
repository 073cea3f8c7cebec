import { describe, expect, it } from '@jest/globals';
import { findSpecReferences, normaliseRepoPath } from '../../../src/core/spec/find-spec-references.js';

describe('findSpecReferences', () => {
  it('finds Spec: lines in plain, code and link form', () => {
    const body = [
      'Implements the invites feature.',
      '',
      'Spec: agent-os/specs/2026-01-15-invites',
      'spec: `specs/004-csv-export/`',
      '',
      'Spec: [.kiro/specs/auth/tasks.md](https://example.com)',
    ].join('\n');
    expect(findSpecReferences(body).map((r) => r.taskFile)).toEqual([
      'agent-os/specs/2026-01-15-invites/tasks.md',
      'specs/004-csv-export/tasks.md',
      '.kiro/specs/auth/tasks.md',
    ]);
  });

  it('ignores code blocks, comments, mid-line mentions and unsafe paths', () => {
    const body = [
      '```',
      'Spec: in/code',
      '```',
      '<!-- Spec: in/comment -->',
      'See Spec: not/at/start',
      'Spec: ../../etc/passwd',
      'Spec: https://x.y/z',
    ].join('\n');
    expect(findSpecReferences(body)).toEqual([]);
    expect(findSpecReferences(null)).toEqual([]);
  });

  it('ignores template comments and notes after the path', () => {
    expect(findSpecReferences('Spec: <!-- agent-os/specs/x -->\nSpec: agent-os/specs/y (draft)')).toEqual([
      { written: 'agent-os/specs/y', taskFile: 'agent-os/specs/y/tasks.md' },
    ]);
  });

  it('normalises paths', () => {
    expect(normaliseRepoPath('./agent-os/specs/x/')).toBe('agent-os/specs/x');
    expect(normaliseRepoPath('a//b')).toBeUndefined();
    expect(normaliseRepoPath('a\\b')).toBeUndefined();
  });
});
