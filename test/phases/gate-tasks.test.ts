import { describe, expect, it } from '@jest/globals';
import { DEFAULT_GATE_SETTINGS } from '../../src/core/config/settings.js';
import type { GitHubClient } from '../../src/github/github-client.js';
import type { ChangedFile } from '../../src/github/list-changed-files.js';
import { readTaskFiles, type GateSubject } from '../../src/phases/gate-tasks.js';

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const CC_SDD_TEMPLATE = [
  '# Implementation Plan',
  '',
  '## Task Format Template',
  '',
  '- [ ] {{NUMBER}}. {{TASK_DESCRIPTION}}{{PARALLEL_MARK}}',
  '  - _Requirements: {{REQUIREMENT_IDS}}_',
  '- [ ] {{MAJOR_NUMBER}}.{{SUB_NUMBER}} {{SUB_TASK_DESCRIPTION}}',
  '',
].join('\n');

/** The files of the head commit, served as the contents API serves them raw; every path asked for is recorded. */
function fakeRepository(files: Record<string, string>): { client: GitHubClient; asked: string[] } {
  const asked: string[] = [];
  const request = (route: string, params: { path: string; ref: string }) => {
    expect(route).toBe('GET /repos/{owner}/{repo}/contents/{path}');
    expect(params.ref).toBe(HEAD);
    asked.push(params.path);
    const text = files[params.path];
    if (text === undefined) return Promise.reject(Object.assign(new Error('Not Found'), { status: 404 }));
    return Promise.resolve({ data: text });
  };
  return { client: { request } as unknown as GitHubClient, asked };
}

function subject(changed: string[], body: string | null = null): GateSubject {
  return {
    repo: { owner: 'acme', repo: 'shop' },
    repoHtmlUrl: 'https://github.com/acme/shop',
    headSha: HEAD,
    changedFiles: changed.map((path): ChangedFile => ({ path, removed: false })),
    body,
  };
}

describe('readTaskFiles: the files a pull request is gated on (issue 17)', () => {
  const files = {
    '.kiro/settings/templates/specs/tasks.md': CC_SDD_TEMPLATE,
    '.specify/templates/tasks.md': '- [ ] [TASK] description\n',
    'docs/templates/feature/tasks.md': CC_SDD_TEMPLATE,
    '.kiro/specs/order-export/tasks.md': '# Implementation Plan\n\n## Tasks\n\n- [x] 1. Model\n- [ ] 2. Writer\n',
  };

  it('never reads the spec tools’ template folders, and leaves out a changed file whose tasks are all placeholders', async () => {
    const { client, asked } = fakeRepository(files);
    const reads = await readTaskFiles(client, subject(Object.keys(files)), DEFAULT_GATE_SETTINGS);
    expect(asked.sort()).toEqual(['.kiro/specs/order-export/tasks.md', 'docs/templates/feature/tasks.md']);
    expect(reads.map((r) => [r.path, r.status])).toEqual([['.kiro/specs/order-export/tasks.md', 'read']]);
    const [read] = reads;
    expect(read?.status === 'read' ? read.file.groups.map((g) => g.title) : []).toEqual(['Model', 'Writer']);
  });

  it('reads a placeholder file the description names with a Spec: line', async () => {
    const { client } = fakeRepository(files);
    const reads = await readTaskFiles(
      client,
      subject(['docs/templates/feature/tasks.md'], 'Spec: docs/templates/feature'),
      DEFAULT_GATE_SETTINGS,
    );
    expect(reads.map((r) => [r.path, r.status])).toEqual([['docs/templates/feature/tasks.md', 'read']]);
    const [read] = reads;
    expect(read?.status === 'read' ? read.file.tasks.map((t) => t.required) : []).toEqual([false, false]);
  });

  it('reads the older .agent-os layout as Agent OS, with the repository’s cancelled markers', async () => {
    const path = '.agent-os/specs/2025-09-14-password-reset/tasks.md';
    const { client } = fakeRepository({ [path]: '## Tasks\n\n- [x] 1. Token table\n- [~] 2. SMS reset\n' });
    const settings = { ...DEFAULT_GATE_SETTINGS, cancelledMarkers: ['~' as const] };
    const [read] = await readTaskFiles(client, subject([path]), settings);
    expect(read?.status === 'read' ? [read.file.dialect, read.file.tasks.map((t) => t.required)] : []).toEqual([
      'agent-os',
      [true, false],
    ]);
  });
});
