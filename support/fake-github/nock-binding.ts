import nock from 'nock';
import type { FakeGitHub } from './fake-github.js';

/** Answer every request to api.github.com from the fake (through nock, which sees Octokit's fetch). */
export function bindToNock(fake: FakeGitHub, origin = 'https://api.github.com'): nock.Scope {
  const scope = nock(origin).persist();
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    scope[method](/.*/).reply(function (uri, body) {
      const url = new URL(uri, origin);
      const parsed: unknown =
        typeof body === 'string' && body !== '' ? JSON.parse(body) : body === '' ? undefined : body;
      const response = fake.handle({
        method: method.toUpperCase(),
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: this.req.headers,
        body: parsed,
      });
      return [response.status, response.body ?? '', response.headers ?? {}];
    });
  }
  return scope;
}
