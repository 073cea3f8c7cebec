import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { agentOsTasks } from '../../../bench/support/task-files.js';
import { parseMarkdown, parseMarkdownInChunks } from '../../../src/core/markdown/parse-markdown.js';
import { scanTaskItems } from '../../../src/core/markdown/scan-task-items.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import { expectEqual } from '../../support/expect-equal.js';

/** The tree of the whole text parsed in one piece. */
const whole = (source: string) => parseMarkdownInChunks(source, Number.MAX_SAFE_INTEGER);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Texts where a cut in the wrong place would change the tree. */
const TRICKY: Record<string, string> = {
  'unclosed front matter': '---\n\t\n> quote\n\n# H1\n10. ten\n',
  'front matter closed far down': '---\ntitle: x\n\n# not a heading\n\n- not a list\n---\n\n# Heading\n\npara\n',
  'toml front matter': '+++\na = 1\n\n# x\n+++\n\n# H\n',
  'numbered line after indented code': '\t1. [ ] task one\r\n\r\n2. task one\r\n',
  'empty item after indented code': '    code\n\n-\n\n- [ ] item\n',
  'thematic break that could be front matter': 'para\n\n---\nfoo\n---\n\n# H\n',
  'unclosed fence': '# A\n\n```sh\n# comment\n\n- [ ] not a task\n\n## B\n',
  'unclosed html comment': '# A\n\n<!-- note\n\n# B\n\n- [ ] hidden\n',
  'html block running to a blank line': '<div>\n# not a heading\n- [ ] not a task\n\n# Heading\n',
  'loose list across cuts': '- [ ] 1. one\n\n- [ ] 2. two\n  - detail\n\n- [ ] 3. three\n',
  'tight nested list across cuts':
    '- [ ] 1. one\n  - [ ] 1.1 a\n  - [x] 1.2 b\n- [ ] 2. two\n  - [ ] 2.1 c\n- [x] 3. three\n',
  'ordered list starting at 3': '3. a\n4. b\n\n5. c\n',
  'marker change starts a new list': '- a\n- b\n* c\n* d\n+ e\n',
  'lazy continuation': '- a\nlazy\n- b\n> q\nlazy\n# H\n',
  'setext heading': 'Title\n=====\n\npara\n---\n\n# H\n',
  table: '| a | b |\n|---|---|\n| 1 | 2 |\n# H\n| 3 | 4 |\n\n- [ ] t\n',
  'definitions reach back': '# A\n\nsee [foo] and [^1]\n\n# B\n\n[foo]: https://example.com\n[^1]: note\n',
  'crlf and cr line endings': '# A\r\n\r\n- [ ] 1.0 x\r\n  - [x] 1.1 y\r\n\r\n# B\r- [ ] 2.0 z\r',
  'byte-order mark on a later line': '# A\n\n\uFEFF# B\n\n- [ ] t\n',
};

describe('parseMarkdown in pieces', () => {
  it.each(Object.entries(TRICKY))('gives the one-piece tree: %s', (_name, source) => {
    const expected = whole(source);
    for (const size of [1, 2, 3, 5, 8, 13, 40]) expectEqual(parseMarkdownInChunks(source, size), expected);
  });

  it('gives the one-piece tree for every markdown file in the test fixtures', () => {
    for (const file of markdownFiles(join('test', 'fixtures'))) {
      const source = readFileSync(file, 'utf8');
      const expected = whole(source);
      for (const size of [1, 7, 64])
        expectEqual({ file, size, tree: parseMarkdownInChunks(source, size) }, { file, size, tree: expected });
    }
  });

  it('gives the one-piece tree and the same tasks for a long Agent OS tasks.md', () => {
    const source = agentOsTasks(300);
    const expected = whole(source);
    expect(parseMarkdown(source)).toEqual(expected);
    expect(parseMarkdownInChunks(source, 1)).toEqual(expected);
    expect(scanTaskItems(parseMarkdown(source), source)).toEqual(scanTaskItems(expected, source));
  });

  it('keeps the columns of tasks counted from the last \\n, whatever the line endings', () => {
    // As before the column search went forward: without a \n (old Mac \r endings) columns count from the start.
    expect(parseTaskFile('# T\r\r- [ ] 1.0 a\r  - [x] 1.1 b\r').tasks.map((t) => t.column)).toEqual([8, 22]);
    expect(parseTaskFile('x\n\r- [ ] a\r- [ ] b\n- [ ] c\r\n  - [ ] d').tasks.map((t) => t.column)).toEqual([
      4, 12, 3, 5,
    ]);
  });
});
