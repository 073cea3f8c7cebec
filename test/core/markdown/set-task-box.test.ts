import { describe, expect, it } from '@jest/globals';
import { setTaskBox } from '../../../src/core/markdown/set-task-box.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';

function diffPositions(a: string, b: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) if (a[i] !== b[i]) positions.push(i);
  return positions;
}

describe('setTaskBox', () => {
  const source = '# T\r\n\r\n- [ ] 1.0 Parent  \r\n  - [-] 1.1 Child with ~~strike~~\r\n\t- [X] 1.2 Upper\r\n';

  it('ticks a box by changing exactly one character', () => {
    const task = parseTaskFile(source).tasks[0];
    const result = setTaskBox(source, task?.markerOffset ?? -1, true);
    expect(result).toMatchObject({ ok: true, changed: true });
    if (!result.ok) return;
    expect(diffPositions(source, result.text)).toEqual([task?.markerOffset]);
    expect(result.text.length).toBe(source.length);
    expect(parseTaskFile(result.text).tasks[0]?.marker).toBe('x');
  });

  it('ticks an extended marker and unticks an uppercase X', () => {
    const [, child, upper] = parseTaskFile(source).tasks;
    const ticked = setTaskBox(source, child?.markerOffset ?? -1, true);
    const unticked = setTaskBox(source, upper?.markerOffset ?? -1, false);
    expect(ticked.ok && diffPositions(source, ticked.text)).toEqual([child?.markerOffset]);
    expect(unticked.ok && parseTaskFile(unticked.text).tasks[2]?.marker).toBe(' ');
  });

  it('changes nothing when the box already says so', () => {
    const upper = parseTaskFile(source).tasks[2];
    expect(setTaskBox(source, upper?.markerOffset ?? -1, true)).toEqual({ ok: true, changed: false, text: source });
  });

  it('refuses an offset that is not a box', () => {
    expect(setTaskBox(source, 0, true)).toEqual({ ok: false, reason: 'no task box at offset 0' });
  });
});
