// Task engine speed: parseTaskFile on Agent OS tasks.md files of 100, 1 000, 10 000 and 14 000 tasks (1 MB), read
// from markdown-it's tokens (new) and through the mdast syntax tree (old, the reference the tokens must equal).
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { isMarkdownTooComplex } from '../src/core/markdown/markdown-too-complex.js';
import { findTaskItems, findTaskItemsInTree } from '../src/core/markdown/find-task-items.js';
import { parseTaskFile, parseTaskFileReadBy } from '../src/core/tasks/parse-task-file.js';
import { HOSTILE_FILES } from './support/hostile-task-files.js';
import { median, round } from './support/stats.js';
import { agentOsTasks } from './support/task-files.js';

/** The last is the 1 MB file (1.02 MiB). */
export const TASK_COUNTS = [100, 1_000, 10_000, 14_000] as const;

export interface ParseResult {
  tasks: number;
  bytes: number;
  /** Median CPU time of one parse (the process's user and system time). */
  ms: number;
  samples: number;
  mbPerSecond: number;
  /** Time and size against the next smaller file: growth 1 is linear, above 1 is worse than linear. */
  timeRatio: number | null;
  sizeRatio: number | null;
  growth: number | null;
  /** How this file was read: from the tokens, or through the tree (a text the tokens cannot decide). */
  via: 'tokens' | 'tree';
  /** The same file read through the syntax tree, as before markdown-it (median ms, MB/s), and how many times slower. */
  tree: { ms: number; samples: number; mbPerSecond: number; slower: number };
}

/**
 * Median CPU time of repeated parses: at least `minimumSamples` and until `minimumMs` has passed, but no new parse is
 * started after `budgetMs` (a slow parser still finishes the bench in time).
 */
function timeParse(
  source: string,
  options = { minimumMs: 400, minimumSamples: 5, budgetMs: 15_000 },
  parse: (text: string) => unknown = parseTaskFile,
): { ms: number; samples: number } {
  const samples: number[] = [];
  const started = performance.now();
  const enough = () => {
    const elapsed = performance.now() - started;
    return elapsed >= options.budgetMs || (elapsed >= options.minimumMs && samples.length >= options.minimumSamples);
  };
  while (samples.length === 0 || !enough()) {
    // Process CPU time (user and system), not wall clock: on a shared machine the wall clock measures the others.
    const before = process.cpuUsage();
    parse(source);
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return { ms: median(samples), samples: samples.length };
}

const parseThroughTree = (source: string) => parseTaskFileReadBy(findTaskItemsInTree, source);

export function taskEngine(): ParseResult[] {
  // Warm-up, on the largest file too: the first large parse of a process pays for growing V8's young generation
  // (measured: 10,000 tasks 15-20 % slower when they were the first large file), which a server pays once.
  parseTaskFile(agentOsTasks(100));
  parseTaskFile(agentOsTasks(14_000));
  parseThroughTree(agentOsTasks(100));
  const results: ParseResult[] = [];
  for (const tasks of TASK_COUNTS) {
    const source = agentOsTasks(tasks);
    const bytes = Buffer.byteLength(source);
    const { ms, samples } = timeParse(source);
    const tree = timeParse(source, undefined, parseThroughTree);
    const previous = results[results.length - 1];
    const timeRatio = previous ? ms / previous.ms : null;
    const sizeRatio = previous ? bytes / previous.bytes : null;
    results.push({
      tasks,
      bytes,
      ms: round(ms),
      samples,
      mbPerSecond: round(bytes / 1_048_576 / (ms / 1000), 3),
      timeRatio: timeRatio === null ? null : round(timeRatio),
      sizeRatio: sizeRatio === null ? null : round(sizeRatio),
      growth: timeRatio === null || sizeRatio === null ? null : round(timeRatio / sizeRatio),
      via: findTaskItems(source).via,
      tree: {
        ms: round(tree.ms),
        samples: tree.samples,
        mbPerSecond: round(bytes / 1_048_576 / (tree.ms / 1000), 3),
        slower: round(tree.ms / ms, 1),
      },
    });
  }
  return results;
}

export interface HostileResult {
  name: string;
  bytes: number;
  /** Median time to read it (or to refuse it), over a few runs. */
  ms: number;
  samples: number;
  /** What reading gave: `N tasks`, or `refused: <limit>, line N`. */
  outcome: string;
  /** Whether that is what the tests expect. */
  expected: boolean;
}

function readHostile(text: string): { tasks: number } | { refused: string; line: number } {
  try {
    return { tasks: parseTaskFile(text).tasks.length };
  } catch (error) {
    if (!isMarkdownTooComplex(error)) throw error;
    return { refused: error.limit, line: error.line };
  }
}

/** Each hostile task file (issue 16) read through parseTaskFile: time to its tasks or to its refusal. */
export function hostileFiles(): HostileResult[] {
  return HOSTILE_FILES.map((file) => {
    const text = file.text();
    let result = readHostile(text);
    const { ms, samples } = timeParse(text, { minimumMs: 200, minimumSamples: 3, budgetMs: 10_000 }, () => {
      result = readHostile(text);
    });
    const outcome = 'tasks' in result ? `${result.tasks} tasks` : `refused: ${result.refused}, line ${result.line}`;
    return {
      name: file.name,
      bytes: Buffer.byteLength(text),
      ms: round(ms),
      samples,
      outcome,
      expected: JSON.stringify(result) === JSON.stringify(file.expected),
    };
  });
}
