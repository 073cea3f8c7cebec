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
  // One recursive tree read lets the questions fit the repository (issue 13: its kind of project, files to reuse).
  'shape-spec': { cascade: 14, reads: 7, redelivery: 6 },
  'answer fold': { cascade: 12, reads: 6, redelivery: 3 },
  'write-spec': { cascade: 16, reads: 6, redelivery: 2 },
  // The gate of a spec's own pull request reads its spec.md once more to hold it to its trace (gate.traceability).
  'create-tasks': { cascade: 17, reads: 11, redelivery: 2 },
  'gate (push)': { cascade: 6, reads: 4, redelivery: 3 },
  'comment tick': { cascade: 11, reads: 8, redelivery: 5 },
  'gate after the tick': { cascade: 3, reads: 3, redelivery: 1 },
  'orchestrate-tasks': { cascade: 29, reads: 12, redelivery: 2 },
  'sub-issue closed': { cascade: 14, reads: 10, redelivery: 2 },
};

let results: OperationResult[];

beforeAll(async () => {
  results = (await requestsPerOperation()).operations;
}, 120_000);

describe('requests per operation (upper bounds)', () => {
  it('measures every operation, none of them throwing', () => {
    expect(results.map((r) => r.operation)).toEqual(Object.keys(CEILINGS));
    expect(results.flatMap((r) => [r.first.error, r.cascade.error, r.redelivery.error]).filter((e) => e !== undefined)).toEqual([]);
  });

  it.each(Object.entries(CEILINGS))('%s stays within its counted requests', (operation, ceiling) => {
    const result = results.find((r) => r.operation === operation);
    expect(result?.cascade.requests).toBeLessThanOrEqual(ceiling.cascade);
    expect(result?.first.reads).toBeLessThanOrEqual(ceiling.reads);
    expect(result?.redelivery.requests).toBeLessThanOrEqual(ceiling.redelivery);
    // A redelivery writes nothing new.
    expect(result?.redelivery.writes).toBe(0);
  });

  it('gates a push in 3 counted reads, and the comments list when the last gate edited the checklist', () => {
    const push = results.find((r) => r.operation === 'gate (push)');
    expect(push?.first.log.filter((line) => line.startsWith('GET') && !line.endsWith('→ 304'))).toEqual([
      'GET /repos/acme/.github/contents/.github/agent-os.yml → 404',
      'GET /pulls/13/files',
      expect.stringMatching(/^GET \/git\/blobs\/[0-9a-f]{40}$/),
      // The App's own edit of its checklist comment changed the list's ETag since it was last read.
      'GET /issues/13/comments',
    ]);
  });

  it("answers the webhooks of the App's own writes without a request, once it has reported their head", () => {
    const shape = results.find((r) => r.operation === 'shape-spec');
    expect(shape?.cascade.deliveries).toBe(4);
    expect(shape?.cascade.requests).toBe(shape?.first.requests);
  });
});
