import { describe, expect, it } from '@jest/globals';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { text } from '../../../src/core/markdown/build-mdast.js';
import { escapeLineStart, escapeMarkdown, LITERAL_WRITER } from '../../../src/core/markdown/escape-markdown.js';
import { writeInline } from '../../../src/core/markdown/write-markdown.js';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.js';

/**
 * Text people wrote (titles, task texts, check names) comes back unchanged when what we wrote is read again. The
 * string escaper this replaced failed the first group: `&copy;` came back as ©, `- 2. …` and `+ …` became lists.
 */
const TRICKY = [
  '&copy; 2026 and &amp;',
  'AT&T and Q&A',
  '- 2. Step two',
  '2. Step two',
  '1) First',
  '+ plus',
  '=== not a heading',
  '# not a heading',
  'a * b * c and **not bold**',
  'snake_case_name and _not emphasis_',
  'Create the <Invite> model',
  '[not a link](x) and ![not an image](y)',
  'a | b',
  'C# and F#',
  'tilde ~~not struck~~',
  'back`tick',
  'x > y',
  'a\\b and \\*',
];

/** What a reader sees of one paragraph, table cell, list item, … (the tree's text, not its markup). */
function textOf(markdown: string, pick: (tree: Nodes) => Nodes | undefined): string | undefined {
  const node = pick(parseMarkdown(markdown));
  return node === undefined ? undefined : toString(node);
}

const child = (node: Nodes | undefined, ...path: number[]): Nodes | undefined =>
  path.reduce<Nodes | undefined>((n, i) => (n !== undefined && 'children' in n ? n.children[i] : undefined), node);

describe('escapeMarkdown', () => {
  it.each(TRICKY)('keeps %j literal inside a line, in bold and in a table cell', (value) => {
    expect(textOf(`Spec for #12: ${escapeMarkdown(value)}`, (t) => child(t, 0))).toBe(`Spec for #12: ${value}`);
    expect(textOf(`Roadmap: **${escapeMarkdown(value)}**`, (t) => child(t, 0, 1))).toBe(value);
    expect(
      textOf(`| Group | Done |\n| --- | --- |\n| ${escapeMarkdown(value)} | 1/2 |`, (t) => child(t, 0, 1, 0)),
    ).toBe(value);
    expect(textOf(`- [ ] ${escapeMarkdown(value)}`, (t) => child(t, 0, 0, 0))).toBe(value);
  });

  it('keeps the whitespace around the text and what the old escaper already wrote right', () => {
    expect(escapeMarkdown('  Create the <Invite> model ')).toBe('  Create the \\<Invite\\> model ');
    expect(escapeMarkdown('C# | x')).toBe('C\\# \\| x');
    expect(escapeMarkdown('')).toBe('');
  });
});

describe('escapeLineStart', () => {
  it.each(TRICKY)('keeps %j literal at the start of a line and of a list item', (value) => {
    expect(textOf(escapeLineStart(value), (t) => child(t, 0))).toBe(value);
    expect(textOf(`- ${escapeLineStart(value)}`, (t) => child(t, 0, 0, 0))).toBe(value);
  });

  it('escapes only what would start a block', () => {
    expect(escapeLineStart('- 2. Step two')).toBe('\\- 2. Step two');
    expect(escapeLineStart('2. Step two')).toBe('2\\. Step two');
    expect(escapeMarkdown('2. Step two')).toBe('2. Step two');
  });
});

describe('the shortcut for text the writer leaves alone', () => {
  // Every printable ASCII character, white space and a few beyond ASCII, alone and in the places a pattern looks at.
  const characters = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '\n', '\r'];
  const samples = [...characters, 'é', '“', '\u00a0', '日'].flatMap((c) => [
    c,
    `a${c}b`,
    `${c} x`,
    `x ${c}`,
    `1${c} x`,
    `w${c}w`,
    `${c}${c}${c}`,
  ]);
  /** What the writer itself writes, with no shortcut: the run after text that puts it mid-line, or alone. */
  const written = (value: string, atLineStart: boolean): string => {
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
    if (core === '') return value;
    const run = atLineStart
      ? writeInline([text(core)], LITERAL_WRITER)
      : writeInline([text('x '), text(core)], LITERAL_WRITER).slice(2);
    return `${lead}${run}${trail}`;
  };

  it('writes every sample as the writer does, mid-line and at the start of a line', () => {
    const differ = samples.filter(
      (s) => escapeMarkdown(s) !== written(s, false) || escapeLineStart(s) !== written(s, true),
    );
    expect(differ).toEqual([]);
  });

  it('returns words and spaces as they are', () => {
    expect(escapeMarkdown('requirement line with some words in it')).toBe('requirement line with some words in it');
    expect(escapeLineStart('2024 roadmap, phase one')).toBe('2024 roadmap, phase one');
  });
});
