import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shapeCommand } from '../../src/cli/shape-command.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { BODY, GOOD_QUESTIONS, TITLE } from '../model/questions-fixture.js';

const REQUIREMENTS = 'agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md';

let repo: string;
let server: ModelServer | undefined;
const env = () => ({ AGENT_OS_MODEL_URL: server?.url ?? '', AGENT_OS_MODEL: 'local-model', AGENT_OS_MODEL_TOKEN: '' });

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'shape-model-'));
  await writeFile(join(repo, 'issue.md'), `# ${TITLE}\n\n${BODY}\n`);
  await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'app', dependencies: { express: '^5.0.0' } }));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(repo, { recursive: true, force: true });
});

describe('agent-os-github shape-spec with a model', () => {
  it('asks the questions with the model through the App phase code, grounded in the folder stack, and says so', async () => {
    server = await startModelServer({ json: { questions: GOOD_QUESTIONS }, usage: { prompt: 400, completion: 300 } });
    const result = await shapeCommand('issue.md', { cwd: repo, date: '2026-03-14', force: false, env: env() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`1. Users and permissions: ${GOOD_QUESTIONS[0]?.text ?? ''}`);
    expect(result.stdout).toContain('Asked by `local-model`');
    expect(server.requests).toHaveLength(1);
    const prompt = server.requests[0]?.body.messages?.[1]?.content ?? '';
    expect(prompt).toContain('## Detected tech stack');
    expect(prompt).toContain('package.json');
    expect(await readFile(join(repo, REQUIREMENTS), 'utf8')).toContain(GOOD_QUESTIONS[1]?.text ?? 'missing');
  });

  it('--no-model asks by rules and never calls the model; --model without one configured is bad input', async () => {
    server = await startModelServer();
    const result = await shapeCommand('issue.md', {
      cwd: repo,
      date: '2026-03-14',
      force: false,
      model: false,
      env: env(),
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('local-model');
    expect(server.requests).toHaveLength(0);
    await expect(
      shapeCommand('issue.md', { cwd: repo, date: '2026-03-14', force: true, model: true, env: {} }),
    ).rejects.toThrow('--model needs a model: set AGENT_OS_MODEL');
  });
});
