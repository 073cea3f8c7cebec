import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { run, type Server } from 'probot';
import agentOsApp from '../../src/app/index.js';
import { startLocalApi, type LocalApi, type RecordedRequest } from '../support/local-api-server.js';
import { TEST_PRIVATE_KEY } from '../../support/test-probot.js';
import { examplePayload, INSTALLATION_ID } from '../../support/webhook-examples.js';

const SECRET = 'e2e-webhook-secret';
const R = '/api/v3/repos/acme/app';
const HEAD = '5f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b';
const TASKS = 'agent-os/specs/2026-03-02-team-invites/tasks.md';

let api: LocalApi;
let server: Server;
let webhookUrl: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function post(event: string, payload: object, signature: string | undefined, id: string) {
  const body = JSON.stringify(payload);
  return fetch(webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': id,
      ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }),
    },
    body,
  });
}

/**
 * Waits until the App has made the request `predicate` finds (it answers the webhook first and works after), looking
 * again after each request the API answers. No deadline of its own: on a slow machine the work just takes longer,
 * and the test's timeout ends a wait that never comes.
 */
async function waitFor(predicate: () => RecordedRequest | undefined): Promise<RecordedRequest> {
  let found: RecordedRequest | undefined;
  await api.until(() => (found = predicate()) !== undefined);
  if (found === undefined) throw new Error('unreachable: until resolved without the request');
  return found;
}

beforeAll(async () => {
  api = await startLocalApi({
    [`POST /api/v3/app/installations/${INSTALLATION_ID}/access_tokens`]: () => ({
      status: 201,
      body: { token: 'ghs_e2e', expires_at: '2099-01-01T00:00:00Z', permissions: {} },
    }),
    // No .github/agent-os.yml, in the repository or the owner's .github repository: the defaults apply.
    // The App finds the repository's own configuration from its root listing (here: no .github folder).
    [`GET ${R}/contents`]: () => ({ body: [] }),
    [`GET ${R}/contents/.github/agent-os.yml`]: () => ({ status: 404, body: { message: 'Not Found' } }),
    ['GET /api/v3/repos/acme/.github/contents/.github/agent-os.yml']: () => ({
      status: 404,
      body: { message: 'Not Found' },
    }),
    [`GET ${R}/pulls/12`]: () => ({ body: { number: 12, head: { sha: HEAD }, body: 'Team invites', html_url: '' } }),
    [`GET ${R}/pulls/12/files`]: () => ({ body: [{ filename: TASKS, status: 'modified' }] }),
    [`GET ${R}/contents/${TASKS}`]: () => ({
      body: '# Tasks\n\n#### Task Group 1: Models\n- [x] 1.0 Models\n  - [x] 1.1 Tests\n  - [ ] 1.2 Migration\n',
    }),
    [`GET ${R}/commits/${HEAD}/check-runs`]: () => ({ body: { total_count: 0, check_runs: [] } }),
    [`POST ${R}/check-runs`]: () => ({ status: 201, body: { id: 1 } }),
    [`GET ${R}/issues/12/comments`]: () => ({ body: [] }),
    [`POST ${R}/issues/12/comments`]: () => ({
      status: 201,
      body: { id: 77, body: '', user: { login: 'agent-os[bot]', type: 'Bot' }, created_at: '2026-01-01T00:00:00Z' },
    }),
  });
  const port = await freePort();
  const { host } = new URL(api.url);
  // The same code path as `npm start` (probot run): configuration from the environment, GitHub Enterprise style.
  server = await run(agentOsApp, {
    env: {
      APP_ID: '123',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'fatal',
      NODE_ENV: 'test',
    },
  });
  webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
});

afterAll(async () => {
  await server.stop();
  await api.close();
});

describe('the App server, started like npm start, against a local GitHub Enterprise', () => {
  it('refuses a forged or missing signature and calls GitHub not at all', async () => {
    const payload = examplePayload('pull_request.opened');
    const forged = await post('pull_request', payload, sign(JSON.stringify(payload), 'wrong-secret'), 'forged-1');
    const missing = await post('pull_request', payload, undefined, 'unsigned-1');

    expect(forged.status).toBe(400);
    expect(missing.status).toBe(400);
    expect(api.requests).toEqual([]);
  });

  it('answers a signed pull_request webhook with the check run on the head commit', async () => {
    const payload = examplePayload('pull_request.opened', (p) => {
      p.number = 12;
      p.pull_request.number = 12;
      p.pull_request.head.sha = HEAD;
    });

    const response = await post('pull_request', payload, sign(JSON.stringify(payload)), 'signed-1');
    expect(response.status).toBe(200);

    const created = await waitFor(() => api.requests.find((r) => r.method === 'POST' && r.path === `${R}/check-runs`));
    expect(created.body).toMatchObject({
      name: 'Agent OS: tasks',
      head_sha: HEAD,
      conclusion: 'failure',
      output: { title: '1 of 3 tasks complete' },
    });
    expect(created.headers.authorization).toBe('token ghs_e2e');
    expect(api.unmatched).toEqual([]);
    // The checklist comment follows the check run in the same job.
    const checklist = await waitFor(() =>
      api.requests.find((r) => r.method === 'POST' && r.path === `${R}/issues/12/comments`),
    );
    expect((checklist.body as { body: string }).body).toContain('### Agent OS tasks: 1 of 3 required tasks complete');
  });

  it('answers a signed payload that lacks what the App reads with 400 and the reason (not 500, which GitHub would retry)', async () => {
    const before = api.requests.length;
    const payload = examplePayload('pull_request.opened') as { pull_request?: unknown };
    delete payload.pull_request;
    const response = await post('pull_request', payload, sign(JSON.stringify(payload)), 'malformed-1');

    expect(response.status).toBe(400);
    expect(JSON.parse(await response.text())).toEqual({
      error:
        'MalformedPayloadError: The pull_request payload lacks what the App reads: pull_request: Invalid input: expected object, received undefined.',
    });
    expect(api.requests.slice(before)).toEqual([]);
  });

  it('serves its queue and deliveries on GET /metrics in the Prometheus text format', async () => {
    const response = await fetch(new URL('/metrics', webhookUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    // The signed pull_request above was accepted, the malformed one refused; nothing waits now.
    expect(value('agent_os_deliveries_accepted_total')).toBe(1);
    expect(value('agent_os_deliveries_malformed_total')).toBe(1);
    expect(value('agent_os_queue_length')).toBe(0);
    expect(value('agent_os_gate_runs_total')).toBe(1);
    expect(text).toContain('# TYPE agent_os_queue_wait_seconds_max gauge');
  });
});
