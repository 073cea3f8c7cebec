import { describe, expect, it } from '@jest/globals';
import { findTaskItemsInTree } from '../../../src/core/markdown/find-task-items.js';
import { parseTaskFile, parseTaskFileReadBy } from '../../../src/core/tasks/parse-task-file.js';
import { countTasks, listIncompleteTasks } from '../../../src/core/tasks/summarize-tasks.js';

const md = (lines: string[]): string => lines.join('\n') + '\n';

describe('parseTaskFile: what is a task', () => {
  it('reads every box marker and where each task is', () => {
    const file = parseTaskFile(
      md(['# Tasks', '', '- [ ] open', '- [x] done', '- [X] done upper', '- [-] going', '- [~] stuck']),
    );
    expect(file.tasks.map((t) => [t.line, t.marker, t.boxState, t.text])).toEqual([
      [3, ' ', 'open', 'open'],
      [4, 'x', 'done', 'done'],
      [5, 'X', 'done', 'done upper'],
      [6, '-', 'in-progress', 'going'],
      [7, '~', 'blocked', 'stuck'],
    ]);
    expect(countTasks(file.tasks)).toEqual({ tasks: 5, required: 5, complete: 2 });
    expect(listIncompleteTasks(file).map((t) => t.state)).toEqual(['open', 'in-progress', 'blocked']);
  });

  it('accepts *, + and ordered bullets', () => {
    const file = parseTaskFile(md(['* [x] star', '+ [ ] plus', '1. [ ] ordered', '2) [x] paren']));
    expect(file.tasks.map((t) => t.text)).toEqual(['star', 'plus', 'ordered', 'paren']);
  });

  it('ignores decoys: fences, tildes, HTML comments, indented code, escapes, mid-text boxes and tables', () => {
    const file = parseTaskFile(
      md([
        '- [ ] real one',
        '```md',
        '- [ ] in a fence',
        '```',
        '~~~',
        '- [ ] in a tilde fence',
        '~~~',
        '<!--',
        '- [ ] in a comment',
        '-->',
        '',
        '    - [ ] indented code',
        '',
        '- \\[ ] escaped',
        '- \\[-] escaped extended',
        '- see [ ] later',
        '- plain item',
        '',
        '| a | b |',
        '|---|---|',
        '| [ ] | x |',
        '',
        '- [x] real two',
      ]),
    );
    expect(file.tasks.map((t) => t.text)).toEqual(['real one', 'real two']);
    expect(file.diagnostics).toEqual([]);
  });

  it('reads an extended box before a literal autolink, through the tokens and the syntax tree alike', () => {
    // GFM links `www.example.com` and `https://x.org` after parsing; the box before them still makes a task.
    const source = md([
      '# Tasks',
      '',
      '- [-] ?www.example.com',
      '- [-] [ https://x.org',
      '- [~] (see www.example.com) x',
    ]);
    const file = parseTaskFile(source);
    expect(file.tasks.map((t) => [t.line, t.marker, t.boxState, t.text, t.complete])).toEqual([
      [3, '-', 'in-progress', '?www.example.com', false],
      [4, '-', 'in-progress', '[ https://x.org', false],
      [5, '~', 'blocked', '(see www.example.com) x', false],
    ]);
    expect(file.tasks.map((t) => source[t.markerOffset])).toEqual(['-', '-', '~']);
    expect(parseTaskFileReadBy(findTaskItemsInTree, source)).toEqual(file);
  });

  it('reads the lines after a link definition as CommonMark does: a Task Group heading under === keeps its tasks', () => {
    // The definition and the indented line after it are one paragraph, which `===` makes a heading (GitHub renders
    // "Task Group 1: Data" as a heading); markdown-it alone would end the definition at its line.
    const source = md([
      '[spec]: ./spec.md',
      '    Task Group 1: Data',
      '===',
      '- [ ] 1.0 a',
      '',
      '[ref]: /u',
      'Title',
      '---',
    ]);
    const file = parseTaskFile(source);
    expect(file.tasks.map((t) => [t.line, t.text, file.groups[t.group]?.title])).toEqual([
      [4, 'a', 'Task Group 1: Data'],
    ]);
    expect(file.groups.map((g) => [g.title, g.number])).toEqual([['Task Group 1: Data', '1']]);
    expect(parseTaskFileReadBy(findTaskItemsInTree, source)).toEqual(file);
  });

  it('counts a box in a block quote, as GitHub renders it', () => {
    expect(parseTaskFile('> - [ ] quoted\n').tasks.map((t) => t.text)).toEqual(['quoted']);
  });

  it('reads the ID of every dialect and keeps the rest as text', () => {
    const file = parseTaskFile(
      md([
        '- [ ] T004 [P] [US1] Create model in src/models/user.py',
        '- [ ] 1.0 Complete database layer',
        '- [ ] 1. Set up project',
        '- [ ] **2.3** Write tests',
        '- [ ] Task 1 (AC: #1)',
        '- [ ] 2 factor auth',
      ]),
    );
    expect(file.tasks.map((t) => [t.id, t.text])).toEqual([
      ['T004', '[P] [US1] Create model in src/models/user.py'],
      ['1.0', 'Complete database layer'],
      ['1', 'Set up project'],
      ['2.3', 'Write tests'],
      ['1', 'Task 1 (AC: #1)'],
      [undefined, '2 factor auth'],
    ]);
  });
});

