// GitHub's REST API as GitHub describes it (@octokit/openapi's api.github.com.json). The fake GitHub checks every
// request it receives against that description (support/fake-github/openapi-validation.ts): the route (method
// and path template), the path and query parameters and the JSON body; what GitHub would refuse is answered 400/404
// and recorded in `fake.invalidRequests`, a route the fake lacks answered 501 and recorded too, and the shared setup
// fails any test that leaves one behind. These helpers run the same check over a list of requests afterwards.
import type { FakeRequest } from '../../../support/fake-github/fake-github.js';
import {
  checkRequest,
  describeInvalidRequest,
  findOperation,
  operationCount,
} from '../../../support/fake-github/openapi-validation.js';

/** How many operations (method and path template) GitHub's REST description has. */
export function documentedRouteCount(): number {
  return operationCount();
}

/** Whether `METHOD /path` (path as sent, percent-decoded) is a route of GitHub's REST API. */
export function isDocumentedRoute(method: string, path: string): boolean {
  return findOperation(method, path) !== undefined;
}

/** The requests GitHub would refuse (unknown route, bad path or query parameter, body its schema does not allow), described. */
export function refusedRequests(requests: readonly FakeRequest[]): string[] {
  return requests.flatMap((request) => {
    const invalid = checkRequest(request);
    return invalid ? [describeInvalidRequest(invalid)] : [];
  });
}
