// Imported for its effect: under Jest, after every test of the importing test file, fail the test if any fake
// GitHub received a request that GitHub's REST description does not allow, or that the fake has no route for (see
// support/fake-github/openapi-validation.ts). Imported by the shared setup helpers (test-probot.ts, and so the
// App and end-to-end suites) and by the Action suite. Outside Jest (the benchmarks import the same helpers) it does
// nothing: it uses Jest's injected global `afterEach` rather than importing @jest/globals, which throws there.
import { assertNoInvalidRequests } from './openapi-validation.js';

const afterEachTest = (globalThis as { afterEach?: (hook: () => void) => void }).afterEach;
if (typeof afterEachTest === 'function') {
  afterEachTest(() => {
    assertNoInvalidRequests();
  });
}
