import { createKeyedSerializer } from './serialize-by-key.js';

/**
 * The App's in-process work queue. A webhook is answered as soon as it is verified and claimed; its work runs
 * from here: jobs with the same key one after another (two deliveries about the same issue or commit then see each
 * other's writes instead of both creating), different keys in parallel, at most `concurrency` at a time.
 */

export interface QueueStats {
  /** Jobs waiting for their key or for a free slot. */
  queued: number;
  running: number;
  /** Deliveries whose work has not finished (a delivery may run several jobs). */
  inFlight: number;
  completed: number;
  failed: number;
  /** Time from enqueueing a job to its start, in milliseconds. */
  wait: { lastMs: number; maxMs: number; totalMs: number; count: number };
}

export interface JobLog {
  debug: (fields: object, message: string) => void;
}

export interface WorkQueue {
  /** Run `job` when no earlier job of `key` is running and a slot is free; resolves or rejects with it. */
  run: <T>(key: string, job: () => Promise<T>) => Promise<T>;
  /**
   * Count `work` as in flight until it settles (its failure is the caller's to report), so `idle` waits for it;
   * `tag` (a repository's full name) lets `idle` wait for one repository's work only.
   */
  track: (work: Promise<unknown>, tag?: string) => void;
  /** Resolves once nothing (with `tag`: nothing tracked with that tag) is queued, running or in flight, work started meanwhile included. */
  idle: (tag?: string) => Promise<void>;
  stats: () => QueueStats;
}

/** At most `concurrency` jobs running (counted in `stats.running`); the others wait their turn, in order. */
function createSlots(concurrency: number, stats: QueueStats): { acquire: () => Promise<void>; release: () => void } {
  const waiters: Array<() => void> = [];
  const acquire = (): Promise<void> => {
    if (stats.running < concurrency) {
      stats.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiters.push(resolve));
  };
  const release = () => {
    const next = waiters.shift();
    if (next) next();
    else stats.running -= 1;
  };
  return { acquire, release };
}

function emptyStats(): QueueStats {
  return {
    queued: 0,
    running: 0,
    inFlight: 0,
    completed: 0,
    failed: 0,
    wait: { lastMs: 0, maxMs: 0, totalMs: 0, count: 0 },
  };
}

/** The wait figures with one more job's wait counted. */
function withWait(wait: QueueStats['wait'], waited: number): QueueStats['wait'] {
  return { lastMs: waited, maxMs: Math.max(wait.maxMs, waited), totalMs: wait.totalMs + waited, count: wait.count + 1 };
}

export function createWorkQueue(options: { concurrency: number; now?: () => number; log?: JobLog }): WorkQueue {
  const now = options.now ?? (() => performance.now());
  const serialize = createKeyedSerializer();
  const inFlight = new Map<Promise<unknown>, string | undefined>();
  const stats = emptyStats();

  const { acquire, release } = createSlots(options.concurrency, stats);

  const run = <T>(key: string, job: () => Promise<T>): Promise<T> => {
    const enqueued = now();
    stats.queued += 1;
    const result = serialize(key, async () => {
      await acquire();
      stats.queued -= 1;
      const waited = now() - enqueued;
      stats.wait = withWait(stats.wait, waited);
      options.log?.debug(
        { key, waitMs: Math.round(waited), queued: stats.queued, running: stats.running },
        'job started',
      );
      try {
        const value = await job();
        stats.completed += 1;
        return value;
      } catch (error) {
        stats.failed += 1;
        throw error;
      } finally {
        release();
      }
    });
    track(result);
    return result;
  };

  const track = (work: Promise<unknown>, tag?: string): void => {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    inFlight.set(settled, tag);
    stats.inFlight = inFlight.size;
    void settled.then(() => {
      inFlight.delete(settled);
      stats.inFlight = inFlight.size;
    });
  };

  const idle = async (tag?: string): Promise<void> => {
    const pending = () => [...inFlight].filter(([, t]) => tag === undefined || t === tag).map(([work]) => work);
    for (let waiting = pending(); waiting.length > 0; waiting = pending()) await Promise.all(waiting);
  };

  return { run, track, idle, stats: () => ({ ...stats, wait: { ...stats.wait } }) };
}
