import { describe, expect, it } from '@jest/globals';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { agentOsTasks } from '../../../bench/support/task-files.js';
import { parseMarkdown, parseMarkdownInChunks } from '../../../src/core/markdown/parse-markdown.js';
import { expectEqual } from '../../support/expect-equal.js';

/** remark as it comes: GFM's literal autolink transform runs on every tree. */
const plainRemark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** The tree of the whole text parsed in one piece. */
const whole = (source: string) => parseMarkdownInChunks(source, Number.MAX_SAFE_INTEGER);

describe('literal autolinks, looked for only in trees whose text may hold one', () => {
  // The transform finds links the tokenizer does not (after entities and escapes, after a dot): each text below
  // has one kind only, so it tells whether that kind is still looked for.
  const FOUND_BY_THE_TRANSFORM = {
    'an escaped www.': 'an escaped www\\.example.com and WWW\\.EXAMPLE.COM',
    'www. after a dot': 'see b.WwW.example.com',
    'an entity in www.': '&#119;ww.example.com',
    'an escaped http://': 'http\\://x.com and HTTP\\://A.COM',
    'an entity in https://': 'https&#58;//x.com and &#104;ttp://x.com',
    'an entity for @': 'write to x&#64;y.com',
    'an escaped @': 'write to a\\@b.co',
  };

  it.each(Object.entries(FOUND_BY_THE_TRANSFORM))('gives the tree remark gives: %s', (_name, text) => {
    const expected = plainRemark.parse(text);
    expect(JSON.stringify(expected)).toContain('"type":"link"');
    expect(parseMarkdown(text)).toEqual(expected);
  });

  it.each([
    'no link here, only text with dots. and www, http, mailto',
    'see www.example.com/a_b, https://example.com/path?q=1, ftp://not.a.link and someone@example.com',
    '- [ ] 1.0 Task with `www.code.com` and **https://strong.example**\n  - [x] 1.1 a@b.co',
    '[a link](http://x.com) and [www.inside.com](https://y.com) and <https://auto.example>',
    '| a | b |\n|---|---|\n| www.cell.com | c@d.ee |\n\n# Heading www.heading.com\n\n> quote http://quote.example\n',
  ])('gives the tree remark gives: %j', (text) => {
    expect(parseMarkdown(text)).toEqual(plainRemark.parse(text));
  });
});

/** Texts whose pieces end at lines that are not cuts after all. */
const NOT_CUTS: Record<string, string> = {
  "a list's first item after a paragraph":
    '# A\n\n**Acceptance Criteria:**\n- one\n- two\n\npara\n- three\n\n# B\ntext\n* four\n',
  'margin lines in a fence': '# A\n\n```sh\n# comment\n\n- [ ] not a task\n\n# more\n```\n\n- [ ] task\n\n## B\n',
  'margin lines in an html block': '<details>\n\n# inside\n\n- [ ] inside\n</details>\n\n- [ ] after\n',
  'byte-order mark opening the text': '\uFEFF# A\n\n- [ ] 1.0 a\n  - [x] 1.1 b\n\n# B\n\n- [ ] 2.0 c\n',
  'two byte-order marks': '\uFEFF\uFEFF# A\n\n- [ ] a\n\n# B\n',
  'byte-order mark before front matter': '\uFEFF---\ntitle: x\n---\n\n# A\n\n- [ ] a\n',
};

describe('parseMarkdown in pieces, when a piece ends at a line that is not a cut', () => {
  it.each(Object.entries(NOT_CUTS))('gives the one-piece tree: %s', (_name, source) => {
    const expected = whole(source);
    expect(expected).toEqual(plainRemark.parse(source));
    for (const size of [1, 2, 3, 5, 8, 13, 21, 40, 80]) expectEqual(parseMarkdownInChunks(source, size), expected);
  });

  it('gives the one-piece tree for a long Agent OS tasks.md that opens with a byte-order mark', () => {
    const source = `\uFEFF${agentOsTasks(200)}`;
    // The one-piece tree, parsed once: every reading is held to it.
    const expected = whole(source);
    expectEqual(parseMarkdown(source), expected);
    for (const size of [100, 700, 1500]) expectEqual(parseMarkdownInChunks(source, size), expected);
  });
});
