import { describe, expect, it } from '@jest/globals';
import { applyTicks } from '../../../src/core/checklist/apply-ticks.js';
import { findChecklistTicks } from '../../../src/core/checklist/find-checklist-ticks.js';
import { checklistFiles, renderChecklist } from '../../../src/core/checklist/render-checklist.js';
import { decideGate } from '../../../src/core/check/decide-gate.js';
import type { TaskFileRead } from '../../../src/core/check/gate-types.js';
import { applyScope } from '../../../src/core/tasks/apply-scope.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';

const PATH = 'agent-os/specs/2026-01-15-team-invites/tasks.md';
const TASKS = [
  '# Task Breakdown: Team invites',
  '',
  '#### Task Group 1: Data models',
  '- [x] 1.0 Complete the data layer',
  '  - [x] 1.1 Write tests for `Invite`',
  '  - [ ] 1.2 Create the <Invite> model',
  '',
  '#### Task Group 2: API',
  '- [ ] 2.0 Complete the API',
  '  - [-] 2.1 Create POST /invites',
  '  - [ ]* 2.2 Nice to have',
  '  - [ ] ~~2.3 Legacy import~~',
  '',
].join('\n');
const link = (path: string) => `https://github.com/acme/app/blob/abc/${path}`;

function checklistFor(text: string, scope?: string[]) {
  const reads: TaskFileRead[] = [
    { path: PATH, status: 'read', file: applyScope(parseTaskFile(text, { path: PATH }), scope) },
  ];
  return renderChecklist({ reads, report: decideGate(reads, link, scope), link, scope });
}

describe('the checklist comment', () => {
  it('shows every task as a GitHub checkbox with its state in words and a hidden reference, and the check run totals', () => {
    const body = checklistFor(TASKS);
    expect(checklistFiles(body)).toEqual([PATH]);
    expect(body).toContain('### Agent OS tasks: 1 of 5 required tasks complete');
    expect(body).toContain('- [x] 1.0 Complete the data layer _(ticked, but a sub-task is open)_ <!-- aos:0:0 -->');
    expect(body).toContain('  - [ ] 1.2 Create the \\<Invite\\> model <!-- aos:0:2 -->');
    expect(body).toContain('  - [ ] 2.1 Create POST /invites _(in progress)_ <!-- aos:0:4 -->');
    expect(body).toContain('  - [ ] 2.2 Nice to have _(optional)_ <!-- aos:0:5 -->');
    expect(body).toContain('**Task Group 1: Data models** `███░░░░░░░` 33% 1/3');
    expect(body).toContain('  - [ ] 2.3 ~~Legacy import~~ _(skipped)_ <!-- aos:0:6 -->');
  });

  it('shows groups outside the declared scope as context', () => {
    const body = checklistFor(TASKS, ['1']);
    expect(body).toContain('This pull request implements Task Group 1; the other groups are context.');
    expect(body).toContain("**Task Group 2: API _(not in this pull request's scope)_**");
    expect(body).toContain('### Agent OS tasks: 1 of 3 required tasks complete');
  });

  it('turns a tick in the comment into a one-character change of the task file', () => {
    const before = checklistFor(TASKS);
    const after = before
      .replace('  - [ ] 1.2 Create', '  - [x] 1.2 Create')
      .replace('- [x] 1.0 Complete', '- [ ] 1.0 Complete');
    const ticks = findChecklistTicks(before, after);
    expect(ticks.map((t) => [t.taskIndex, t.checked])).toEqual([
      [0, false],
      [2, true],
    ]);
    const applied = applyTicks(TASKS, ticks, { path: PATH });
    expect(applied.changed).toEqual([
      { label: '1.0', checked: false },
      { label: '1.2', checked: true },
    ]);
    expect(applied.text).toBe(TASKS.replace('- [x] 1.0', '- [ ] 1.0').replace('- [ ] 1.2', '- [x] 1.2'));
  });

  it('finds a ticked task again after lines moved, and refuses to guess when it is gone', () => {
    const before = checklistFor(TASKS);
    const ticks = findChecklistTicks(before, before.replace('  - [ ] 1.2 Create', '  - [x] 1.2 Create'));
    const moved = TASKS.replace(
      '#### Task Group 1: Data models\n',
      '#### Task Group 1: Data models\n- [ ] 0.9 New first task\n',
    );
    expect(applyTicks(moved, ticks, { path: PATH }).text).toBe(moved.replace('- [ ] 1.2', '- [x] 1.2'));
    const gone = TASKS.replace('  - [ ] 1.2 Create the <Invite> model\n', '');
    expect(applyTicks(gone, ticks, { path: PATH })).toMatchObject({ text: gone, changed: [], missing: ticks });
  });

  it('keeps under GitHub’s comment limit by dropping the boxes for huge task files', () => {
    const huge = `# Tasks\n\n${Array.from({ length: 3000 }, (_, i) => `- [ ] ${i + 1}. Task number ${i + 1} with some words`).join('\n')}\n`;
    const body = checklistFor(huge);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('Too many tasks to list here');
  });
});
