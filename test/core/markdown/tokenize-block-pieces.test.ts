import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { tokenizeBlockPieces, tokenizeBlocks } from '../../../src/core/markdown/tokenize-blocks.js';
import { agentOsTasks } from '../../../bench/support/task-files.js';
import { expectEqual } from '../../support/expect-equal.js';

const wholeTokens = (text: string) => tokenizeBlocks(text).tokens;
const pieceTokens = (text: string, pieceBytes: number) => [...tokenizeBlockPieces(text, pieceBytes).pieces];

/** Lines whose blocks run on past a blank line, interrupt each other or end only at a later line. */
const LINES = [
  '# Heading',
  'Setext heading',
  '===',
  '---',
  '',
  '',
  '- [ ] task',
  '  - [x] subtask',
  '1. [ ] numbered',
  '2) other list',
  '* star',
  'paragraph text',
  '  lazy continuation',
  '    indented code',
  '```',
  '~~~',
  '> quote',
  '> - [ ] quoted task',
  '<details>',
  '</details>',
  '<!--',
  '-->',
  '<div>',
  '| a | b |',
  '|---|---|',
  '***',
];

const document = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 50 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, ending]) => lines.join(ending));

describe('tokenizeBlockPieces', () => {
  it('gives the block tokens of the whole text, piece after piece', () => {
    fc.assert(
      fc.property(document, fc.integer({ min: 1, max: 200 }), (text, pieceBytes) => {
        expectEqual(pieceTokens(text, pieceBytes).flat(), wholeTokens(text));
      }),
      { seed: 20_261_207, numRuns: 2_000 },
    );
  });

  it('cuts a task file between its top-level blocks', () => {
    const text = agentOsTasks(1_000);
    const pieces = pieceTokens(text, 16 * 1024);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece[0]?.level).toBe(0);
    expectEqual(pieces.flat(), wholeTokens(text));
  });

  it('keeps a text that may define link labels in one piece', () => {
    const text = `${agentOsTasks(100)}\n[label]: https://example.com\n`;
    expect(pieceTokens(text, 64)).toHaveLength(1);
  });

  it('gives no piece for an empty text', () => {
    expect(pieceTokens('', 64)).toEqual([]);
  });
});
