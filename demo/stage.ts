// The stage: the fake GitHub served over HTTP as GitHub Enterprise (`/api/v3`), and the real App server started
// the way `npm start` starts it (Probot's `run`, configured from the environment), receiving signed webhooks.
import { createHmac, generateKeyPair } from 'node:crypto';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ProbotOctokit, run } from 'probot';
import { createAgentOsApp } from '../src/app/index.js';
import { FakeGitHub, type FakeRequest, type FakeResponse } from '../support/fake-github/fake-github.js';
import { serveFakeGitHub } from '../support/fake-github/http-binding.js';
import type { Delivery } from './payloads.js';

export interface Exchange {
  request: FakeRequest;
  response: FakeResponse;
}

/** The fake GitHub, keeping each request together with the answer it got. */
export class RecordingGitHub extends FakeGitHub {
  readonly exchanges: Exchange[] = [];

  override handle(request: FakeRequest): FakeResponse {
    const response = super.handle(request);
    this.exchanges.push({ request, response });
    return response;
  }
}

export interface Stage {
  /** `http://127.0.0.1:PORT/api/v3`. */
  apiUrl: string;
  webhookUrl: string;
  /** Sign and POST a webhook as GitHub does; resolves when the App has answered (it answers once it is done). */
  deliver: (delivery: Delivery) => Promise<{ status: number; ms: number }>;
  close: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

async function newPrivateKey(): Promise<string> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      },
      (error, _publicKey, privateKey) => {
        if (error) reject(error);
        else resolve(privateKey);
      },
    );
  });
}

export async function startStage(fake: FakeGitHub): Promise<Stage> {
  const secret = `demo-${String(Date.now())}`;
  const [api, privateKey, port] = await Promise.all([serveFakeGitHub(fake, '/api/v3'), newPrivateKey(), freePort()]);
  const { host } = new URL(api.url);
  let server: Awaited<ReturnType<typeof run>>;
  const app = createAgentOsApp();
  try {
    server = await run(app.app, {
      env: {
        APP_ID: '123',
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: secret,
        PORT: String(port),
        HOST: '127.0.0.1',
        GHE_HOST: host,
        GHE_PROTOCOL: 'http',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      },
      // Probot's Octokit, with one change: its pacing of one write per second (GitHub's advice for github.com's
      // secondary rate limits) is off, as the local GitHub has none. A function, so it applies after Probot's defaults.
      Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
        ...options,
        throttle: { ...(options.throttle as object), enabled: false },
      })),
    });
  } catch (error) {
    await api.close();
    throw error;
  }
  const webhookUrl = `http://127.0.0.1:${String(port)}/api/github/webhooks`;
  let deliveries = 0;

  const deliver = async (delivery: Delivery) => {
    deliveries += 1;
    const body = JSON.stringify(delivery.payload);
    const started = performance.now();
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/demo',
        'x-github-event': delivery.event,
        'x-github-delivery': `00000000-0000-4000-8000-${String(deliveries).padStart(12, '0')}`,
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      body,
    });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    // The App answers first and works after: the delivery is done once its queue is idle.
    await app.idle();
    return { status: response.status, ms };
  };

  return {
    apiUrl: api.url,
    webhookUrl,
    deliver,
    close: async () => {
      await server.stop();
      await api.close();
    },
  };
}
