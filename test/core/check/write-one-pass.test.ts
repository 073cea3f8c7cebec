import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { PhrasingContent, RootContent } from 'mdast';
import { literal, pieces, writeOnePass } from '../../../src/core/check/write-one-pass.js';
import {
  bulletList,
  code,
  emphasis,
  heading,
  link,
  paragraph,
  raw,
  root,
  strong,
  text,
} from '../../../src/core/markdown/build-mdast.js';
import { escapeMarkdown } from '../../../src/core/markdown/escape-markdown.js';
import { MARKDOWN_WRITER, writeInline, writeMarkdown } from '../../../src/core/markdown/write-markdown.js';

/** The document with each literal escaped on its own (the way the summary and checklist were written before). */
function escapedApart(values: readonly string[]): RootContent[] {
  return values.map((value) => paragraph([text('a '), raw(escapeMarkdown(value)), text(' b')]));
}

function escapedInOnePass(values: readonly string[]): RootContent[] {
  return values.map((value) => paragraph([text('a '), literal(value), text(' b')]));
}

/** Every ASCII character and a few others, alone, doubled, at the edges and between words. */
const SHAPES = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '\n', '…', '✅'].flatMap(
  (c) => [c, `${c}${c}`, `${c}a`, `a${c}`, `a${c}b`, `1${c} x`, ` ${c} `, `${c}&copy;`, `a_${c}_b`],
);

describe('writeOnePass', () => {
  it('writes a literal as escapeMarkdown escapes it, for every character in every position', () => {
    for (const value of SHAPES) {
      const written = writeOnePass(root([paragraph([text('a '), literal(value)])]), MARKDOWN_WRITER);
      expect(written).toBe(writeMarkdown(root([paragraph([text('a '), raw(escapeMarkdown(value))])])));
    }
  });

  it('writes a document of literals byte for byte as escaping each apart did', () => {
    const alphabet = fc.constantFrom(...'ab1. -+*_`[]<>|~#\\&!():/@=\t\n'.split(''), '&copy;', 'www.', 'http://');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join('')),
          { maxLength: 6 },
        ),
        (values) => {
          expect(writeOnePass(root(escapedInOnePass(values)), MARKDOWN_WRITER)).toBe(
            writeMarkdown(root(escapedApart(values))),
          );
        },
      ),
      { seed: 18, numRuns: 400 },
    );
  });

  // The writer is handed, for each text, only the unsafe patterns whose character is there: the same bytes.
  it('writes text nodes as the writer does, for every character in every position and around other nodes', () => {
    const around = (value: string): RootContent[] => [
      paragraph([text(value)]),
      paragraph([text('a '), text(value), code('x'), text(value)]),
      heading(2, [text(value), emphasis([text(value)])]),
      paragraph([strong([text(value)]), link('https://example.com', [text(value)]), text(value)]),
      bulletList([[text(value)], [emphasis([text(value)]), text(` ${value}`)]]),
      { type: 'list', children: [{ type: 'listItem', checked: false, children: [paragraph([text(value)])] }] },
    ];
    for (const value of SHAPES) {
      expect(writeOnePass(root(around(value)), MARKDOWN_WRITER)).toBe(writeMarkdown(root(around(value))));
    }
    const alphabet = fc.constantFrom(...'ab1. -+*_`[]<>|~#\\&!():/@=\t\n'.split(''), '&copy;', 'www.', 'http://');
    const value = fc.array(alphabet, { maxLength: 10 }).map((parts) => parts.join(''));
    const inline = fc.oneof(
      value.map(text),
      value.map((v) => emphasis([text(v)])),
      value.map((v) => strong([text(v)])),
      value.map((v) => code(v || 'x')),
    );
    fc.assert(
      fc.property(fc.array(fc.array(inline, { minLength: 1, maxLength: 5 }), { maxLength: 4 }), (runs) => {
        const tree = root([...runs.map((run) => paragraph(run)), bulletList(runs)]);
        expect(writeOnePass(tree, MARKDOWN_WRITER)).toBe(writeMarkdown(tree));
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('writes pieces with each inline run as writeInline writes it alone, inside lists and bold too', () => {
    const cells: PhrasingContent[][] = [
      [raw(escapeMarkdown('1. Setup *now*')), text(' '), emphasis([text('(context)')])],
      [code('███░░░░░░░'), text(' 30%')],
      [text('3/5 ✅')],
      [text('- item')],
    ];
    const table = pieces([
      '| A |',
      ' ',
      [literal('1. Setup *now*'), text(' '), emphasis([text('(context)')])],
      ' |',
      ...cells.slice(1).flatMap((cell) => [' ', cell, ' |']),
    ]);
    const expected = `| A |${cells.map((cell) => ` ${writeInline(cell)} |`).join('')}`;
    expect(writeOnePass(root([table]), MARKDOWN_WRITER)).toBe(`${expected}\n`);
    const inList = bulletList([[strong([literal('+ a_b <x>')]), text(' '), literal('~done~')]]);
    expect(writeOnePass(root([inList]), MARKDOWN_WRITER)).toBe(
      writeMarkdown(
        root([bulletList([[strong([raw(escapeMarkdown('+ a_b <x>'))]), text(' '), raw(escapeMarkdown('~done~'))]])]),
      ),
    );
  });
});
