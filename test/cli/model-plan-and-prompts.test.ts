import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orchestrateCommand } from '../../src/cli/orchestrate-command.js';
import { planProductCommand } from '../../src/cli/plan-product-command.js';
import { parseRoadmap } from '../../src/core/product/roadmap.js';
import { GOOD_PLAN, PRODUCT_BODY } from '../model/product-fixture.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const TASKS = [
  '# Task Breakdown: Team invites',
  '',
  '#### Task Group 1: Invites',
  '',
  '- [ ] 1.0 Complete invites',
  '  - [ ] 1.1 Send the invite',
  '',
].join('\n');
const GUIDANCE = {
  approach: [{ text: 'Reuse the mailer', tasks: ['1.0', '1.1'], files: ['src/mail/send-invite.ts'], requirements: [] }],
  reuse: [],
  watch_out: [],
};

let repo: string;
let server: ModelServer;
const env = () => ({ AGENT_OS_MODEL_URL: server.url, AGENT_OS_MODEL: 'local-model', AGENT_OS_MODEL_TOKEN: '' });

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'model-plan-cli-'));
  await mkdir(join(repo, 'src/calendar'), { recursive: true });
  await mkdir(join(repo, 'src/app'), { recursive: true });
  await mkdir(join(repo, 'src/mail'), { recursive: true });
  await writeFile(join(repo, 'src/calendar/google.ts'), 'export {};\n');
  await writeFile(join(repo, 'src/app/page.tsx'), 'export {};\n');
  await writeFile(join(repo, 'src/mail/send-invite.ts'), 'export function sendInvite() {}\n');
  await writeFile(join(repo, 'package.json'), JSON.stringify({ name: 'tandem', dependencies: { next: '15.1.0' } }));
  await writeFile(join(repo, 'PRODUCT.md'), `# Tandem\n\n${PRODUCT_BODY}\n`);
  await mkdir(join(repo, FOLDER), { recursive: true });
  await writeFile(join(repo, FOLDER, 'tasks.md'), TASKS);
});

afterEach(async () => {
  await server.close();
  await rm(repo, { recursive: true, force: true });
});

describe('the CLI with a model: plan-product and orchestrate-tasks', () => {
  it('plan-product drafts mission.md and roadmap.md in one call, then finds them cached', async () => {
    server = await startModelServer({ json: GOOD_PLAN, usage: { prompt: 900, completion: 300 } });
    const first = await planProductCommand({ cwd: repo, from: 'PRODUCT.md', force: false, env: env() });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('Wrote agent-os/product/roadmap.md (3 items)');
    expect(first.stdout).toContain('Drafted by `local-model` and checked against the deterministic plan: 6/6 items');
    expect(first.stdout).toContain('Model `local-model`: 1 call, 900 prompt + 300 completion tokens.');
    expect(server.requests[0]?.body.messages?.[1]?.content).toContain('- Framework: Next.js 15.1.0 (package.json)');
    expect(parseRoadmap(await readFile(join(repo, 'agent-os/product/roadmap.md'), 'utf8'))).toHaveLength(3);
    expect(await readFile(join(repo, 'agent-os/product/tech-stack.md'), 'utf8')).not.toContain('agent-os-github:');

    const again = await planProductCommand({ cwd: repo, from: 'PRODUCT.md', force: false, env: env() });
    expect(server.requests).toHaveLength(1);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Unchanged agent-os/product/mission.md');
  });

  it('plan-product --no-model asks no model; product files it did not draft are not replaced without --force, and no call is made', async () => {
    server = await startModelServer();
    const rules = await planProductCommand({ cwd: repo, from: 'PRODUCT.md', force: false, model: false, env: env() });
    expect(rules.exitCode).toBe(0);
    const kept = await planProductCommand({ cwd: repo, from: 'PRODUCT.md', force: false, env: env() });
    expect(server.requests).toHaveLength(0);
    expect(kept.exitCode).toBe(0);
    expect(kept.stdout).toContain('Unchanged agent-os/product/mission.md');
  });

  it('orchestrate-tasks adds the checked guidance to each prompt in one call a group, then reuses it', async () => {
    server = await startModelServer({ json: GUIDANCE });
    const first = await orchestrateCommand(FOLDER, { cwd: repo, env: env() });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain(
      '- Task Group 1: guidance by `local-model`: 2/2 tasks addressed, 1 cited path all present',
    );
    const prompt = await readFile(join(repo, FOLDER, 'implementation/prompts/1-invites.md'), 'utf8');
    expect(prompt).toContain('## Implement this task and its sub-tasks');
    expect(prompt).toContain('1. Reuse the mailer _(task 1.0; task 1.1; `src/mail/send-invite.ts`)_');
    const again = await orchestrateCommand(FOLDER, { cwd: repo, env: env() });
    expect(server.requests).toHaveLength(1);
    expect(again.stdout).toContain(`Unchanged ${FOLDER}/implementation/prompts/1-invites.md`);
    const rules = await orchestrateCommand(FOLDER, { cwd: repo, model: false, env: env() });
    expect(server.requests).toHaveLength(1);
    expect(rules.stdout).toContain(`Wrote ${FOLDER}/implementation/prompts/1-invites.md`);
    expect(await readFile(join(repo, FOLDER, 'implementation/prompts/1-invites.md'), 'utf8')).not.toContain(
      '## How to approach it',
    );
  });
});
