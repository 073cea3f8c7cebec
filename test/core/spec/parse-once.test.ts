import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIssue, type ParsedIssue } from '../../../src/core/issue/parse-issue.js';
import { proseOf } from '../../../src/core/issue/prose.js';
import { embedVerbatim } from '../../../src/core/markdown/embed-verbatim.js';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.js';
import { plainText } from '../../../src/core/markdown/plain-text.js';
import { parseRequirements } from '../../../src/core/spec/parse-requirements.js';
import { renderRequirements } from '../../../src/core/spec/render-requirements.js';

/**
 * The shaping path parses a document once per event and passes the tree (or what it read from it) on: what it
 * reads from that one tree is what parsing each part again would give.
 */
const bodies = [
  ...readdirSync('test/fixtures/issues').map((name) =>
    readFileSync(join('test/fixtures/issues', name, 'issue.md'), 'utf8'),
  ),
  ...readdirSync('test/fixtures/feature-requests').map((name) =>
    readFileSync(join('test/fixtures/feature-requests', name, 'issue.md'), 'utf8'),
  ),
  '```js\nx\n\n\n',
  '<!-- open\n\n',
  'text <!-- agent-os-github:verbatim --> inside\n',
  'line\r\n```\r\ncode\r\n',
  '- a\n  - b\n\n   \n',
  '**Describe the solution**\nAdmins _invite_ by `email`, see [the docs](https://example.com).\n\n> quoted **bold**\n> on two lines\n',
  '',
];

/** What renderSpec reads of an issue, without the lines (which count in the file that holds the text). */
function readable(issue: ParsedIssue) {
  return {
    prose: issue.prose,
    sections: issue.sections.map((s) => ({ ...s, line: 0, items: s.items.map((i) => ({ ...i, line: 0 })) })),
    images: issue.images,
    links: issue.links,
  };
}

describe('parsed once', () => {
  it.each(bodies.map((body, i) => [i, body] as const))(
    'issue body %i: verbatim and prose as parsing again gives',
    (_, body) => {
      const issue = parseIssue('Title', body);
      expect(issue.verbatim).toBe(embedVerbatim(body));
      expect(issue.prose).toBe(proseOf(issue.body));
      expect(embedVerbatim(issue.body, parseMarkdown(issue.body))).toBe(embedVerbatim(issue.body));
    },
  );

  it.each(bodies.map((body, i) => [i, body] as const))(
    'issue body %i: what a reader sees of each paragraph, as parsing the paragraph again gives',
    (_, body) => {
      const words = (text: string) => text.replace(/\s+/g, ' ').trim();
      for (const section of parseIssue('Title', body).sections) {
        expect(section.paragraphsPlain.map(words)).toEqual(section.paragraphs.map((p) => words(plainText(p))));
      }
    },
  );

  it.each(bodies.map((body, i) => [i, body] as const))(
    'requirements.md of body %i: the description and each bullet read from the file tree',
    (_, body) => {
      const issue = parseIssue('Title', body);
      const doc = parseRequirements(
        renderRequirements({
          issue,
          issueNumber: 1,
          issueUrl: 'https://github.com/acme/app/issues/1',
          branch: 'b',
          state: { issue: 1, questions: [], answers: {} },
        }),
      );
      expect(readable(doc.description)).toEqual(readable(parseIssue('Title', doc.initialDescription)));
      for (const bullet of Object.values(doc.sections).flat()) expect(bullet.plain).toBe(plainText(bullet.text));
    },
  );
});
