import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseStrongCodeInline } from '../../../src/core/markdown/parse-strong-code-inline.js';
import { tokenizeBlocks, tokenizeInline, tokenizeInlineFully } from '../../../src/core/markdown/tokenize-blocks.js';

/** Every field of every token (children included), as markdown-it's inline pass leaves them. */
const fields = (tokens: readonly object[] | null): unknown =>
  tokens?.map((token) => {
    const { children, ...rest } = token as { children: object[] | null };
    return { ...rest, children: fields(children) };
  }) ?? null;

/** Pieces of task text around `**` and code spans: flanking on either side, every kind of neighbour. */
const PIECES = [
  '[ ] ',
  '[x] ',
  '[-] ',
  '[~] ',
  '[ ]* ',
  '**',
  '**',
  '**',
  '*',
  '***',
  '`',
  '`',
  '``',
  '```',
  ' ',
  ' ',
  '  ',
  'a',
  'Task 1.1',
  'step',
  'src/a_b.ts',
  '1.2',
  ':',
  '.',
  '(',
  ')',
  '-',
  '"',
  'é',
  '—',
  '“',
  '😀',
  '\u00a0',
  '\u2028',
  '\t',
  '\n',
  '_',
  '~',
  '~~',
  '[',
  ']',
  '<',
  '&',
  '\\',
  '!',
  '|',
  '>',
  '@',
  'www.',
  'https://x.io/',
];

/** Pieces task texts are mostly made of: words, spaces, `**` and code spans, with the punctuation around them. */
const COMMON = [
  '[ ] ',
  '[x] ',
  '**',
  '**',
  '**',
  '`src/a_b.ts`',
  '`x`',
  '`` a`b ``',
  '` `',
  '`',
  ' ',
  ' ',
  'Task',
  '1.1',
  'é',
  ':',
  '.',
  '(',
  ')',
  '*',
  '_',
];

/** A span of strong emphasis as task texts hold it, its edges and neighbours varied. */
const strong = fc
  .tuple(
    fc.constantFrom('', ' ', ' ', 'a ', ': ', '(', '"', 'a', '`x`', ':'),
    fc.constantFrom('Task 1.1', 'Dependencies:', 'a', ' a', 'a ', '`code`', 'é', '.', 'src/a_b.ts', '😀'),
    fc.constantFrom('', ' ', ' ', ' a', ' `x`', ')', '.', ':', 'a', '`x`', '—'),
  )
  .map(([before, inside, after]) => `${before}**${inside}**${after}`);

/** A content of common pieces, of spans of strong emphasis among them, or of any pieces. */
const content = fc
  .oneof(
    { arbitrary: fc.array(fc.constantFrom(...COMMON), { maxLength: 14 }), weight: 1 },
    { arbitrary: fc.array(fc.oneof(strong, fc.constantFrom(...COMMON)), { maxLength: 6 }), weight: 2 },
    { arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), weight: 1 },
  )
  .map((pieces) => pieces.join('').trim());

describe('a content whose only syntax is ** and code spans reads as markdown-it reads it', () => {
  it('gives the inline pass its tokens, field for field, or leaves the content to it', () => {
    const withDefinition = tokenizeBlocks('[x]: https://example.com\n').env;
    fc.assert(
      fc.property(content, (content) => {
        for (const env of [{}, withDefinition]) {
          const fast = parseStrongCodeInline(content, env !== withDefinition);
          if (fast !== undefined) expect(fields(fast)).toEqual(fields(tokenizeInlineFully(content, env)));
          expect(fields(tokenizeInline(content, env))).toEqual(fields(tokenizeInlineFully(content, env)));
        }
      }),
      { seed: 20_261_207, numRuns: 8_000 },
    );
  });

  it('reads task texts as create-tasks and spec tools write them, and leaves anything else to the inline pass', () => {
    const read = (content: string) => parseStrongCodeInline(content, true) !== undefined;
    expect(read('[x] 1.1 Do **step** 1 of layer 1 in `src/layer1/step1.ts`')).toBe(true);
    expect(read('[ ] **Task 1.1** Write tests for `parse_task_id` (`a*b`, `` `x` ``)')).toBe(true);
    expect(read('**Dependencies:** Task Group 1')).toBe(true);
    expect(read('[ ]* 3. Optional **polish**')).toBe(true);
    expect(read('**a** `x` **b**')).toBe(true);
    expect(read('[ ] *emphasis*')).toBe(false);
    expect(read('[ ] **nested **strong****')).toBe(false);
    expect(read('[ ] a**b**c')).toBe(false);
    expect(read('[ ] **never closed')).toBe(false);
    expect(read('[ ] `unclosed code')).toBe(false);
    expect(read('[ ] **a** ~~struck~~')).toBe(false);
    expect(read('[ ] **a** [link](x)')).toBe(false);
    expect(parseStrongCodeInline('[x] **a**', false)).toBeUndefined();
  });
});
