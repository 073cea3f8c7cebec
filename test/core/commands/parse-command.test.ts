import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../../src/core/commands/parse-command.js';

describe('parseCommand', () => {
  it('reads our commands from the first line, case-insensitively, with --force', () => {
    expect(parseCommand('/write-spec')).toEqual({ name: 'write-spec', force: false, args: [] });
    expect(parseCommand('  /Write-Spec --FORCE  \r\nplease')).toEqual({ name: 'write-spec', force: true, args: [] });
    expect(parseCommand('/shape-spec now')).toEqual({ name: 'shape-spec', force: false, args: ['now'] });
  });

  it('ignores other lines, other commands, quotes and prose', () => {
    expect(parseCommand('Thanks!\n/write-spec')).toBeUndefined();
    expect(parseCommand('/deploy production')).toBeUndefined();
    expect(parseCommand('> /write-spec')).toBeUndefined();
    expect(parseCommand('/write-specs')).toBeUndefined();
    expect(parseCommand('')).toBeUndefined();
    expect(parseCommand(null)).toBeUndefined();
  });
});
