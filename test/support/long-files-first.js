// Jest's order of test files on a machine that has not run them before (a fresh CI clone): the longest first.
//
// Jest runs first the files that took longest last time, from timings it keeps in its cache, so that no long file
// starts near the end while the other workers sit idle. A fresh clone has no such cache, and Jest falls back on
// file size, which puts a few short files that run for a long time (the markdown equivalence and hostile-input
// tests parse megabytes) in the last third of the run, where one of them can end up running alone. Here, when no
// file has a timing, the files below (the slowest, in a run of `npm test` on two cores) go first, in this order,
// and the rest follow by size as before. With timings (a second run on the same machine), Jest's own order applies.
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';
import TestSequencer from '@jest/test-sequencer';

/**
 * The slowest test files, slowest first, with the seconds one run of each took on two cores with another process
 * busy (test/support/longest-test-files.json).
 */
const LONGEST = JSON.parse(readFileSync(new URL('./longest-test-files.json', import.meta.url), 'utf8')).map(
  (entry) => entry.file,
);

const Sequencer = TestSequencer.default ?? TestSequencer;

export default class LongFilesFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const rank = (test) => {
      const at = LONGEST.findIndex((path) => test.path.endsWith(`/${path}`));
      return at < 0 ? LONGEST.length : at;
    };
    // Array.prototype.sort is stable: files not in the list keep Jest's order (largest first).
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
