import { describe, expect, it } from '@jest/globals';
import { agentOsTasksOfBytes, CAP_BYTES, HOSTILE_FILES } from '../../../bench/support/hostile-task-files.js';
import { DEFAULT_GATE_SETTINGS, tooLargeReason } from '../../../src/core/config/settings.js';
import { MAX_NESTING } from '../../../src/core/markdown/find-deep-nesting.js';
import { findTaskItems, findTaskItemsInTree } from '../../../src/core/markdown/find-task-items.js';
import { isMarkdownTooComplex } from '../../../src/core/markdown/markdown-too-complex.js';
import { parseTaskFile, parseTaskFileReadBy } from '../../../src/core/tasks/parse-task-file.js';

/** What reading a task file gives: its number of tasks, or the limit it is refused by and the line named. */
function read(text: string): { tasks: number } | { refused: string; line: number; message: string } {
  try {
    return { tasks: parseTaskFile(text).tasks.length };
  } catch (error) {
    if (!isMarkdownTooComplex(error)) throw error;
    return { refused: error.limit, line: error.line, message: error.message };
  }
}

// The files are made here, at run time; `npm run bench` times the same files (no test here depends on time).
describe('hostile task files are read, or refused with the line and the limit', () => {
  const LIMIT_TEXT = {
    nesting: `a task file may nest at most ${MAX_NESTING} levels`,
    emphasis: 'more than the parser can pair in time',
    containers: 'too many list items and block quotes close here for the parser to read the file in time',
    paragraph:
      "the paragraph that starts here is too long for the parser to read in time (its work grows with the square of a paragraph's length",
  };

  it.each(HOSTILE_FILES.filter((file) => !file.atCap).map((file) => [file.name, file] as const))(
    '%s',
    (_name, file) => {
      const text = file.text();
      expect(tooLargeReason(text, DEFAULT_GATE_SETTINGS)).toBeUndefined();
      const result = read(text);
      if ('tasks' in file.expected) {
        expect(result).toEqual(file.expected);
      } else {
        expect(result).toMatchObject(file.expected);
        expect('message' in result && result.message).toMatch(new RegExp(`^Line ${file.expected.line}: `));
        expect('message' in result && result.message).toContain(LIMIT_TEXT[file.expected.refused]);
      }
    },
  );

  it('names the limit in the message', () => {
    expect(read(`${'- '.repeat(10_000)}[ ] x\n`)).toEqual({
      refused: 'nesting',
      line: 1,
      message: `Line 1: 10000 block quotes and list markers open at the start of the line, which may nest the text 10000 levels deep; a task file may nest at most ${MAX_NESTING} levels (block quotes and list items). Nest less deeply, or put the text in a code block.`,
    });
  });

  it('a long paragraph: the token reader sends it to the tree, which refuses it (or reads it) exactly as alone', () => {
    const line = 'requirement line with some words in it\n';
    for (const text of [`- [ ] t\n\n${line.repeat(6_000)}`, `# Tasks\n\n> ${line.repeat(3_000)}\n- [ ] t\n`]) {
      expect(findTaskItems(text.slice(0, 2_000)).via).toBe('tokens');
      const viaTree = (() => {
        try {
          return parseTaskFileReadBy(findTaskItemsInTree, text, {});
        } catch (error) {
          return error;
        }
      })();
      const viaTokens = (() => {
        try {
          return parseTaskFile(text);
        } catch (error) {
          return error;
        }
      })();
      expect(viaTokens).toEqual(viaTree);
    }
    expect(read(`- [ ] t\n\n${line.repeat(6_000)}`)).toEqual({
      refused: 'paragraph',
      line: 3,
      message:
        "Line 3: the paragraph that starts here is too long for the parser to read in time (its work grows with the square of a paragraph's length; about 5,000 lines of prose with no blank line between them is the limit). Put blank lines between its parts, or put the text in a code block (a line of three backticks before and after it).",
    });
  });

  it('reads task files with paragraphs of up to 1,000 lines from the tokens', () => {
    expect(findTaskItems(`- [ ] t\n\n${'a line of a paragraph\n'.repeat(100)}\n`.repeat(200)).via).toBe('tokens');
    expect(findTaskItems(`- [ ] t\n\n${'a line of a paragraph\n'.repeat(1_000)}`).via).toBe('tokens');
  });

  it('reads a file at the cap with a link definition (its pieces parsed again knowing the label)', () => {
    const file = HOSTILE_FILES.find((f) => f.atCap && f.name.includes('definition'));
    expect(file && read(file.text())).toEqual(file?.expected);
  });

  it('counts the cap in bytes: a file of exactly 512 KB is read, one byte more is refused', () => {
    const { text, tasks } = agentOsTasksOfBytes(CAP_BYTES);
    expect(Buffer.byteLength(text)).toBe(CAP_BYTES);
    expect(text.length).toBeLessThan(CAP_BYTES);
    expect(tooLargeReason(text, DEFAULT_GATE_SETTINGS)).toBeUndefined();
    expect(read(text)).toEqual({ tasks });
    expect(tooLargeReason(`${text}x`, DEFAULT_GATE_SETTINGS)).toBe(
      'it is 512 KB, over the 512 KB a task file may have; split it into one file per spec.',
    );
  });
});
