import { describe, expect, it } from '@jest/globals';
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { MAX_NESTING } from '../../../src/core/markdown/find-deep-nesting.js';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.js';
import { declaredScopeIn, findDeclaredScope, SCOPE_LABEL } from '../../../src/core/spec/find-declared-scope.js';
import {
  descriptionLines,
  findSpecReferences,
  SPEC_LABEL,
  specReferencesIn,
} from '../../../src/core/spec/find-spec-references.js';
import { findInDescription } from '../../../src/phases/gate-tasks.js';

/** The description's paragraph lines as the finders read them before: always parsed, every paragraph. */
function parsedLines(body: string): string[] {
  const lines: string[] = [];
  visit(parseMarkdown(body), 'paragraph', (node: Paragraph) => {
    const text = node.children.map((child) => (child.type === 'html' ? '' : toString(child))).join('');
    lines.push(...text.split(/\r?\n/));
    return SKIP;
  });
  return lines;
}

/** Each finding as the finders found it when each parsed the description on its own. */
function parsedFindings(body: string): { references: unknown; scope: unknown } {
  const lines = parsedLines(body);
  return { references: specReferencesIn(lines), scope: declaredScopeIn(lines) };
}

/** Descriptions whose lines say `Spec:` or `Implements:` only once markup, escapes or references are read. */
const hidden = [
  '&#x53;pec: agent-os/specs/a',
  'Spec&#58; agent-os/specs/b',
  '&#73;mplements: Task Group 2',
  'S<!-- -->pec: agent-os/specs/c',
  '*S*pec: agent-os/specs/d',
  '[Sp](https://example.com)ec: agent-os/specs/e',
  'Spec\\: agent-os/specs/f',
  'Spec  \n: agent-os/specs/g',
  'Spec\\\n: agent-os/specs/h',
  '`Implements`: Task Groups 1 and 3',
  '**Implements:** 4',
  '- Spec: agent-os/specs/i\n- Implements: 5',
  '> Spec: agent-os/specs/j',
  'Intro\r\n\r\nSpec: agent-os/specs/k\r\nImplements: 6',
  'SPEC: agent-os/specs/l',
];

/** Descriptions the finders need not parse: no `&`, and no label's letters followed by a colon. */
const without = ['', '   \n\t', 'Implements the feature.', 'A spec for invites', 'Colon first: then spec', 'ceps'];

describe('descriptionLines: the description parsed once, or not at all', () => {
  it.each([...hidden, ...without])('finds what a parse of its own finds in %j', (body) => {
    expect(findInDescription(body)).toEqual(parsedFindings(body));
    expect(findSpecReferences(body)).toEqual(parsedFindings(body).references);
    expect(findDeclaredScope(body)).toEqual(parsedFindings(body).scope);
  });

  it('reads each hidden line as a parse does', () => {
    expect(findSpecReferences(hidden.join('\n\n')).map((r) => r.written)).toEqual(
      'abcdefghijkl'.split('').map((c) => `agent-os/specs/${c}`),
    );
    expect(findDeclaredScope('&#73;mplements: Task Group 2')).toEqual(['2']);
  });

  it('does not parse a description that cannot hold either line', () => {
    // Deeper than the parser accepts: a parse would refuse it.
    const deep = `${'>'.repeat(MAX_NESTING + 1)} Implements the feature`;
    expect(() => parseMarkdown(deep)).toThrow();
    expect(descriptionLines(deep, [SPEC_LABEL, SCOPE_LABEL])).toEqual([]);
    expect(() => descriptionLines(`${deep}:`, [SCOPE_LABEL])).toThrow();
    expect(() => descriptionLines(`${deep} &amp;`, [SCOPE_LABEL])).toThrow();
  });

  it('agrees with a parse of its own on generated descriptions', () => {
    const pieces = [
      'Spec',
      'spec',
      'Implements',
      ':',
      ' ',
      '\n',
      '\n\n',
      '`',
      '*',
      '<!-- ',
      ' -->',
      '&#58;',
      '\\',
      'agent-os/specs/x',
      ' Task Group 1',
      ' 2 and 3',
      '> ',
      '- ',
      '```\n',
      '[S](u)',
      'pec',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 400; i += 1) {
      const body = Array.from({ length: 1 + next(12) }, () => pieces[next(pieces.length)]).join('');
      expect({ body, found: findInDescription(body) }).toEqual({ body, found: parsedFindings(body) });
    }
  });
});
