import { describe, expect, it } from '@jest/globals';
import { blobLinker } from '../../../src/core/check/blob-linker.js';
import { decideGate, MAX_ANNOTATIONS } from '../../../src/core/check/decide-gate.js';
import type { TaskFileRead } from '../../../src/core/check/gate-types.js';
import { renderProgressBar } from '../../../src/core/check/render-progress-bar.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';

const PATH = 'agent-os/specs/2026-01-15-invites/tasks.md';
const read = (source: string, path = PATH): TaskFileRead => ({
  path,
  status: 'read',
  file: parseTaskFile(source, { path }),
});

const SPEC = [
  '# Task Breakdown: Invites',
  '#### Task Group 1: Models',
  '- [x] 1.0 Models',
  '  - [x] 1.1 Tests',
  '#### Task Group 2: API',
  '- [ ] 2.0 API',
  '  - [x] 2.1 Tests',
  '  - [-] 2.2 Endpoint | with pipe',
  '',
].join('\n');

describe('decideGate', () => {
  it('fails with a count title, per-group progress and an annotation on each open task line', () => {
    const report = decideGate([read(SPEC)], blobLinker('https://github.com/acme/app', 'abc123'));
    expect(report.conclusion).toBe('failure');
    expect(report.title).toBe('3 of 5 tasks complete');
    expect(report.counts).toEqual({ tasks: 5, required: 5, complete: 3 });
    expect(report.annotations).toEqual([
      { path: PATH, line: 6, level: 'failure', title: 'Task 2.0 is open', message: 'API' },
      { path: PATH, line: 8, level: 'failure', title: 'Task 2.2 is in progress', message: 'Endpoint | with pipe' },
    ]);
    expect(report.summary).toContain('## ❌ 3 of 5 required tasks complete');
    expect(report.summary).toContain('| Task Group 1: Models | `██████████` 100% | 2/2 ✅ |');
    expect(report.summary).toContain('| Task Group 2: API | `███░░░░░░░` 33% | 1/3 |');
    expect(report.summary).toContain(
      '- [line 8](https://github.com/acme/app/blob/abc123/agent-os/specs/2026-01-15-invites/tasks.md#L8) · `2.2` Endpoint \\| with pipe _(in progress)_',
    );
  });

  it('succeeds when every required task is complete', () => {
    const report = decideGate([read('- [x] a\n- [ ]* optional\n- [ ] ~~gone~~\n')]);
    expect(report).toMatchObject({ conclusion: 'success', title: '1 of 1 tasks complete', annotations: [] });
  });

  it('is neutral, and says how to link a spec, when there is no task file', () => {
    const report = decideGate([]);
    expect(report.conclusion).toBe('neutral');
    expect(report.title).toBe('No task file in this pull request');
    expect(report.summary).toContain('Spec: agent-os/specs/2026-01-15-team-invites');
  });

  it('is neutral when a named spec has no tasks.md yet', () => {
    const report = decideGate([{ path: PATH, status: 'missing', reason: 'no tasks.md yet' }]);
    expect(report.conclusion).toBe('neutral');
    expect(report.summary).toContain('no tasks.md yet');
  });

  it('fails clearly when a task file cannot be read', () => {
    const report = decideGate([
      read(SPEC, 'a/tasks.md'),
      { path: PATH, status: 'unreadable', reason: 'GitHub answered 502' },
    ]);
    expect(report.conclusion).toBe('failure');
    expect(report.title).toBe(`Could not read ${PATH}`);
    expect(report.summary).toContain('⚠️ Could not read this task file: GitHub answered 502');
  });

  it('annotates a ticked parent with open children, and warns about diagnostics', () => {
    const report = decideGate([read('- [x] 1.0 Parent\n  - [ ] 1.1 Child\n```\n')]);
    expect(report.annotations.map((a) => [a.line, a.level, a.title])).toEqual([
      [1, 'failure', 'Task 1.0 is open'],
      [2, 'failure', 'Task 1.1 is open'],
      [3, 'warning', 'Task file problem'],
    ]);
    expect(report.annotations[0]?.message).toContain('some of its required sub-tasks are not complete');
  });

  it('keeps annotation titles within GitHub limits and never sends an empty message', () => {
    const report = decideGate([read(`- [ ] ${'very long task '.repeat(40)}\n- [ ] 1.2 **x**\n`)]);
    expect(report.annotations[0]?.title.length).toBeLessThanOrEqual(255);
    expect(report.annotations[0]?.title.endsWith('…')).toBe(true);
    expect(report.annotations.every((a) => a.message.length > 0)).toBe(true);
  });

  it(`caps annotations at ${MAX_ANNOTATIONS} and says so`, () => {
    const many = Array.from({ length: 600 }, (_, i) => `- [ ] task ${i}`).join('\n');
    const report = decideGate([read(many)]);
    expect(report.annotations).toHaveLength(MAX_ANNOTATIONS);
    expect(report.summary).toContain('100 further annotations were left out');
    expect(report.summary).toContain('- …and 570 more (see the annotations)');
  });
});

describe('renderProgressBar', () => {
  it('never shows a full bar before everything is done', () => {
    expect(renderProgressBar(99, 100)).toBe('`█████████░` 99%');
    expect(renderProgressBar(0, 3)).toBe('`░░░░░░░░░░` 0%');
    expect(renderProgressBar(0, 0)).toBe('`──────────` –');
  });
});
