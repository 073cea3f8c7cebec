import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  findTaskItems,
  findTaskItemsInPieces,
  findTaskItemsInTree,
} from '../../../src/core/markdown/find-task-items.js';
import { parseTaskFile, parseTaskFileReadBy } from '../../../src/core/tasks/parse-task-file.js';

/** What parsing gives: the whole task file (groups, tasks, lines, states, diagnostics), or the refusal. */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

const fast = (source: string, path?: string) =>
  outcome(() => parseTaskFile(source, path === undefined ? {} : { path }));
/** The token reading with the text tokenized in pieces of about `pieceBytes` (cut after almost every block). */
const inPieces = (pieceBytes: number) => (source: string, path?: string) =>
  outcome(() =>
    parseTaskFileReadBy((text) => findTaskItemsInPieces(text, pieceBytes), source, path === undefined ? {} : { path }),
  );
const reference = (source: string, path?: string) =>
  outcome(() => parseTaskFileReadBy(findTaskItemsInTree, source, path === undefined ? {} : { path }));

/** Every markdown fixture of the repository's tests. */
function markdownFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFixtures(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const FIXTURES = [
  ...markdownFixtures(join('test', 'fixtures')),
  ...readdirSync(join('test', 'core')).flatMap((area) => {
    const dir = join('test', 'core', area, 'fixtures');
    return statSync(join('test', 'core', area)).isDirectory() &&
      readdirSync(join('test', 'core', area)).includes('fixtures')
      ? markdownFixtures(dir)
      : [];
  }),
].sort();

describe('reading task files from markdown-it tokens gives what the syntax tree gives', () => {
  it.each(FIXTURES)('%s', (path) => {
    const source = readFileSync(path, 'utf8');
    const crlf = source.replace(/\n/g, '\r\n');
    // The syntax tree's reading of each text, once: both token readings are held to it.
    const expected = reference(source, path);
    const expectedCrlf = reference(crlf, path);
    expect(fast(source, path)).toEqual(expected);
    expect(fast(crlf, path)).toEqual(expectedCrlf);
    expect(inPieces(1)(source, path)).toEqual(expected);
    expect(inPieces(200)(crlf, path)).toEqual(expectedCrlf);
  });

  it('reads most fixtures from the tokens', () => {
    const viaTree = FIXTURES.filter((path) => findTaskItems(readFileSync(path, 'utf8')).via === 'tree');
    expect(FIXTURES.length).toBeGreaterThan(50);
    expect(viaTree.length / FIXTURES.length).toBeLessThan(0.2);
  });
});

/** Lines of task files in every dialect, and shapes where GFM and CommonMark readings could part. */
const LINES = [
  '# Task Breakdown: Invites',
  '## Phase 1: Setup',
  '#### Task Group 1: Data models',
  '### 2. Build the API',
  '#### - [ ] a box in a heading',
  '**Dependencies:** Task Group 1',
  '**Acceptance Criteria:**',
  'Setext heading',
  '---',
  '===',
  '',
  '',
  '',
  '  ',
  '- [ ] 1.0 Complete the data layer',
  '- [x] 1.1 Write tests for **Invite**',
  '  - [ ] 1.2 Create the model in `src/models/invite.ts`',
  '  - [x] 1.3 Run the tests',
  '    - [-] 1.3.1 deeper',
  '- [~] 2. Import the data, waiting~',
  '- [~] 2. blocked',
  '- [ ]* 3. Optional polish',
  '- [ ] 4. ~~Dropped~~ → carried over',
  '- [x] ~~5. struck~~ DEFERRED: later',
  '- [ ] T010 [P] [US1] Add `a ~b` code',
  '- [ ] see https://example.com/a_b and *c*',
  '- [ ] mail a_b@example.com',
  '- [ ] [link](https://example.com) text',
  '- [ ] ![alt *x*](img.png) image',
  '- [ ] <span>html</span> &amp; &copy; \\* escaped',
  '- [ ] hard  ',
  '  break',
  '- [ ] N/A: skipped',
  '- [ ]',
  '- [ ] ',
  '- [x]',
  '- [ ]\ttab',
  '- [X] capital',
  '- [ ]   spaced',
  '- [-]',
  '- [-] ',
  '- [x] [ref]',
  '- [-] [ref]',
  '- [ ] {{NUMBER}}. {{TASK_DESCRIPTION}}',
  '* [ ] star bullet',
  '+ [X] plus bullet',
  '1. [ ] T001 numbered',
  '3) [ ] T003 paren',
  '-   [ ] wide',
  '-',
  '  [ ] on the next line',
  '- The tests of this group pass',
  '> - [ ] quoted task',
  '> quoted text',
  '    indented code',
  '    ```',
  '```sh',
  '```',
  '~~~',
  '````',
  'A paragraph with *emphasis*, _more_ and ~~strike~~ and a [link](https://example.com).',
  'lazy continuation line',
  '<details>',
  '</details>',
  '<!-- a comment -->',
  '<!--',
  '-->',
  '| a | b |',
  '|---|---|',
  '[ref]: https://example.com',
  '[x]: https://example.com/x',
  'see [ref]',
  'www.example.com and someone@example.com',
  // Plain text, which the inline pass is skipped for (`plainTextFrom`), next to what makes a box a link.
  '- [ ] Write the invite model',
  '- [x] Plain done task',
  '  - [X] Plain subtask',
  '## Plain heading',
  'Plain lead paragraph',
  '- [ ] (in parentheses) text',
  '- [x](https://example.com) a link box',
  '- [?] an unknown marker',
  '- [ ] www.example.com plain',
];

const composedLine = fc
  .tuple(
    fc.constantFrom('', '', '', ' ', '  ', '    ', '\t'),
    fc.constantFrom('', '', '', '> '),
    fc.constantFrom('', '', '- ', '* ', '1. ', '- [ ] ', '- [x] ', '- [-] ', '- [~] ', '- [ ]* ', '-'),
    fc.constantFrom(
      '',
      'text',
      '`code`',
      '**b**',
      '~~s~~',
      '~s~',
      '[ ] t',
      '[x] t',
      '[-] t',
      '# h',
      '```',
      '<!--',
      '-->',
      '[a]: x',
      'see [a]',
      '*a*',
      '_b_',
      'a\\',
      '&lt;',
    ),
    fc.constantFrom('', '', ' tail', ' ~~struck~~ rest', ' `x`', '  '),
  )
  .map((parts) => parts.join(''));

const taskFile = fc
  .tuple(
    fc.constantFrom('', '', '', '---\ntitle: x\n---\n', '+++\na = 1\n+++\n', '---\n'),
    fc.array(fc.oneof(fc.constantFrom(...LINES), composedLine), { minLength: 1, maxLength: 40 }),
    fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([front, lines, ending, finalNewline]) => `${front}${lines.join(ending)}${finalNewline ? ending : ''}`);

describe('on generated task files', () => {
  it('the tokens give the same task file as the syntax tree', () => {
    fc.assert(
      fc.property(
        taskFile,
        fc.constantFrom(undefined, 'agent-os/specs/x/tasks.md', '.kiro/specs/x/tasks.md', 'specs/x/tasks.md'),
        (source, path) => {
          expect(fast(source, path)).toEqual(reference(source, path));
        },
      ),
      { seed: 20_261_207, numRuns: 1_500 },
    );
  });

  it('tokenized in small pieces, the tokens still give what the syntax tree gives', () => {
    fc.assert(
      fc.property(taskFile, fc.integer({ min: 1, max: 120 }), (source, pieceBytes) => {
        expect(inPieces(pieceBytes)(source)).toEqual(reference(source));
      }),
      { seed: 20_261_208, numRuns: 1_000 },
    );
  });
});

/** Every ASCII punctuation character, as one piece: those inline syntax starts at, and those it never does. */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** A task, heading or lead line of words and single characters, literal autolinks among them. */
const boundaryLine = fc
  .tuple(
    fc.constantFrom(
      '- [ ] ',
      '- [x] ',
      '  - [X] ',
      '- [-] ',
      '- [~] ',
      '- [ ]* ',
      '1. [ ] ',
      '## ',
      '#### Task Group 1: ',
      '',
      '- ',
    ),
    fc.array(
      fc.oneof(
        fc.constantFrom('Write', 'tests', '1.2', '2-8', 'a.b', 'é', '😀'),
        fc.constantFrom('www.example.com', 'https://x.org', 'http://a.b/c_d', 'a@b.co', 'WWW.X.IO'),
        fc.constantFrom(...PUNCTUATION.split('')),
        fc.constantFrom(' ', ' ', '  ', '\t', '\u00a0'),
      ),
      { maxLength: 10 },
    ),
    fc.constantFrom('', '', '  ', '\\'),
  )
  .map(([start, words, end]) => `${start}${words.join('')}${end}`);

const boundaryFile = fc
  .tuple(
    fc.array(fc.oneof(boundaryLine, fc.constantFrom('', '  - [ ] plain subtask', 'Plain lead')), {
      minLength: 1,
      maxLength: 20,
    }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, ending]) => `# Tasks${ending}${ending}${lines.join(ending)}${ending}`);

describe('on task texts with and without the characters inline syntax starts at', () => {
  it('the tokens (with the plain-text shortcut) give the same task file as the syntax tree', () => {
    fc.assert(
      fc.property(boundaryFile, (source) => {
        expect(fast(source)).toEqual(reference(source));
      }),
      { seed: 20_261_209, numRuns: 1_500 },
    );
  });
});
