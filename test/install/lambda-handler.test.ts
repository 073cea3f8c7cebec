// The Lambda handler as AWS runs it: bundled with the command docs/deploy.md gives, copied alone into an empty
// folder (no node_modules), imported by a fresh Node process and called with API Gateway events carrying signed
// webhooks, against the in-memory GitHub served over HTTP (GitHub Enterprise style, under /api/v3).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeGitHub } from '../../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../../support/fake-github/http-binding.js';
import { labeledPayload } from '../../support/lifecycle-events.js';
import { runNode } from '../../support/run-node.js';
import { TEST_PRIVATE_KEY } from '../../support/test-probot.js';
import { documentedCommands } from './support/documented-commands.js';

const SECRET = 'lambda-webhook-secret';
const BUNDLE = 'lambda/index.mjs';

let folder: string;
let fake: FakeGitHub;
let github: FakeGitHubServer;

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

interface Result {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Import the bundle in a fresh Node process, as the Lambda runtime does, and call `handler` once per event. */
async function invoke(events: object[], env: Record<string, string>): Promise<Result[]> {
  const script = [
    "import { pathToFileURL } from 'node:url';",
    `const { handler } = await import(pathToFileURL(${JSON.stringify(join(folder, 'index.mjs'))}).href);`,
    'const results = [];',
    `for (const event of ${JSON.stringify(events)}) results.push(await handler(event));`,
    "process.stdout.write('\\nRESULTS ' + JSON.stringify(results));",
  ].join('\n');
  const { code, stdout, stderr } = await runNode(['--input-type=module', '-e', script], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', NO_PROXY: '127.0.0.1', LOG_LEVEL: 'fatal', ...env },
  });
  const marker = stdout.lastIndexOf('\nRESULTS ');
  if (code !== 0 || marker < 0) throw new Error(`the bundle failed (exit ${code}):\n${stderr}\n${stdout}`);
  return JSON.parse(stdout.slice(marker + '\nRESULTS '.length)) as Result[];
}

function configured(): Record<string, string> {
  const { host } = new URL(github.url);
  return { APP_ID: '123', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: SECRET, GHE_HOST: host, GHE_PROTOCOL: 'http' };
}

beforeAll(async () => {
  const commands = documentedCommands('docs/deploy.md', 'Bundle');
  const esbuild = commands.find((c) => c.startsWith('npx esbuild src/lambda/handler.ts'));
  if (esbuild === undefined)
    throw new Error(`docs/deploy.md's Bundle block has no esbuild command: ${commands.join(' / ')}`);
  expect(esbuild).toContain(`--outfile=${BUNDLE}`);
  await promisify(execFile)('sh', ['-c', esbuild]);
  folder = mkdtempSync(join(tmpdir(), 'agent-os-lambda-'));
  copyFileSync(BUNDLE, join(folder, 'index.mjs'));

  fake = new FakeGitHub();
  fake.addIssue({
    number: 12,
    title: 'Team invites by email',
    body: 'Owners invite people by email.\n\n- Each invite link expires after 7 days\n',
  });
  fake.permissions.set('mara', 'write');
  github = await serveFakeGitHub(fake, '/api/v3');
}, 60_000);

afterAll(async () => {
  await github.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the bundled Lambda handler', () => {
  it('runs shape-spec for a signed, base64-encoded REST API event and refuses what GitHub did not sign', async () => {
    const body = JSON.stringify(labeledPayload(fake, 12, 'shape-spec'));
    const restApi = {
      resource: '/api/github/webhooks',
      httpMethod: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-GitHub-Event': 'issues',
        'X-GitHub-Delivery': 'lambda-1',
        'X-Hub-Signature-256': sign(body),
      },
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
    };
    const httpApiForged = {
      version: '2.0',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': 'lambda-2',
        'x-hub-signature-256': sign(body, 'not-the-secret'),
      },
      body,
      isBase64Encoded: false,
    };
    const unsigned = { headers: { 'x-github-event': 'issues', 'x-github-delivery': 'lambda-3' }, body };

    const [forged, missing] = await invoke([httpApiForged, unsigned], configured());

    expect(forged?.statusCode).toBe(400);
    expect(JSON.parse(forged?.body ?? '')).toEqual({
      error: 'The signature (X-Hub-Signature-256) does not match the body and WEBHOOK_SECRET.',
    });
    expect(missing?.statusCode).toBe(400);
    expect(JSON.parse(missing?.body ?? '')).toEqual({
      error: 'Missing header x-hub-signature-256: is this request from a GitHub webhook?',
    });
    expect(fake.requests).toEqual([]);

    const [shaped] = await invoke([restApi], configured());

    expect(shaped).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });
    expect(fake.git.resolve('agent-os/12-team-invites-by-email')).toBeDefined();
    expect([...fake.issues.values()].filter((i) => i.pull_request).map((i) => i.pull_request?.head)).toEqual([
      'agent-os/12-team-invites-by-email',
    ]);
    expect(fake.comments.filter((c) => c.user.type === 'Bot').map((c) => c.issue)).toEqual([12]);
    expect(fake.invalidRequests).toEqual([]);
  }, 60_000);

  it('answers 500 naming the variables an incomplete environment lacks, and calls GitHub not at all', async () => {
    const before = fake.requests.length;
    const body = JSON.stringify(labeledPayload(fake, 12, 'shape-spec'));
    const event = {
      headers: { 'x-github-event': 'issues', 'x-github-delivery': 'lambda-4', 'x-hub-signature-256': sign(body) },
      body,
    };

    const [result] = await invoke([event], { APP_ID: '123' });

    expect(result?.statusCode).toBe(500);
    expect(JSON.parse(result?.body ?? '')).toEqual({
      error:
        'The function is not configured: set PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET in its environment (see docs/deploy.md).',
    });
    expect(fake.requests.length).toBe(before);
  }, 60_000);
});
