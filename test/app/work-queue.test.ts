// The App's queue, its gate coalescing, its delivery claims and its payload check, without a server: the order
// in which jobs start and what they see, never how long anything takes.
import { describe, expect, it } from '@jest/globals';
import { checkPayload } from '../../src/app/check-payload.js';
import { createMemoryClaims } from '../../src/app/claim-delivery.js';
import { createCoalescer } from '../../src/app/coalesce-runs.js';
import { renderMetrics } from '../../src/app/render-metrics.js';
import { createWorkQueue } from '../../src/app/work-queue.js';
import { examplePayload } from '../../support/webhook-examples.js';

/** A promise and the function that resolves it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('work queue', () => {
  it('runs jobs of one key one after another and jobs of other keys meanwhile', async () => {
    const queue = createWorkQueue({ concurrency: 4 });
    const log: string[] = [];
    const first = gate();
    const a1 = queue.run('a', async () => {
      log.push('a1 start');
      await first.promise;
      log.push('a1 end');
    });
    const a2 = queue.run('a', () => Promise.resolve(log.push('a2')));
    const b = queue.run('b', () => Promise.resolve(log.push('b')));
    await b;
    expect(log).toEqual(['a1 start', 'b']);
    expect(queue.stats()).toMatchObject({ queued: 1, running: 1 });
    first.open();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
    expect(queue.stats()).toMatchObject({ queued: 0, running: 0, completed: 3, failed: 0, wait: { count: 3 } });
  });

  it('runs at most `concurrency` jobs at once; a failed job frees its slot and its key', async () => {
    const queue = createWorkQueue({ concurrency: 1 });
    const log: string[] = [];
    const held = gate();
    const started = gate();
    const x = queue.run('x', async () => {
      started.open();
      await held.promise;
      throw new Error('x failed');
    });
    const y = queue.run('y', () => Promise.resolve(log.push('y')));
    const x2 = queue.run('x', () => Promise.resolve(log.push('x2')));
    await started.promise;
    expect(log).toEqual([]);
    expect(queue.stats().queued).toBe(2);
    held.open();
    await expect(x).rejects.toThrow('x failed');
    await Promise.all([y, x2]);
    expect(log).toEqual(['y', 'x2']);
    expect(queue.stats()).toMatchObject({ running: 0, completed: 2, failed: 1 });
  });

  it('idle() waits for tracked work, including jobs it queues later; idle(tag) only for work with that tag', async () => {
    const queue = createWorkQueue({ concurrency: 2 });
    const log: string[] = [];
    const slow = gate();
    queue.track(
      (async () => {
        await queue.run('k', () => Promise.resolve(log.push('one')));
        await queue.run('k', () => Promise.resolve(log.push('two')));
      })(),
      'acme/app',
    );
    queue.track(
      slow.promise.then(() => log.push('other')),
      'acme/other',
    );
    await queue.idle('acme/app');
    expect(log).toEqual(['one', 'two']);
    expect(queue.stats().inFlight).toBe(1);
    const all = queue.idle();
    slow.open();
    await all;
    expect(log).toEqual(['one', 'two', 'other']);
    expect(queue.stats().inFlight).toBe(0);
  });
});

describe('gate coalescing', () => {
  it('requests made while a run waits join it (the last one runs); while it runs, one more run, which later requests join', async () => {
    const queue = createWorkQueue({ concurrency: 4 });
    const gates = createCoalescer<string>(queue);
    const ran: string[] = [];
    const blocker = gate();
    // Something else on the commit's queue key holds it, so the first gate waits.
    const before = queue.run('acme/app@abc', () => blocker.promise);
    const requests = ['r1', 'r2', 'r3'].map((name) =>
      gates.submit('acme/app@abc pull #1', () => Promise.resolve(`${ran.push(name)}:${name}`), 'acme/app@abc'),
    );
    blocker.open();
    await before;
    // r1 started r3's run: r2 and r3 joined the waiting run, the last request's function ran.
    expect(await Promise.all(requests)).toEqual(['1:r3', '1:r3', '1:r3']);

    const running = gate();
    const started = gate();
    const first = gates.submit(
      'acme/app@abc pull #1',
      async () => {
        started.open();
        await running.promise;
        return `${ran.push('r4')}:r4`;
      },
      'acme/app@abc',
    );
    await started.promise;
    const later = ['r5', 'r6', 'r7'].map((name) =>
      gates.submit('acme/app@abc pull #1', () => Promise.resolve(`${ran.push(name)}:${name}`), 'acme/app@abc'),
    );
    running.open();
    expect(await first).toBe('2:r4');
    expect(await Promise.all(later)).toEqual(['3:r7', '3:r7', '3:r7']);
    expect(ran).toEqual(['r3', 'r4', 'r7']);
    expect(gates.stats()).toEqual({ runs: 3, joined: 4 });
  });
});

describe('delivery claims in memory', () => {
  it('the first claim of an id wins; a failure releases it for a redelivery; a success keeps it until it expires', async () => {
    let now = 0;
    const claims = createMemoryClaims({ runningTtlMs: 100, doneTtlMs: 1000 }, () => now);
    expect(await claims.claim('d1')).toBe(true);
    expect(await claims.claim('d1')).toBe(false);
    await claims.settle('d1', false);
    expect(await claims.claim('d1')).toBe(true);
    await claims.settle('d1', true);
    now = 999;
    expect(await claims.claim('d1')).toBe(false);
    now = 1000;
    expect(await claims.claim('d1')).toBe(true);
    // A claim whose work never settled (a replica that died) expires too.
    expect(await claims.claim('d2')).toBe(true);
    now = 1100;
    expect(await claims.claim('d2')).toBe(true);
  });
});

describe('payload check', () => {
  it('accepts the payloads GitHub sends and names each missing field of one that lacks them', () => {
    expect(checkPayload('issue_comment', examplePayload('issue_comment.created'))).toBeUndefined();
    expect(checkPayload('pull_request', examplePayload('pull_request.opened'))).toBeUndefined();
    expect(checkPayload('issues', { action: 'labeled', issue: { number: '12' } })).toBe(
      'The issues payload lacks what the App reads: repository: Invalid input: expected object, received undefined; issue.number: Invalid input: expected number, received string; sender: Invalid input: expected object, received undefined.',
    );
    expect(checkPayload('ping', {})).toBeUndefined();
  });
});

describe('metrics', () => {
  it('renders the queue, deliveries and gates in the Prometheus text format', () => {
    const text = renderMetrics({
      queue: {
        queued: 3,
        running: 2,
        inFlight: 4,
        completed: 10,
        failed: 1,
        wait: { lastMs: 250, maxMs: 1500, totalMs: 4000, count: 12 },
      },
      deliveries: { accepted: 12, duplicate: 5, own: 2, malformed: 1, failed: 1 },
      gate: { runs: 7, joined: 19 },
      claims: 'redis',
    });
    expect(text).toContain('# TYPE agent_os_queue_length gauge\nagent_os_queue_length 3\n');
    expect(text).toContain('agent_os_queue_wait_seconds_max 1.5\n');
    expect(text).toContain('agent_os_deliveries_duplicate_total 5\n');
    expect(text).toContain('agent_os_deliveries_own_total 2\n');
    expect(text).toContain('agent_os_gate_joined_total 19\n');
    expect(text.endsWith('agent_os_claims_shared 1\n')).toBe(true);
  });
});
