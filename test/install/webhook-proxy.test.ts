// Development with webhooks on a laptop (README, "Install the App on an organisation"): GitHub cannot reach
// localhost, so the App's webhook URL is a smee.io channel and the server, started with WEBHOOK_PROXY_URL, relays
// what arrives there to itself. smee-client is a dev dependency: Probot imports it from node_modules (without it,
// Probot only warns "Run `npm install --save-dev smee-client`" and no webhook ever arrives).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { run, type Server } from 'probot';
import agentOsApp from '../../src/app/index.js';
import { FakeGitHub } from '../../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../../support/fake-github/http-binding.js';
import { labeledPayload } from '../../support/lifecycle-events.js';
import { TEST_PRIVATE_KEY } from '../../support/test-probot.js';
import { startFakeSmee, type FakeSmee } from './support/fake-smee.js';
import { freePort } from './support/free-port.js';

const SECRET = 'dev-webhook-secret';

let fake: FakeGitHub;
let github: FakeGitHubServer;
let smee: FakeSmee;
let server: Server;

beforeAll(async () => {
  fake = new FakeGitHub();
  fake.addIssue({
    number: 12,
    title: 'Team invites by email',
    body: 'Owners invite people by email.\n\n- Each invite link expires after 7 days\n',
  });
  fake.permissions.set('mara', 'write');
  github = await serveFakeGitHub(fake, '/api/v3');
  smee = await startFakeSmee();
  // What `npm start` does with the .env that setup mode wrote (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, WEBHOOK_PROXY_URL).
  server = await run(agentOsApp, {
    env: {
      APP_ID: '123',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PROXY_URL: smee.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      GHE_HOST: new URL(github.url).host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'fatal',
      NODE_ENV: 'test',
    },
  });
  await smee.connected();
}, 60_000);

afterAll(async () => {
  await server.stop();
  await smee.close();
  await github.close();
});

describe('a server started with WEBHOOK_PROXY_URL', () => {
  it('receives a delivery relayed by the channel and runs shape-spec on it', async () => {
    const body = JSON.stringify(labeledPayload(fake, 12, 'shape-spec'));
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

    smee.relay(
      {
        'x-github-event': 'issues',
        'x-github-delivery': 'smee-1',
        'x-hub-signature-256': signature,
        'content-type': 'application/json',
      },
      body,
    );
    await github.until(() => fake.comments.some((c) => c.user.type === 'Bot'));

    expect(fake.git.resolve('agent-os/12-team-invites-by-email')).toBeDefined();
    expect(fake.comments.filter((c) => c.user.type === 'Bot').map((c) => c.issue)).toEqual([12]);
    expect(fake.invalidRequests).toEqual([]);
  }, 60_000);
});
