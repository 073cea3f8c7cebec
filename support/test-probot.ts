import crypto, { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import nock from 'nock';
import { createAgentOsApp, type AgentOsApp } from '../src/app/index.js';
import type { EmitterWebhookEventName } from '@octokit/webhooks';

type WebhookEventName = Extract<
  EmitterWebhookEventName,
  | 'pull_request'
  | 'check_run'
  | 'check_suite'
  | 'merge_group'
  | 'issues'
  | 'issue_comment'
  | 'installation'
  | 'installation_repositories'
>;
import { INSTALLATION_ID } from './webhook-examples.js';
// Every test that uses these helpers fails if a fake GitHub received a request GitHub would not accept.
import './fake-github/no-invalid-requests.js';

// Jest evaluates this module again for every test file; a 2048-bit key costs about 0.1 s of CPU to make. Core
// modules are shared by the whole worker, so the key hangs off `crypto` under a registered symbol: one per worker
// (or process), as support/fake-github/openapi-validation.ts keeps GitHub's REST description.
const KEY = Symbol.for('agent-os-github.test-probot.private-key');
const keyHolder = crypto as unknown as Record<symbol, string | undefined>;
const privateKey =
  keyHolder[KEY] ??
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
Object.defineProperty(keyHolder, KEY, { value: privateKey, enumerable: false, configurable: true });

export const TEST_PRIVATE_KEY = privateKey;

/** The App loaded into each test Probot: its queue tells `deliver` when a delivery's work is done. */
const apps = new WeakMap<Probot, AgentOsApp>();

/** The App loaded into a test Probot (its `idle()` and `metrics()`). */
export function appOf(probot: Probot): AgentOsApp {
  const loaded = apps.get(probot);
  if (loaded === undefined) throw new Error('not a Probot made by createTestProbot');
  return loaded;
}

/** A Probot with our app loaded, no retries or throttling (nock answers at once), logging only fatal errors. */
export async function createTestProbot(): Promise<Probot> {
  const probot = new Probot({
    appId: 123,
    privateKey,
    logLevel: 'fatal',
    // A function, so it applies after Probot's own defaults (which would otherwise turn throttling back on).
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object), enabled: false },
    })),
  });
  const loaded = createAgentOsApp();
  apps.set(probot, loaded);
  await probot.load(loaded.app);
  return probot;
}

/** The installation token exchange every event starts with. */
export function nockInstallationToken(): nock.Scope {
  return nock('https://api.github.com')
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: { checks: 'write' } });
}

/**
 * Deliver a webhook as GitHub would, through Probot's own event handling, and wait until the App's queue has done
 * its work (the App answers before that).
 */
export async function deliver(
  probot: Probot,
  name: WebhookEventName,
  payload: object,
  id = 'delivery-1',
): Promise<void> {
  await answer(probot, name, payload, id);
  await appOf(probot).idle();
}

/** Deliver a webhook and resolve as soon as the App has answered it (its work may still be queued or running). */
export async function answer(
  probot: Probot,
  name: WebhookEventName,
  payload: object,
  id = 'delivery-1',
): Promise<void> {
  await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
}

/**
 * What every event may also read or write besides what a test is about: no `.github/agent-os.yml` (in the
 * repository or the owner's `.github` repository), and the pull request's checklist comment. Optional, so tests
 * that assert exact requests are not affected.
 */
export function nockRepositoryDefaults(): nock.Scope {
  return (
    nock('https://api.github.com')
      .persist()
      // The App finds the repository's configuration from the root listing (an empty one: no `.github` folder).
      .get('/repos/acme/app/contents')
      .optionally()
      .reply(200, [])
      .get('/repos/acme/app/contents/.github%2Fagent-os.yml')
      .optionally()
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/.github/contents/.github%2Fagent-os.yml')
      .optionally()
      .reply(404, { message: 'Not Found' })
      .get(/\/repos\/acme\/app\/issues\/\d+\/comments/)
      .optionally()
      .reply(200, [])
      .post(/\/repos\/acme\/app\/issues\/\d+\/comments/)
      .optionally()
      .reply(201, {
        id: 1,
        body: '',
        user: { login: 'agent-os[bot]', type: 'Bot' },
        created_at: '2026-01-01T00:00:00Z',
      })
  );
}
