import { describe, expect, it } from '@jest/globals';
import { decideGate } from '../../../src/core/check/decide-gate.js';
import { renderChecklist } from '../../../src/core/checklist/render-checklist.js';
import { applyScope } from '../../../src/core/tasks/apply-scope.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import { countTasks, listIncompleteTasks, tasksOfGroup } from '../../../src/core/tasks/summarize-tasks.js';
import { dialectOfPath, isTemplateTaskFile, taskFileMatcher } from '../../../src/core/tasks/task-file-locations.js';

const md = (lines: string[]): string => lines.join('\n') + '\n';

describe('a checkbox marker is never part of the text (issue 16, item 3)', () => {
  it('does not let the ~ of [~] pair with a later ~ as strikethrough: the task and its sub-tasks stay required', () => {
    const file = parseTaskFile(
      md(['- [~] 2. Import the data, waiting~', '  - [ ] 2.1 Parse the upload', '  - [ ] 2.2 Write the rows']),
    );
    expect(file.tasks.map((t) => [t.id, t.text, t.skipped, t.required])).toEqual([
      ['2', 'Import the data, waiting~', false, true],
      ['2.1', 'Parse the upload', false, true],
      ['2.2', 'Write the rows', false, true],
    ]);
    expect(countTasks(file.tasks)).toEqual({ tasks: 3, required: 3, complete: 0 });
    expect(listIncompleteTasks(file).map((t) => t.state)).toEqual(['blocked', 'open', 'open']);
  });

  it('still reads real strikethrough after a [~] box, and keeps what the marker opened as plain text', () => {
    expect(parseTaskFile('- [~] ~~Drop the cache~~\n').tasks[0]).toMatchObject({
      text: 'Drop the cache',
      skipped: true,
    });
    expect(parseTaskFile('- [~] wait for ~~the vendor~~ legal~\n').tasks[0]).toMatchObject({
      text: 'wait for the vendor legal~',
      skipped: false,
    });
  });
});

describe('struck through with a reason (issue 17, item 5)', () => {
  const skipped = (line: string): boolean => parseTaskFile(`${line}\n`).tasks[0]?.skipped ?? false;

  it.each([
    '- [-] 4.1 ~~move the helpers~~ → carried over to another change',
    '- [~] T144 [US5] ~~Create /memory command~~ REMOVED: superseded by T150',
    '- [ ] 4.1.4 ~~Move the handler tests.~~ Deferred: covered by the session tests',
    '- [x] ~~1.6 V2 frame threading~~ DEFERRED — needs a schema change',
    '- [ ] 3.1 ~~Write the migration~~ **廃止**',
    '- [ ] ~~Resend the DNS check~~ deferred to the ops backlog',
    '- [ ] ~~Add export~~ (moved to #212)',
    '- [ ] 2.2 ~~Struck after the ID~~',
  ])('skips %s', (line) => {
    expect(skipped(line)).toBe(true);
  });

  it.each([
    '- [ ] ~~Use Redis~~ Use the Postgres pool',
    '- [ ] Wire the store, ~~with a soft delete~~ (hard delete per review)',
    '- [ ] T148 [US5] Wire the store ~~soft delete~~ DEFERRED',
    '- [ ] partly ~~struck~~ is not skipped',
  ])('keeps %s required (reworded or partly struck)', (line) => {
    expect(skipped(line)).toBe(false);
  });
});

describe('skip and optional markers (issue 17, item 6)', () => {
  it('matches skip words in any case, as whole words, outside inline code', () => {
    const file = parseTaskFile(
      md([
        '- [ ] Post-merge: announce it',
        '- [ ] Load test (n/a for the beta)',
        '- [ ] Check src/admin/api.ts',
        '- [ ] Add a post-merged flag',
        '- [ ] N/A',
        '- [ ] Export `N/A` for empty cells',
      ]),
    );
    expect(file.tasks.map((t) => t.skipped)).toEqual([true, true, false, false, true, false]);
  });

  it('makes a task optional with a star after its ID, or (optional) at the start or end of its text', () => {
    const file = parseTaskFile(
      md([
        '- [ ] 13.1* Property tests for the parser',
        '- [ ] T020* Smoke test on staging',
        '- [ ] 13.2 (Optional) Benchmarks',
        '- [ ] 13.3 Document the flags _(optional)_',
        '- [ ] 13.4 Explain why (optional) flags exist',
        '- [ ]* 13.5 Fuzz the parser',
      ]),
    );
    expect(file.tasks.map((t) => [t.id, t.text, t.optional])).toEqual([
      ['13.1', 'Property tests for the parser', true],
      ['T020', 'Smoke test on staging', true],
      ['13.2', '(Optional) Benchmarks', true],
      ['13.3', 'Document the flags (optional)', true],
      ['13.4', 'Explain why (optional) flags exist', false],
      ['13.5', 'Fuzz the parser', true],
    ]);
  });

  it('keeps [~] and [-] not done by default, and skips the markers the configuration names as cancelled', () => {
    const source = md(['- [~] blocked on legal', '- [-] half done', '- [ ] open']);
    expect(countTasks(parseTaskFile(source).tasks)).toEqual({ tasks: 3, required: 3, complete: 0 });
    const cancelled = parseTaskFile(source, { cancelledMarkers: ['~'] });
    expect(cancelled.tasks.map((t) => t.skipped)).toEqual([true, false, false]);
    expect(countTasks(cancelled.tasks)).toEqual({ tasks: 3, required: 2, complete: 0 });
  });
});