describe('parseTaskFile: required and complete', () => {
  it('makes a task optional with [ ]* and takes its subtree out of the required set', () => {
    const file = parseTaskFile(
      md(['- [ ]* 1. Optional parent', '  - [ ] 1.1 child', '- [x]* 2. done optional', '- [ ] 3. required']),
    );
    expect(file.tasks.map((t) => [t.optional, t.required])).toEqual([
      [true, false],
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect(countTasks(file.tasks)).toEqual({ tasks: 4, required: 1, complete: 0 });
  });

  it('skips struck-through, N/A and POST-MERGE tasks, with their subtrees', () => {
    const file = parseTaskFile(
      md([
        '- [ ] ~~Migrate legacy data~~',
        '- [ ] 2.2 ~~Struck after the ID~~',
        '- [ ] Load test N/A for the beta',
        '- [ ] POST-MERGE: announce',
        '  - [ ] child of skipped',
        '- [ ] partly ~~struck~~ is not skipped',
      ]),
    );
    expect(file.tasks.map((t) => t.skipped)).toEqual([true, true, true, true, false, false]);
    expect(file.tasks.map((t) => t.required)).toEqual([false, false, false, false, false, true]);
  });

  it('honours custom skip markers', () => {
    const file = parseTaskFile('- [ ] WONTFIX legacy\n- [ ] N/A here\n', { skipMarkers: ['WONTFIX'] });
    expect(file.tasks.map((t) => t.skipped)).toEqual([true, false]);
  });

  it('judges a parent with required children by its children, whatever its own box says', () => {
    const file = parseTaskFile(
      md([
        '- [x] 1.0 ticked parent',
        '  - [x] 1.1 done',
        '  - [ ] 1.2 open',
        '- [ ] 2.0 unticked parent',
        '  - [x] 2.1 done',
        '  - [ ]* 2.2 optional',
      ]),
    );
    expect(file.tasks.map((t) => t.complete)).toEqual([false, true, false, true, true, false]);
    expect(listIncompleteTasks(file).map((t) => [t.id, t.state])).toEqual([
      ['1.0', 'open'],
      ['1.2', 'open'],
    ]);
  });

  it('judges a parent whose children are all optional or skipped by its own box', () => {
    const file = parseTaskFile(md(['- [ ] 1.0 parent', '  - [ ]* 1.1 optional', '  - [x] 1.2 ~~gone~~']));
    expect(file.tasks[0]?.complete).toBe(false);
  });

  it('builds the hierarchy from IDs where sub-tasks are listed flat (Kiro)', () => {
    const file = parseTaskFile(
      md(['- [ ] 1. Parent', '- [x] 1.1 Child', '- [x] 1.1.1 Grandchild', '- [x] 1.2 Child two', '- [ ] 2. Next']),
    );
    expect(file.tasks.map((t) => t.parent)).toEqual([undefined, 0, 1, 0, undefined]);
    expect(file.tasks[0]?.complete).toBe(true);
    expect(file.tasks[0]?.children).toEqual([1, 3]);
  });
});

describe('parseTaskFile: groups', () => {
  it('groups Agent OS tasks by Task Group headings, with their dependencies', () => {
    const file = parseTaskFile(
      md([
        '# Task Breakdown: Invites',
        '## Task List',
        '### Database Layer',
        '#### Task Group 1: Data Models',
        '**Dependencies:** None',
        '',
        '- [x] 1.0 Complete database layer',
        '  - [x] 1.1 Write tests',
        '',
        '**Acceptance Criteria:**',
        '- Tests pass',
        '### API Layer',
        '#### Task Group 2: Endpoints',
        '**Dependencies:** Task Group 1',
        '',
        '- [ ] 2.0 Complete API',
      ]),
    );
    expect(file.dialect).toBe('agent-os');
    expect(file.groups.map((g) => [g.title, g.number, g.dependencies, g.tasks])).toEqual([
      ['Task Group 1: Data Models', '1', 'None', [0, 1]],
      ['Task Group 2: Endpoints', '2', 'Task Group 1', [2]],
    ]);
  });

  it('folds Spec Kit sub-sections into their phase', () => {
    const file = parseTaskFile(
      md([
        '# Tasks',
        '## Phase 1: Setup',
        '- [X] T001 Init',
        '## Phase 3: User Story 1',
        '### Tests for User Story 1',
        '- [ ] T010 [P] [US1] Contract test',
        '### Implementation',
        '- [ ] T012 [US1] Model',
      ]),
    );
    expect(file.dialect).toBe('spec-kit');
    expect(file.groups.map((g) => [g.title, g.number, g.tasks.length])).toEqual([
      ['Phase 1: Setup', '1', 1],
      ['Phase 3: User Story 1', '3', 2],
    ]);
  });

  it('makes each top-level Kiro task a group', () => {
    const file = parseTaskFile(
      md(['# Implementation Plan', '- [ ] 1. Set up', '- [ ] 1.1 Sub', '- [ ] 2. Build', '  - [ ] 2.1 Nested']),
      {
        path: '.kiro/specs/auth/tasks.md',
      },
    );
    expect(file.dialect).toBe('kiro');
    expect(file.groups.map((g) => [g.title, g.number, g.tasks])).toEqual([
      ['Set up', '1', [0, 1]],
      ['Build', '2', [2, 3]],
    ]);
  });

  it('puts a plain checklist with no sections in one group named by its title', () => {
    const file = parseTaskFile(md(['# Launch', '- [ ] a', '- [x] b']));
    expect(file.groups).toEqual([{ index: 0, title: 'Launch', line: 1, tasks: [0, 1] }]);
  });
});

describe('parseTaskFile: robustness', () => {
  it('reads a CRLF file exactly like its LF twin', () => {
    const lf = md(['# T', '', '- [ ] 1. a', '- [x] 1.1 b', '  - [-] 1.1.1 c', '- [ ] ~~d~~']);
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (f: ReturnType<typeof parseTaskFile>) => f.tasks.map((t) => ({ ...t, markerOffset: 0 }));
    expect(strip(parseTaskFile(crlf))).toEqual(strip(parseTaskFile(lf)));
    expect(parseTaskFile(crlf).groups).toEqual(parseTaskFile(lf).groups);
  });

  it('reports an unclosed fence and the duplicate IDs as diagnostics, never throwing', () => {
    const file = parseTaskFile(md(['- [ ] 1.1 a', '- [ ] 1.1 again', '```', '- [ ] 2.1 swallowed']));
    expect(file.tasks).toHaveLength(2);
    expect(file.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [2, 'duplicate-id'],
      [3, 'unclosed-fence'],
    ]);
  });

  it('reads an empty file as no tasks', () => {
    const file = parseTaskFile('');
    expect(file.tasks).toEqual([]);
    expect(file.groups).toEqual([]);
    expect(file.diagnostics.map((d) => d.code)).toEqual(['no-tasks']);
  });

  it('reads a file that starts with a byte-order mark, keeping offsets for the surgical edit', () => {
    const file = parseTaskFile('\uFEFF- [ ] 1. first\n- [x] 2. second\n');
    expect(file.tasks.map((t) => [t.line, t.id, t.marker])).toEqual([
      [1, '1', ' '],
      [2, '2', 'x'],
    ]);
    expect('\uFEFF- [ ] 1. first'[file.tasks[0]?.markerOffset ?? 0]).toBe(' ');
  });

  it('treats a box with no text after it the same for every marker: not a task', () => {
    expect(parseTaskFile('- [ ]\n- [x]\n- [-]\n- [~] \n- [ ]*\n- [-] real\n').tasks.map((t) => t.text)).toEqual([
      'real',
    ]);
  });

  it('warns about an unclosed fence only when it swallows the rest of the file', () => {
    const inList = parseTaskFile('- [ ] a\n  ```\n  code\n- [ ] b\n');
    expect(inList.tasks.map((t) => t.text)).toEqual(['a', 'b']);
    expect(inList.diagnostics).toEqual([]);
  });

  it('sees a fence closed on the last line of a file with old Mac line endings (a lone \\r)', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const file = parseTaskFile(['- [ ] a', '````', 'code', '````'].join(ending));
      expect(file.diagnostics).toEqual([]);
      expect(parseTaskFileReadBy(findTaskItemsInTree, ['- [ ] a', '````', 'code', '````'].join(ending))).toEqual(file);
    }
  });

  it('survives odd input', () => {
    for (const input of [
      '- [',
      '- []',
      '- [ ]',
      '- [x]*',
      '[ ] not a list',
      '- [ ]\n  - [ ]',
      '\u0000- [ ] x',
      '- [ ] '.repeat(1000),
    ]) {
      expect(() => parseTaskFile(input)).not.toThrow();
    }
  });
});
