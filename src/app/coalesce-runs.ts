import type { WorkQueue } from './work-queue.js';

export interface CoalesceStats {
  /** Runs started. */
  runs: number;
  /** Requests that joined a run already waiting instead of adding one. */
  joined: number;
}

export interface Coalescer<T> {
  /**
   * Ask for a run of `key`. While a run of that key waits in the queue, later requests join it (the last one's
   * `run` is the one that runs: it knows the newest payload). A request made while a run is running queues one
   * more run, which later requests join: after the last request there is at most one more run. `queueKey` (by
   * default `key`) is the queue's key the run is serialized on.
   */
  submit: (key: string, run: () => Promise<T>, queueKey?: string) => Promise<T>;
  stats: () => CoalesceStats;
}

export function createCoalescer<T>(queue: WorkQueue): Coalescer<T> {
  const waiting = new Map<string, { run: () => Promise<T>; result: Promise<T> }>();
  const stats: CoalesceStats = { runs: 0, joined: 0 };
  const submit = (key: string, run: () => Promise<T>, queueKey = key): Promise<T> => {
    const queued = waiting.get(key);
    if (queued) {
      queued.run = run;
      stats.joined += 1;
      return queued.result;
    }
    const entry = { run } as { run: () => Promise<T>; result: Promise<T> };
    entry.result = queue.run(queueKey, () => {
      // Started: from now on a new request needs a run of its own, after this one.
      if (waiting.get(key) === entry) waiting.delete(key);
      stats.runs += 1;
      return entry.run();
    });
    waiting.set(key, entry);
    return entry.result;
  };
  return { submit, stats: () => ({ ...stats }) };
}
