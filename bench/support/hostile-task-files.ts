import { agentOsTasks } from './task-files.js';

/** A line of prose, repeated with no blank line between: one paragraph. */
const LOG_LINE = 'requirement line with some words in it\n';

/** The 512 KB a task file may have (the gate's `maxTaskFileBytes`). */
export const CAP_BYTES = 512 * 1024;

/** Each size's file, made once (the cap's file is asked for by several tests and cases). */
const ofBytes = new Map<number, { text: string; tasks: number }>();

/** An Agent OS tasks.md of exactly `bytes` bytes (UTF-8): as many task groups as fit, then a closing paragraph of `é`/`x`. */
export function agentOsTasksOfBytes(bytes: number): { text: string; tasks: number } {
  const known = ofBytes.get(bytes);
  if (known !== undefined) return known;
  const tasks = mostTasksWithin(bytes);
  const text = `${agentOsTasks(tasks)}\n\n`;
  const room = bytes - Buffer.byteLength(text);
  // Two-byte characters, so that characters and bytes differ (the cap counts bytes).
  const file = { text: `${text}${'é'.repeat(Math.floor(room / 2))}${'x'.repeat(room % 2)}`, tasks };
  ofBytes.set(bytes, file);
  return file;
}

/**
 * The most tasks, in tens and at least ten, whose file and two newlines fit in `bytes`. Found by doubling, then
 * halving the gap, as the file grows with every group of ten: ~15 files built instead of one per group (~450 for
 * 512 KB, each up to 512 KB long).
 */
function mostTasksWithin(bytes: number): number {
  const fits = (tasks: number) => Buffer.byteLength(agentOsTasks(tasks)) + 2 <= bytes;
  // `low` is ten or fits; `high` does not fit.
  let low = 10;
  let high = 20;
  while (fits(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 10) {
    const middle = low + Math.floor((high - low) / 20) * 10;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * Task files built to make a markdown parser slow or crash (issue 16): each with what reading it gives, a number
 * of tasks or the limit it is refused by. Made at run time, never stored.
 */
export interface HostileFile {
  name: string;
  text: () => string;
  /** Tasks read from it, or the limit it goes past (and the line named). */
  expected: { tasks: number } | { refused: 'nesting' | 'emphasis' | 'containers' | 'paragraph'; line: number };
  /** A file of the cap's size, read in the tests on its own. */
  atCap?: boolean;
}

export const HOSTILE_FILES: HostileFile[] = [
  {
    name: '10,000 nested bullets on one line',
    text: () => `${'- '.repeat(10_000)}[ ] x\n`,
    expected: { refused: 'nesting', line: 1 },
  },
  {
    name: '2,000 nested bullets on one line',
    text: () => `${'- '.repeat(2_000)}[ ] x\n`,
    expected: { refused: 'nesting', line: 1 },
  },
  { name: '100 nested bullets (the limit)', text: () => `${'- '.repeat(99)}[ ] x\n`, expected: { tasks: 1 } },
  {
    name: '300 bullets nested line by line',
    text: () => Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- [ ] ${i}`).join('\n'),
    expected: { refused: 'nesting', line: 101 },
  },
  {
    name: '10,000 > on one line',
    text: () => `${'>'.repeat(10_000)} - [ ] x\n`,
    expected: { refused: 'nesting', line: 1 },
  },
  { name: '99 > and a task (the limit)', text: () => `${'>'.repeat(99)} - [ ] x\n`, expected: { tasks: 1 } },
  {
    name: '2,000 lines of > and a task',
    text: () => '> - [ ] quoted task\n'.repeat(2_000),
    expected: { tasks: 2_000 },
  },
  {
    name: '*a 150,000 times on a task line',
    text: () => `# Tasks\n\n- [ ] ${'*a'.repeat(150_000)}\n`,
    expected: { refused: 'emphasis', line: 3 },
  },
  {
    name: '_a 50,000 times in a paragraph',
    text: () => `- [ ] t\n\n${'_a'.repeat(50_000)}\n`,
    expected: { refused: 'emphasis', line: 3 },
  },
  {
    name: '~a 50,000 times in a paragraph',
    text: () => `- [ ] t\n\n${'~a'.repeat(50_000)}\n`,
    expected: { refused: 'emphasis', line: 3 },
  },
  { name: '*a 1,000 times on a task line', text: () => `- [ ] ${'*a'.repeat(1_000)}\n`, expected: { tasks: 1 } },
  {
    name: '99 nested bullets on each of 1,000 lines',
    text: () => `${'- '.repeat(98)}[ ] x\n`.repeat(1_000),
    expected: { refused: 'containers', line: 98 },
  },
  {
    name: 'a paragraph of 12,000 lines (a log pasted without a fence)',
    text: () => `- [ ] t\n\n${LOG_LINE.repeat(12_000)}`,
    expected: { refused: 'paragraph', line: 3 },
  },
  { name: 'a paragraph of 3,000 lines', text: () => `- [ ] t\n\n${LOG_LINE.repeat(3_000)}`, expected: { tasks: 1 } },
  {
    name: 'Agent OS tasks.md at the cap (512 KB)',
    text: () => agentOsTasksOfBytes(CAP_BYTES).text,
    expected: { tasks: agentOsTasksOfBytes(CAP_BYTES).tasks },
    atCap: true,
  },
  {
    name: 'Agent OS tasks.md at the cap with a link definition',
    atCap: true,
    text: () => {
      const { text } = agentOsTasksOfBytes(CAP_BYTES - 40);
      return `${text}\n\n[spec]: https://example.com/spec\n`;
    },
    expected: { tasks: agentOsTasksOfBytes(CAP_BYTES - 40).tasks },
  },
];
