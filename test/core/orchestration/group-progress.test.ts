import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  completeGroups,
  findGroupByKey,
  groupKey,
  groupKeys,
  tickGroup,
} from '../../../src/core/orchestration/group-progress.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import type { TaskFile } from '../../../src/core/tasks/types.js';

const PATH = 'agent-os/specs/2026-03-02-team-invites/tasks.md';
const source = readFileSync('test/fixtures/orchestration/team-invites-tasks.md', 'utf8');
const tasks = parseTaskFile(source, { path: PATH });

function offsetsOf(file: TaskFile, ids: readonly string[]): number[] {
  return ids.map((id) => {
    const task = file.tasks.find((t) => t.id === id);
    if (task === undefined) throw new Error(`no task ${id}`);
    return task.markerOffset;
  });
}

/** The offsets at which two texts of the same length differ. */
function differences(a: string, b: string): number[] {
  expect(b).toHaveLength(a.length);
  const at: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) at.push(i);
  return at;
}

describe('groupKey', () => {
  it('is the group number of an Agent OS task group', () => {
    expect(tasks.groups.map((g) => groupKey(g, tasks))).toEqual(['1', '2', '3', '4']);
    expect(findGroupByKey(tasks, '3')?.title).toBe('Task Group 3: Invite UI');
    expect(findGroupByKey(tasks, '5')).toBeUndefined();
  });

  it('is the 1-based position of a group without a number, and never the key of another group', () => {
    const file = parseTaskFile(
      [
        '# Tasks',
        '',
        '- [ ] Loose task before any group',
        '',
        '## Task Group 1: Setup',
        '',
        '- [ ] 1.0 Set up',
        '',
        '## Task Group 1: Setup again',
        '',
        '- [ ] 1.0 Again',
        '',
      ].join('\n'),
      { path: PATH },
    );
    expect(file.groups.map((g) => [g.title, g.number])).toEqual([
      ['Tasks', undefined],
      ['Task Group 1: Setup', '1'],
      ['Task Group 1: Setup again', '1'],
    ]);
    // `1` is used twice, so neither group takes it: all three go by position.
    expect(groupKeys(file)).toEqual(['1', '2', '3']);
    const mixed = parseTaskFile(['- [ ] Loose', '', '## Task Group 1: Setup', '', '- [ ] 1.0 Set up', ''].join('\n'), {
      path: PATH,
    });
    expect(groupKeys(mixed)).toEqual(['g1', '1']);
  });
});

describe('completeGroups', () => {
  it('has the groups whose required tasks are all complete', () => {
    expect([...completeGroups(tasks)]).toEqual(['1']);
  });

  it('leaves out a group with no required task, however its boxes are ticked', () => {
    const file = parseTaskFile(
      [
        '## Task Group 1: Optional polish',
        '',
        '- [x]* 1.0 Polish',
        '',
        '## Task Group 2: Done',
        '',
        '- [x] 2.0 Done',
        '',
      ].join('\n'),
      { path: PATH },
    );
    expect([...completeGroups(file)]).toEqual(['2']);
  });

  it('counts a parent with all sub-tasks ticked as complete even with its own box open', () => {
    const file = parseTaskFile(
      ['## Task Group 1: Kiro style', '', '- [ ] 1.0 Parent', '  - [x] 1.1 A', '  - [x] 1.2 B', ''].join('\n'),
      { path: PATH },
    );
    expect([...completeGroups(file)]).toEqual(['1']);
  });
});

describe('tickGroup', () => {
  it("ticks that group's required open boxes, [-] included, and changes no other byte", () => {
    const { text, ticked } = tickGroup(source, tasks, '2');
    expect(ticked).toBe(4);
    // 2.1 was ticked already; 2.4 is optional and 2.5 struck through, so they stay as they are.
    const expected = offsetsOf(tasks, ['2.0', '2.2', '2.3', '2.6']);
    expect(differences(source, text)).toEqual(expected);
    for (const at of expected) expect(text[at]).toBe('x');
    expect(text).toContain('      - [ ] 9.9 this line is in a code fence, not a task\n');
    expect(text).toContain('  - [ ]* 2.4 Rate-limit resends (optional)\n  - [ ] 2.5 ~~Send a Slack notification~~\n');

    const after = parseTaskFile(text, { path: PATH });
    expect([...completeGroups(after)]).toEqual(['1', '2']);
    expect(tickGroup(text, after, '2')).toEqual({ text, ticked: 0 });
  });

  it('ticks nothing for a group that is done or a key tasks.md does not have', () => {
    expect(tickGroup(source, tasks, '1')).toEqual({ text: source, ticked: 0 });
    expect(tickGroup(source, tasks, '9')).toEqual({ text: source, ticked: 0 });
  });

  it('keeps Windows line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${source.replace(/\n/g, '\r\n')}`;
    const file = parseTaskFile(crlf, { path: PATH });
    const { text, ticked } = tickGroup(crlf, file, '3');
    expect(ticked).toBe(4);
    expect(differences(crlf, text)).toEqual(offsetsOf(file, ['3.0', '3.1', '3.2', '3.3']));
    expect(text.startsWith('\uFEFF# Task Breakdown: Team Invites\r\n')).toBe(true);
  });
});
