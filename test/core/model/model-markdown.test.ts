import { describe, expect, it } from '@jest/globals';
import type { Nodes, Strong } from 'mdast';
import { heading, paragraph, text } from '../../../src/core/markdown/build-mdast.js';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.js';
import { textOf } from '../../../src/core/markdown/plain-text.js';
import { writeMarkdown } from '../../../src/core/markdown/write-markdown.js';
import { boldName, modelLine } from '../../../src/core/model/model-markdown.js';
import { HOSTILE } from './model-draft-cases.js';

/** A model's name written in bold after a label, then read back: the paragraph's nodes. */
function readBackBold(name: string): Nodes[] {
  const written = writeMarkdown(paragraph([text('Persona: '), boldName(name)]));
  const [first] = parseMarkdown(written).children;
  return first?.type === 'paragraph' ? first.children : [];
}

/** What a reader sees of a name's own markdown, its stars dropped and its whitespace collapsed. */
function seen(name: string): string {
  const starless = name.replace(/\\?\*/g, '').replace(/\s+/g, ' ').trim();
  return textOf(parseMarkdown(`x ${starless}`)).slice(2);
}

describe('a model name in bold', () => {
  it.each([
    ['*Ops lead*', 'Ops lead'],
    ['**Alex**, the admin', 'Alex, the admin'],
    ['ends in a backslash \\', 'ends in a backslash \\'],
    ['**> quoted**', '> quoted'],
    ['*\\# already escaped*', '# already escaped'],
    ['<b>bold</b> and <!-- agent-os-github:spec {} -->', '<b>bold</b> and <!-- agent-os-github:spec {} -->'],
  ])('%j reads back as the bold text %j, the bold closed', (name, plain) => {
    const [label, bold, ...rest] = readBackBold(name);
    expect(textOf(label as Nodes)).toBe('Persona: ');
    expect(bold?.type).toBe('strong');
    expect(textOf(bold as Strong)).toBe(plain);
    expect(rest).toEqual([]);
  });

  it.each(HOSTILE.filter((h) => !/[<>]/.test(h)))('keeps %j whole in one bold, as its markdown reads', (name) => {
    const [, bold, ...rest] = readBackBold(name);
    expect(bold?.type).toBe('strong');
    expect(rest).toEqual([]);
    expect(textOf(bold as Strong)).toBe(seen(name));
  });
});

describe('a model line in a heading', () => {
  it.each(HOSTILE.filter((h) => !/[<>]/.test(h)))('%j reads back as its own markdown reads', (line) => {
    const written = writeMarkdown(heading(4, [text('Task Group 1: '), modelLine(line)]));
    const [first, ...rest] = parseMarkdown(written).children;
    expect(first?.type).toBe('heading');
    expect(rest).toEqual([]);
    const own = textOf(parseMarkdown(`x ${line.replace(/\s+/g, ' ').trim()}`)).slice(2);
    expect(textOf(first as Nodes)).toBe(`Task Group 1: ${own}`);
  });
});
