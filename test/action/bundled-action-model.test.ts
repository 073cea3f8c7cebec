import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../../support/fake-github/http-binding.js';
import { commentPayload, labeledPayload } from '../../support/lifecycle-events.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runNode } from '../../support/run-node.js';
import '../../support/fake-github/no-invalid-requests.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const SPEC = 'agent-os/specs/2026-03-14-team-invites-by-email/spec.md';
const DRAFT = {
  goal: 'Admins invite teammates by email.',
  // The floor makes answer 1 a requirement of its own (2: who may invite); this one covers both.
  requirements: [
    {
      name: 'Invite by email',
      details: ['Only admins see the Invite button.'],
      requirements: [1, 2],
      answers: [1],
      issue_lines: [2],
      files: ['src/mail/send.ts'],
    },
  ],
  existing_code: [{ path: 'src/mail/send.ts', symbol: 'send', reason: 'sends email' }],
};

let fake: FakeGitHub;
let server: FakeGitHubServer;
let model: ModelServer;
let workdir: string;

beforeEach(async () => {
  fake = new FakeGitHub();
  fake.git.commitOnBranch('main', (files) => files.set('src/mail/send.ts', 'export function send() {}\n'), 'Code');
  fake.addIssue({
    number: 12,
    title: 'Team invites by email',
    body: '## Requirements\n- Admins invite by email\n',
    user: MARA,
  });
  fake.permissions.set('mara', 'write');
  server = await serveFakeGitHub(fake);
  workdir = await mkdtemp(join(tmpdir(), 'agent-os-action-model-'));
});

afterEach(async () => {
  await server.close();
  await model.close();
  await rm(workdir, { recursive: true, force: true });
});

async function runAction(eventName: string, payload: object, runId: string, inputs: Record<string, string>) {
  const eventPath = join(workdir, 'event.json');
  const outputPath = join(workdir, `output-${runId}`);
  await writeFile(eventPath, JSON.stringify(payload));
  await writeFile(outputPath, '');
  const result = await runNode(['dist/index.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: runId,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: join(workdir, 'summary.md'),
      'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
      // The fake GitHub has no rate limits: no pacing of writes (docs/action.md, "Pacing of writes").
      AGENT_OS_WRITE_PACING_MS: '0',
      AGENT_OS_MODEL_URL: model.url,
      ...inputs,
    },
  });
  return result;
}

describe('the bundled Action with a model', () => {
  it('drafts spec.md with the model named by the `model` input, using the workflow token when `model-token` is empty', async () => {
    model = await startModelServer({ json: DRAFT });
    fake.issues.get(12)?.labels.push('shape-spec');
    await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '201', {});
    const answer = fake.addComment(12, '1. Admins only, never members.', MARA);
    await runAction('issue_comment', commentPayload(fake, 12, answer), '202', {});
    const command = fake.addComment(12, '/write-spec', MARA);
    const result = await runAction('issue_comment', commentPayload(fake, 12, command), '203', {
      INPUT_MODEL: 'openai/gpt-4.1-mini',
      'INPUT_MODEL-TOKEN': '',
    });
    expect(result.code).toBe(0);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]?.headers.authorization).toBe('Bearer ghs_workflowtoken');
    expect(model.requests[0]?.body.model).toBe('openai/gpt-4.1-mini');
    expect(fake.git.filesAt(BRANCH)?.get(SPEC)).toContain('- `src/mail/send.ts` (`send`): sends email');
    expect(fake.comments.at(-1)?.body).toContain(
      'Drafted by `openai/gpt-4.1-mini` and checked against the deterministic draft',
    );
  });

  it('does not load or call a model when the `model` input is empty', async () => {
    model = await startModelServer();
    fake.issues.get(12)?.labels.push('shape-spec');
    await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '301', {});
    const command = fake.addComment(12, '/write-spec', MARA);
    await runAction('issue_comment', commentPayload(fake, 12, command), '302', { INPUT_MODEL: '' });
    expect(model.requests).toHaveLength(0);
    expect(fake.git.filesAt(BRANCH)?.get(SPEC)).toContain('- Admins invite by email');
  });
});