describe('templates (issue 17, item 1)', () => {
  const template = md([
    '# Implementation Plan',
    '',
    '- [ ] {{NUMBER}}. {{TASK_DESCRIPTION}}{{PARALLEL_MARK}}',
    '  - _Requirements: {{REQUIREMENT_IDS}}_',
    '- [ ] {{MAJOR_NUMBER}}. {{MAJOR_TASK_SUMMARY}}',
    '- [ ] {{MAJOR_NUMBER}}.{{SUB_NUMBER}} {{SUB_TASK_DESCRIPTION}}',
  ]);

  it('reads placeholder tasks as skipped, and a file of nothing else as a template', () => {
    const file = parseTaskFile(template);
    expect(file.tasks.map((t) => [t.placeholder, t.skipped, t.required])).toEqual([
      [true, true, false],
      [true, true, false],
      [true, true, false],
    ]);
    expect(isTemplateTaskFile(file)).toBe(true);
    expect(isTemplateTaskFile(parseTaskFile('- [ ] [TASK] description\n'))).toBe(true);
    expect(isTemplateTaskFile(parseTaskFile(`${template}- [ ] 1. A real task\n`))).toBe(false);
    expect(isTemplateTaskFile(parseTaskFile('# No tasks\n'))).toBe(false);
  });

  it('takes no quoted or lower-case braces for a placeholder: tasks about templates are work', () => {
    const file = parseTaskFile(
      md([
        '- [ ] Replace `{{VERSION}}` in the release notes',
        '- [ ] Show {{ user.name }} in the invite email',
        '- [ ] Set [API_KEY] in the env',
        '- [ ] {{ NUMBER }}. {{TASK}}',
      ]),
    );
    expect(file.tasks.map((t) => t.placeholder === true)).toEqual([false, false, false, true]);
    expect(countTasks(file.tasks).required).toBe(3);
  });

  it('never takes the spec tools’ template and settings folders as task files by default', () => {
    const isTaskFile = taskFileMatcher();
    expect(
      [
        '.kiro/settings/templates/specs/tasks.md',
        'packages/app/.kiro/settings/templates/specs/tasks.md',
        '.specify/templates/tasks.md',
        'agent-os/profiles/default/specs/tasks.md',
        '.agent-os/instructions/core/tasks.md',
        'openspec/schemas/spec-driven/templates/tasks.md',
        '.spec-workflow/templates/tasks.md',
        '.spec-workflow/user-templates/tasks.md',
      ].filter(isTaskFile),
    ).toEqual([]);
    expect(
      [
        '.kiro/specs/order-export/tasks.md',
        '.agent-os/specs/2025-09-14-reset/tasks.md',
        'openspec/changes/add-2fa/tasks.md',
      ].every(isTaskFile),
    ).toBe(true);
  });
});

describe('locations and groups (issue 17, items 2 and 3)', () => {
  it('reads .agent-os/specs/*/tasks.md as Agent OS', () => {
    expect(dialectOfPath('.agent-os/specs/2025-09-14-reset/tasks.md')).toBe('agent-os');
    expect(dialectOfPath('/home/me/app/.agent-os/specs/2025-09-14-reset/tasks.md')).toBe('agent-os');
  });

  it('makes the numbered top-level Kiro tasks the groups under a ## Tasks heading, so Implements: Task Group N scopes', () => {
    const source = md([
      '# Implementation Plan',
      '',
      '## Tasks',
      '',
      '- [x] 1. Models',
      '- [x] 1.1 Tests',
      '- [ ] 2. API',
      '- [ ] 2.1 Endpoint',
      '- [ ] 15. Docs',
    ]);
    const file = parseTaskFile(source, { path: '.kiro/specs/x/tasks.md' });
    expect(file.groups.map((g) => [g.number, g.title, g.tasks.length])).toEqual([
      ['1', 'Models', 2],
      ['2', 'API', 2],
      ['15', 'Docs', 1],
    ]);
    const scoped = applyScope(file, ['15']);
    expect(countTasks(scoped.tasks)).toEqual({ tasks: 5, required: 1, complete: 0 });
  });

  it('keeps grouping Kiro files by headings when their top-level tasks have no numbers', () => {
    const file = parseTaskFile(md(['## Backend', '- [ ] Build it', '## Frontend', '- [ ] Show it']), {
      path: '.kiro/specs/x/tasks.md',
    });
    expect(file.groups.map((g) => g.title)).toEqual(['Backend', 'Frontend']);
  });
});

