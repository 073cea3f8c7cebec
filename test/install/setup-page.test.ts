// Registering the App as a newcomer does (README, "Install the App on an organisation"): the server started with no
// APP_ID serves Probot's setup page; the browser posts the form on it to GitHub. Here the page is read with an HTML
// parser as a browser reads it, and the manifest it would post must be whole JSON that asks for what the code uses.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { HANDLED_EVENTS } from '../../src/app/index.js';
import { startFakeSmee, type FakeSmee } from './support/fake-smee.js';
import { startProbotProcess, type ProbotProcess } from './support/probot-process.js';
import { readSubmittedForm, type SubmittedForm } from './support/read-form.js';

interface Manifest {
  name: string;
  description: string;
  url: string;
  public: boolean;
  hook_attributes: { url: string };
  redirect_url: string;
  default_events: string[];
  default_permissions: Record<string, string>;
}

const appYml = parse(readFileSync('app.yml', 'utf8')) as Manifest;

/** The setup page as a browser gets it: `/` redirects to `/probot`. */
async function registerForm(server: ProbotProcess): Promise<SubmittedForm> {
  const response = await fetch(`${server.url}/`);
  expect(response.url).toBe(`${server.url}/probot`);
  expect(response.status).toBe(200);
  return readSubmittedForm(await response.text());
}

/** The manifest the form posts, as GitHub would read it: whole JSON or a failure naming what arrived. */
function postedManifest(form: SubmittedForm): Manifest {
  const text = form.fields.manifest ?? '';
  try {
    return JSON.parse(text) as Manifest;
  } catch {
    throw new Error(`the setup page would post a manifest that is not JSON (GitHub refuses it):\n${text}`);
  }
}

describe('the setup page of a server started with no APP_ID', () => {
  let server: ProbotProcess;
  beforeAll(async () => {
    // NO_SMEE_SETUP: offline, Probot must not ask smee.io for a channel (webhook-proxy.test.ts covers the proxy).
    server = await startProbotProcess({ NO_SMEE_SETUP: 'true' });
  }, 60_000);
  afterAll(() => server.stop());

  it('posts the whole manifest from app.yml to the personal settings of whoever clicks', async () => {
    const form = await registerForm(server);
    const manifest = postedManifest(form);

    expect(form).toMatchObject({ action: 'https://github.com/settings/apps/new', method: 'post' });
    expect(manifest).toMatchObject({
      name: appYml.name,
      description: appYml.description,
      url: appYml.url,
      public: false,
      redirect_url: `${server.url}/probot/setup`,
    });
    expect(manifest.description).toMatch(/task list of the spec\.$/);
  });

  it('subscribes to every event the App handles, with the least permissions the lifecycle needs', async () => {
    const manifest = postedManifest(await registerForm(server));

    const handled = [...new Set(HANDLED_EVENTS.map((event) => event.split('.')[0]))].sort();
    expect([...manifest.default_events].sort()).toEqual(handled);
    expect(manifest.default_permissions).toEqual({
      checks: 'write',
      contents: 'write',
      issues: 'write',
      pull_requests: 'write',
      metadata: 'read',
      merge_queues: 'read',
    });
  });
});

describe('registering for an organisation, with webhooks through a smee.io channel (GH_ORG, WEBHOOK_PROXY_URL)', () => {
  let server: ProbotProcess;
  let smee: FakeSmee;
  beforeAll(async () => {
    // A channel on 127.0.0.1 stands in for smee.io: Probot connects to it even in setup mode.
    smee = await startFakeSmee();
    server = await startProbotProcess({ GH_ORG: 'acme-corp', WEBHOOK_PROXY_URL: smee.url });
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await smee.close();
  });

  it('posts to the organisation settings, so the organisation owns the App and can install it', async () => {
    const form = await registerForm(server);

    expect(form.action).toBe('https://github.com/organizations/acme-corp/settings/apps/new');
    expect(postedManifest(form).public).toBe(false);
  });

  it('gives GitHub the channel as the webhook URL (GitHub refuses localhost)', async () => {
    const manifest = postedManifest(await registerForm(server));

    expect(manifest.hook_attributes).toEqual({ url: smee.url });
  });
});
