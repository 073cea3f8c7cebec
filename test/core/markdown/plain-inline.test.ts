import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { INLINE_SYNTAX_START, plainTextFrom } from '../../../src/core/markdown/plain-inline.js';
import { tokenizeBlocks, tokenizeInline, tokenizeInlineFully } from '../../../src/core/markdown/tokenize-blocks.js';

/** What a reader of inline tokens sees: type, content, nesting and children, per token. */
const seen = (tokens: ReturnType<typeof tokenizeInline>): unknown =>
  tokens.map((t) => ({
    type: t.type,
    content: t.content,
    nesting: t.nesting,
    children: t.children ? seen(t.children) : null,
  }));

const PUNCTUATION = '!#$%&*+-:<=>@[\\]^_`{}~"\'(),./;?|';

/** Pieces of task text: plain words, a box, every character markdown-it's inline rules act on, and a few beyond. */
const PIECES = [
  '[ ]',
  '[x]',
  '[X]',
  '[-]',
  '[~]',
  '[*]',
  '[!]',
  '[?]',
  '[>]',
  '[é]',
  '[',
  ']',
  '(',
  ')',
  '(url)',
  ' ',
  'a',
  'Task',
  '1.2',
  'é',
  '😀',
  '\n',
  '  \n',
  '\t',
  '\u00a0',
  'www.',
  'https://',
  'a@b.co',
  '&amp;',
  '2-8',
  'Group 1:',
  ...Array.from({ length: PUNCTUATION.length }, (_, i) => PUNCTUATION.charAt(i)),
];

describe('inline content without syntax is one text token, as markdown-it reads it', () => {
  it('the shortcut gives what the inline pass gives, with and without link definitions', () => {
    const withDefinition = tokenizeBlocks('[x]: https://example.com\n[ ]: https://example.com\n').env;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const content = pieces.join('').trim();
        for (const env of [{}, withDefinition]) {
          expect(seen(tokenizeInline(content, env))).toEqual(seen(tokenizeInlineFully(content, env)));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('takes the shortcut for plain task text and a plain box, and not for syntax', () => {
    expect(plainTextFrom('[ ] 1.2 Write the invite model', true)).toBe(true);
    expect(plainTextFrom('Plain heading text', true)).toBe(true);
    expect(plainTextFrom('[ ] 1.2 Write the invite model', false)).toBe(false);
    expect(plainTextFrom('[x](https://example.com) a link', true)).toBe(false);
    expect(plainTextFrom('[~] blocked', true)).toBe(false);
    expect(plainTextFrom('[ ] Do **this**', true)).toBe(false);
    expect(plainTextFrom('Task Group 1: Data models', true)).toBe(true);
    expect(plainTextFrom('[ ] 1.1 Write 2-8 focused tests #42 (50 % + x = y) {a} ^b $c @d', true)).toBe(true);
    for (const char of INLINE_SYNTAX_START) expect(plainTextFrom(`[ ] a ${char} b`, true)).toBe(false);
  });
});