describe('lines as git counts them (issue 17, item 4)', () => {
  it('does not count a lone CR as a line end, in tasks, groups and diagnostics', () => {
    const file = parseTaskFile(
      '# Plan\r## Later\n- [ ] 1. one\r  more\n- [ ] 2. two\n- [ ] 2. three\n```\n- [ ] 4. code\n',
    );
    expect(file.tasks.map((t) => [t.id, t.line])).toEqual([
      ['1', 2],
      ['2', 3],
      ['2', 4],
    ]);
    expect(file.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['duplicate-id', 4],
      ['unclosed-fence', 5],
    ]);
  });
});

describe('BMAD stories (issue 17, item 7)', () => {
  const story = (status: string): string =>
    md([
      '# Story 1.1: Sign in',
      '',
      `Status: ${status}`,
      '',
      '## Tasks / Subtasks',
      '',
      '- [x] Task 1: Form (AC: 1)',
      '- [ ] Task 2: Session (AC: 2)',
      '',
      '## Dev Agent Record',
      '',
      '- [ ] Debug log reviewed',
      '',
      '## QA Results',
      '',
      '- [ ] Regression pass',
    ]);

  it('gates the Tasks / Subtasks section and shows the other checklists', () => {
    const file = parseTaskFile(story('InProgress'), { path: 'docs/stories/1.1.story.md' });
    expect(countTasks(file.tasks)).toEqual({ tasks: 4, required: 2, complete: 1 });
    expect(file.groups.map((g) => [g.title, g.context === true, g.contextReason])).toEqual([
      ['Tasks / Subtasks', false, undefined],
      ['Dev Agent Record', true, 'story-checklist'],
      ['QA Results', true, 'story-checklist'],
    ]);
    expect(file.diagnostics).toEqual([]);
  });

  it('says in the check summary which checklists are shown and not gated, and warns about the status there', () => {
    const path = 'docs/stories/1.1.story.md';
    const report = decideGate(
      [{ path, status: 'read', file: parseTaskFile(story('Done'), { path }) }],
      (p, line) => `${p}#L${line ?? ''}`,
    );
    expect(report.conclusion).toBe('failure');
    expect(report.summary).toContain("| Dev Agent Record _(shown, not gated: outside the story's Tasks / Subtasks)_ |");
    expect(report.summary).toContain("| QA Results _(shown, not gated: outside the story's Tasks / Subtasks)_ |");
    expect(report.annotations.map((a) => [a.line, a.level])).toEqual([
      [8, 'failure'],
      [3, 'warning'],
    ]);
    const reads = [{ path, status: 'read' as const, file: parseTaskFile(story('Done'), { path }) }];
    const comment = renderChecklist({ reads, report, link: (p: string) => p });
    expect(comment).toContain("Dev Agent Record _(shown, not gated: outside the story's Tasks / Subtasks)_");
  });

  it('gates every checklist when story_checklists is gated', () => {
    const file = parseTaskFile(story('InProgress'), { path: 'docs/stories/1.1.story.md', storyChecklists: 'gated' });
    expect(countTasks(file.tasks)).toEqual({ tasks: 4, required: 4, complete: 1 });
    expect(file.groups.some((g) => g.context === true)).toBe(false);
  });

  it('names a story whose Status is Done while tasks are open, on the Status line', () => {
    const file = parseTaskFile(story('Done'), { path: 'docs/stories/1.1.story.md' });
    expect(file.diagnostics).toEqual([
      {
        line: 3,
        severity: 'warning',
        code: 'story-done-with-open-tasks',
        message:
          'The story\'s status is "Done", but 1 required task is still open (line 8). Tick them if they are done, or set the status back.',
      },
    ]);
    const underHeading = story('Done').replace('Status: Done', '## Status\n\nDone');
    expect(
      parseTaskFile(underHeading, { path: 'docs/stories/1.1.story.md' }).diagnostics.map((d) => [d.code, d.line]),
    ).toEqual([['story-done-with-open-tasks', 5]]);
    expect(
      parseTaskFile(story('Done').replace('- [ ] Task 2', '- [x] Task 2'), { path: 'docs/stories/1.1.story.md' })
        .diagnostics,
    ).toEqual([]);
  });

  it('gates every box of a story without a Tasks / Subtasks section', () => {
    const file = parseTaskFile(md(['# Story', '', '## Checklist', '- [ ] one', '- [x] two']), {
      path: 'docs/stories/1.2.story.md',
    });
    expect(countTasks(file.tasks)).toEqual({ tasks: 2, required: 2, complete: 1 });
  });
});

describe('a box in a heading (issue 17, item 8)', () => {
  it('is no task, and a warning points at its line', () => {
    const file = parseTaskFile(
      md(['# 作業', '', '#### - [ ] タスク 1: ログイン画面', '### [x] Done already', '## [Docs] links', '- [ ] real']),
    );
    expect(file.tasks.map((t) => t.text)).toEqual(['real']);
    expect(file.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['box-in-heading', 3],
      ['box-in-heading', 4],
    ]);
    expect(file.diagnostics[0]?.message).toBe(
      'Line 3 is a heading that starts with a box ("- [ ] タスク 1: ログイン画面"): GitHub shows it as a heading, not as a task, so this work is not gated. Write it as a list item (- [ ] …) under a heading.',
    );
    expect(file.groups.map((g) => tasksOfGroup(file, g).length)).toEqual([1]);
  });
});
