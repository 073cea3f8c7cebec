import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findRoadmapItem, parseRoadmap, tickRoadmapItem, type RoadmapItem } from '../../../src/core/product/roadmap.js';

const edited = await readFile(resolve('test/fixtures/product/roadmap-edited.md'), 'utf8');

function diffPositions(a: string, b: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) if (a[i] !== b[i]) positions.push(i);
  return positions;
}

function item(number: number, title: string): RoadmapItem {
  return { number, title, description: '', checked: false, markerOffset: 0, line: number };
}

describe('parseRoadmap', () => {
  it('reads a roadmap edited by hand: top-level ordered task items only, with or without effort and dash', () => {
    const items = parseRoadmap(edited);
    expect(
      items.map(({ number, title, description, effort, checked, line }) => ({
        number,
        title,
        description,
        effort,
        checked,
        line,
      })),
    ).toEqual([
      {
        number: 1,
        title: 'Open shift board',
        description: 'managers post an open shift',
        effort: 'S',
        checked: true,
        line: 7,
      },
      {
        number: 2,
        title: 'Credential checks',
        description: 'only licensed staff are offered shifts',
        effort: undefined,
        checked: false,
        line: 8,
      },
      {
        number: 3,
        title: 'SMS offers',
        description: 'accept or decline by text',
        effort: 'M',
        checked: false,
        line: 9,
      },
      { number: 4, title: 'Dark mode', description: 'dropped', effort: 'XS', checked: false, line: 15 },
      { number: 5, title: 'Team invites by email', description: '', effort: 'S', checked: false, line: 16 },
      { number: 6, title: 'Weekly rota export to PDF', description: '', effort: 'L', checked: true, line: 17 },
    ]);
    for (const read of items) expect(edited.slice(read.markerOffset - 1, read.markerOffset + 2)).toMatch(/^\[[ xX]\]$/);
    expect(items[1]).not.toHaveProperty('effort');
  });

  it('reads a file that starts with a byte-order mark, with offsets into the text as given', () => {
    const source = '\uFEFF# Product Roadmap\n\n1. [ ] Invites — by email `S`\n';
    const [first] = parseRoadmap(source);
    expect(first).toMatchObject({ number: 1, title: 'Invites', description: 'by email', effort: 'S', line: 3 });
    expect(first && tickRoadmapItem(source, first).text).toBe(
      '\uFEFF# Product Roadmap\n\n1. [x] Invites — by email `S`\n',
    );
  });

  it('reads Windows line endings and finds nothing in a file without a roadmap', () => {
    const crlf = '# Product Roadmap\r\n\r\n1. [ ] First — one `S`\r\n2. [x] Second\r\n';
    const items = parseRoadmap(crlf);
    expect(items.map((i) => [i.number, i.title, i.checked, crlf[i.markerOffset]])).toEqual([
      [1, 'First', false, ' '],
      [2, 'Second', true, 'x'],
    ]);
    expect(parseRoadmap('# Product Roadmap\n\nNothing planned yet.\n')).toEqual([]);
    expect(parseRoadmap('')).toEqual([]);
  });
});

describe('findRoadmapItem', () => {
  const items = parseRoadmap(edited);
  const found = (title: string) => findRoadmapItem(items, title)?.number;

  it('matches the same title, whatever its case and punctuation', () => {
    expect(found('Team invites by email')).toBe(5);
    expect(found('Team-Invites, by Email!')).toBe(5);
    expect(found('TEAM INVITES BY EMAIL')).toBe(5);
  });

  it('matches an item title contained in the issue title, and an issue title contained in an item title', () => {
    expect(found('Add team invites by email for clinic managers')).toBe(5);
    expect(found('Spec: credential checks')).toBe(2);
    expect(found('Team invite')).toBe(5);
    expect(found('SMS')).toBe(3);
  });

  it('matches titles that share most of their words (60% or more)', () => {
    expect(found('Export the weekly rota as CSV')).toBe(6);
    expect(found('Offers by SMS')).toBe(3);
    expect(found('Export invoices as CSV')).toBeUndefined();
  });

  it('never matches on stop-words alone, nor unrelated titles', () => {
    expect(found('Add the new feature')).toBeUndefined();
    expect(found('Implement it')).toBeUndefined();
    expect(found('Improve onboarding emails')).toBeUndefined();
    expect(findRoadmapItem(items, '')).toBeUndefined();
    expect(findRoadmapItem([item(1, 'The')], 'The')).toBeUndefined();
  });

  it('picks the best match, and the lowest number on a tie', () => {
    const candidates = [item(3, 'Search'), item(1, 'Search'), item(2, 'Search filters by date')];
    expect(findRoadmapItem(candidates, 'Search')?.number).toBe(1);
    expect(findRoadmapItem(candidates, 'Search filters by date')?.number).toBe(2);
    expect(findRoadmapItem(candidates, 'Search filters')?.number).toBe(2);
  });
});

describe('tickRoadmapItem', () => {
  it('ticks an item by changing exactly one character', () => {
    const target = parseRoadmap(edited).find((i) => i.number === 5);
    if (target === undefined) throw new Error('item 5 not read');
    const { text, changed } = tickRoadmapItem(edited, target);
    expect(changed).toBe(true);
    expect(diffPositions(edited, text)).toEqual([target.markerOffset]);
    expect(text).toContain('5) [x] Team invites by email `s`\n');
    expect(parseRoadmap(text).find((i) => i.number === 5)?.checked).toBe(true);
  });

  it('changes nothing for an item ticked already, or one that is not at its place any more', () => {
    const [first] = parseRoadmap(edited);
    if (first === undefined) throw new Error('item 1 not read');
    expect(tickRoadmapItem(edited, first)).toEqual({ text: edited, changed: false });
    const moved = `Intro line\n${edited}`;
    const stale = parseRoadmap(edited).find((i) => i.number === 2);
    if (stale === undefined) throw new Error('item 2 not read');
    expect(tickRoadmapItem(moved, stale)).toEqual({ text: moved, changed: false });
  });
});
