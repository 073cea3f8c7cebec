// The fake GitHub checks every request against GitHub's REST description (@octokit/openapi): these tests pin what
// it accepts, what it refuses, and that a refused request is both answered loudly and recorded.
import { describe, expect, it } from '@jest/globals';
import { FakeGitHub, type FakeRequest } from '../../../support/fake-github/fake-github.js';
import {
  assertNoInvalidRequests,
  checkRequest,
  findOperation,
  takeInvalidRequests,
} from '../../../support/fake-github/openapi-validation.js';
import '../../../support/fake-github/no-invalid-requests.js';

function request(method: string, path: string, body?: unknown, query = ''): FakeRequest {
  return { method, path, query: new URLSearchParams(query), headers: {}, body };
}

describe("matching a request to an operation of GitHub's REST API", () => {
  it.each([
    ['GET', '/repos/acme/app/issues/12', 'issues/get'],
    ['GET', '/repos/acme/app/contents/.github/agent-os.yml', 'repos/get-content'],
    ['GET', '/repos/acme/app/contents/', 'repos/get-content'],
    ['GET', '/repos/acme/app/git/matching-refs/heads/agent-os/12-team-invites', 'git/list-matching-refs'],
    ['GET', '/repos/acme/app/branches/agent-os/12-team-invites', 'repos/get-branch'],
    ['GET', '/repos/acme/app/branches/main/protection', 'repos/get-branch-protection'],
    ['DELETE', '/repos/acme/app/issues/12/labels/agent-os: shaping', 'issues/remove-label'],
    ['GET', '/repos/acme/app/commits/0123abc/check-runs', 'checks/list-for-ref'],
    ['POST', '/app/installations/1/access_tokens', 'apps/create-installation-access-token'],
    ['GET', '/repos/acme/.github/contents/.github/agent-os.yml', 'repos/get-content'],
  ])('%s %s is %s', (method, path, operationId) => {
    expect(findOperation(method, path)?.operationId).toBe(operationId);
  });

  it('knows no route GitHub does not have', () => {
    expect(findOperation('GET', '/repos/acme/app/nope')).toBeUndefined();
    expect(findOperation('PATCH', '/repos/acme/app/issues/12/comments')).toBeUndefined();
  });
});

describe('checking a request', () => {
  it('accepts what GitHub accepts', () => {
    expect(
      checkRequest(request('GET', '/repos/acme/app/pulls', undefined, 'head=acme:agent-os/12&state=open&per_page=100')),
    ).toBeUndefined();
    expect(
      checkRequest(
        request('POST', '/repos/acme/app/check-runs', {
          name: 'Agent OS: tasks',
          head_sha: 'abc',
          status: 'completed',
          conclusion: 'success',
          output: { title: 't', summary: 's' },
        }),
      ),
    ).toBeUndefined();
    expect(checkRequest(request('POST', '/app/installations/1/access_tokens'))).toBeUndefined();
  });

  it('refuses path parameters, query parameters and bodies that break the description, naming the operation', () => {
    expect(checkRequest(request('GET', '/repos/acme/app/issues/twelve'))).toMatchObject({
      kind: 'invalid',
      operation: 'issues/get (GET /repos/{owner}/{repo}/issues/{issue_number})',
      problems: ['path.issue_number must be integer'],
    });
    expect(checkRequest(request('GET', '/repos/acme/app/pulls', undefined, 'state=merged'))?.problems).toEqual([
      'query.state must be equal to one of the allowed values (["open","closed","all"])',
    ]);
    expect(checkRequest(request('GET', '/repos/acme/app/pulls', undefined, 'colour=red'))?.problems).toEqual([
      'query must NOT have additional properties (colour)',
    ]);
    expect(
      checkRequest(request('POST', '/repos/acme/app/check-runs', { name: 'x', head_sha: 'abc', status: 'done' }))
        ?.problems,
    ).toEqual(['body.status must be equal to one of the allowed values (["queued","in_progress","completed"])']);
    expect(checkRequest(request('POST', '/repos/acme/app/issues/12/comments', {}))?.problems).toEqual([
      "body must have required property 'body'",
    ]);
    expect(
      checkRequest(request('POST', '/repos/acme/app/issues/12/comments', { body: 'hi', draft: true }))?.problems,
    ).toEqual(['body.draft is not a field of this operation (GitHub ignores it)']);
    expect(checkRequest(request('DELETE', '/repos/acme/app/issues/comments/5', { body: 'x' }))?.problems).toEqual([
      'body given, but issues/delete-comment takes no JSON body',
    ]);
  });
});

