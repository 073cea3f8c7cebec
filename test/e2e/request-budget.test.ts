// GitHub requests per lifecycle operation, as upper bounds: the bench's lifecycle (the real App through Probot,
// real payload shapes, the fake GitHub answering with ETags and 304s like GitHub), each operation with the webhooks
// GitHub sends back for the App's own writes. A change that makes the App dearer on the rate limit fails here.
// Counts only, never timings (those are `npm run bench`'s).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { requestsPerOperation, type OperationResult } from '../../bench/requests-per-operation.js';

/**
 * Counted requests (all but 304s; installation tokens apart) each operation may make: its cascade, the counted
 * reads of the delivery itself, and its redelivery. docs/performance.md argues the lower bounds.
 */
const CEILINGS: Record<string, { cascade: number; reads: number; redelivery: number }> = {
  // The installation's first event pays the settings once: the root listing, and the owner's .github 404 (remembered).
  'settings (first event)': { cascade: 2, reads: 2, redelivery: 0 },
  // One recursive tree read lets the questions fit the repository (issue 13: its kind of project, files to reuse).
  'shape-spec': { cascade: 12, reads: 5, redelivery: 0 },
  'answer fold': { cascade: 9, reads: 4, redelivery: 0 },
  'write-spec': { cascade: 14, reads: 5, redelivery: 0 },
  // The gate of a spec's own pull request reads its spec.md once more to hold it to its trace (gate.traceability).
  'create-tasks': { cascade: 16, reads: 10, redelivery: 0 },
  // The checklist comment was just created (a race may have doubled it): listed once more.
  'gate (push)': { cascade: 5, reads: 3, redelivery: 0 },
  'comment tick': { cascade: 10, reads: 7, redelivery: 0 },
  'gate after the tick': { cascade: 1, reads: 1, redelivery: 0 },
  'orchestrate-tasks': { cascade: 22, reads: 7, redelivery: 0 },
  'sub-issue closed': { cascade: 13, reads: 9, redelivery: 0 },
  // A spec's pull request adds its tasks.md: its text comes from the file list's diff (checked by its blob SHA).
  'push, steady: ticks a task': { cascade: 3, reads: 1, redelivery: 0 },
  'push, steady: no task change': { cascade: 3, reads: 1, redelivery: 0 },
};

let results: OperationResult[];

beforeAll(async () => {
  results = (await requestsPerOperation()).operations;
}, 120_000);

describe('requests per operation (upper bounds)', () => {
  it('measures every operation, none of them throwing', () => {
    expect(results.map((r) => r.operation)).toEqual(Object.keys(CEILINGS));
    expect(
      results.flatMap((r) => [r.first.error, r.cascade.error, r.redelivery.error]).filter((e) => e !== undefined),
    ).toEqual([]);
  });

  it.each(Object.entries(CEILINGS))('%s stays within its counted requests', (operation, ceiling) => {
    const result = results.find((r) => r.operation === operation);
    expect(result?.cascade.requests).toBeLessThanOrEqual(ceiling.cascade);
    expect(result?.first.reads).toBeLessThanOrEqual(ceiling.reads);
    expect(result?.redelivery.requests).toBeLessThanOrEqual(ceiling.redelivery);
    // A redelivery writes nothing new.
    expect(result?.redelivery.writes).toBe(0);
  });

  it('gates a push in the steady state in 3 counted requests: the file list, the check run and the checklist', () => {
    const counted = (operation: string) =>
      results.find((r) => r.operation === operation)?.first.log.filter((line) => !line.endsWith('→ 304'));
    expect(counted('push, steady: ticks a task')).toEqual([
      // The ticked tasks.md is not read: the file list's diff of the file the spec's pull request adds holds it.
      'GET /pulls/13/files',
      'POST /check-runs',
      // The checklist comment the App remembers, edited by its id: no list of the comments.
      expect.stringMatching(/^PATCH \/issues\/comments\/\d+$/),
    ]);
    expect(counted('push, steady: no task change')).toEqual([
      'GET /pulls/13/files',
      'POST /check-runs',
      expect.stringMatching(/^PATCH \/issues\/comments\/\d+$/),
    ]);
  });

  it("reads the owner's missing .github settings once, not on every event", () => {
    const ownerReads = results
      .flatMap((r) => [...r.cascade.log, ...r.redelivery.log])
      .filter((line) => line.includes('/repos/acme/.github/'));
    expect(ownerReads).toEqual(['GET /repos/acme/.github/contents/.github/agent-os.yml → 404']);
  });

  it("answers the webhooks of the App's own writes without a request, once it has reported their head", () => {
    const shape = results.find((r) => r.operation === 'shape-spec');
    expect(shape?.cascade.deliveries).toBe(4);
    expect(shape?.cascade.requests).toBe(shape?.first.requests);
  });
});
