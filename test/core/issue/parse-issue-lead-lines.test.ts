import { describe, expect, it } from '@jest/globals';
import { parseIssue } from '../../../src/core/issue/parse-issue.js';

describe('parseIssue: a bold lead line opens a section', () => {
  it('names the section by the bold words alone, not by the paragraph under them', () => {
    const issue = parseIssue(
      'Export invoices',
      '**Requirements:**\nExports must include the invoice number.\n\n**Out of scope**\nPDF exports.',
    );
    const headings = issue.sections.map((s) => [s.heading, s.kind]);
    expect(headings).toEqual([
      ['Requirements', 'requirements'],
      ['Out of scope', 'out-of-scope'],
    ]);
    expect(issue.sections[0]?.paragraphs).toEqual(['Exports must include the invoice number.']);
  });
});