describe('the fake GitHub', () => {
  it('answers a refused request loudly and records it; an unknown route, or a real one it lacks, 404', () => {
    const fake = new FakeGitHub();
    fake.addIssue({ number: 12, title: 'Invites', body: 'By email.' });
    expect(fake.handle(request('POST', '/repos/acme/app/issues/12/comments', { text: 'hi' }))).toMatchObject({
      status: 400,
      body: {
        message: expect.stringContaining('issues/create-comment') as unknown,
        errors: [
          "body must have required property 'body'",
          'body.text is not a field of this operation (GitHub ignores it)',
        ],
      },
    });
    expect(fake.handle(request('GET', '/repos/acme/app/nope')).status).toBe(404);
    expect(fake.handle(request('GET', '/repos/acme/app/releases'))).toMatchObject({
      status: 404,
      body: { message: expect.stringContaining('does not implement repos/list-releases') as unknown },
    });
    expect(fake.handle(request('POST', '/repos/acme/app/issues/12/comments', { body: 'hi' })).status).toBe(201);
    expect(fake.invalidRequests.map((r) => [r.kind, r.method, r.path])).toEqual([
      ['invalid', 'POST', '/repos/acme/app/issues/12/comments'],
      ['unknown-route', 'GET', '/repos/acme/app/nope'],
      ['unimplemented', 'GET', '/repos/acme/app/releases'],
    ]);
    const taken = takeInvalidRequests();
    expect(taken).toHaveLength(3);
    expect(() => {
      assertNoInvalidRequests(taken);
    }).toThrow(
      /3 request\(s\)[\s\S]*GET \/repos\/acme\/app\/releases: the fake GitHub does not implement repos\/list-releases/,
    );
    assertNoInvalidRequests();
  });
});

describe("the fake GitHub's answers", () => {
  it("have every field GitHub always sends, from the description; the fake's own values stay", () => {
    const fake = new FakeGitHub();
    fake.addIssue({
      number: 12,
      title: 'Invites',
      body: 'By email.',
      labels: ['bug'],
      user: { login: 'mara', type: 'User' },
    });
    const issue = fake.handle(request('GET', '/repos/acme/app/issues/12')).body as Record<string, unknown>;
    expect(issue).toMatchObject({
      number: 12,
      title: 'Invites',
      body: 'By email.',
      state: 'open',
      assignee: null,
      milestone: null,
      closed_at: null,
      locked: false,
    });
    expect(issue).not.toHaveProperty('pull_request');
    expect(issue.user).toMatchObject({
      login: 'mara',
      type: 'User',
      site_admin: false,
      node_id: expect.any(String) as unknown,
    });
    // The description requires no field of an issue's label: the fake's stands as it is.
    expect(issue.labels).toEqual([{ name: 'bug' }]);
    expect(issue.url).toMatch(/^https:\/\/api\.github\.com\/repos\/acme\/app\/issues\/\d+$/);
    const comment = fake.handle(request('POST', '/repos/acme/app/issues/12/comments', { body: 'hi' })).body as Record<
      string,
      unknown
    >;
    expect(comment).toMatchObject({
      body: 'hi',
      user: { login: 'agent-os[bot]', type: 'Bot' },
      issue_url: expect.stringContaining('/repos/acme/app/issues/') as unknown,
    });
    const run = fake.handle(
      request('POST', '/repos/acme/app/check-runs', { name: 'c', head_sha: 'abc', status: 'in_progress' }),
    ).body as Record<string, unknown>;
    expect(run).toMatchObject({
      name: 'c',
      status: 'in_progress',
      conclusion: null,
      pull_requests: [],
      output: { annotations_count: 0 },
    });
    // The fake keeps a check run's annotations; GitHub does not send them back.
    expect(run.output).not.toHaveProperty('annotations');
    expect(run.url).toMatch(/^https:\/\/api\.github\.com\/repos\/acme\/app\/check-runs\/\d+$/);
    expect(fake.invalidRequests).toEqual([]);
  });

  it('are checked against the response schema: a field of the wrong type is recorded', () => {
    const fake = new FakeGitHub();
    fake.addIssue({ number: 12, title: 'Invites', body: 'By email.' });
    (fake.issues.get(12) as unknown as { state: unknown }).state = 7;
    fake.handle(request('GET', '/repos/acme/app/issues/12'));
    expect(takeInvalidRequests().map((r) => [r.kind, r.operation])).toEqual([
      ['response', 'issues/get (GET /repos/{owner}/{repo}/issues/{issue_number})'],
    ]);
  });
});
