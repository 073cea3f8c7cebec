import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTasksCommand } from '../../src/cli/create-tasks-command.js';
import { shapeCommand } from '../../src/cli/shape-command.js';
import { writeSpecCommand } from '../../src/cli/write-spec-command.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
const ISSUE = [
  '# Team invites by email',
  '',
  '## Requirements',
  '- Owners can invite people by email',
  '- Each invite link expires after 7 days',
  '',
].join('\n');
const DRAFT = {
  goal: 'Owners invite teammates by email with links that expire.',
  user_stories: [],
  requirements: [
    {
      name: 'Invite by email',
      details: ['Owners send an invite from the Members page.'],
      requirements: [1],
      answers: [],
      issue_lines: [2],
      files: ['src/mail/send-invite.ts'],
    },
    {
      name: 'Expiring links',
      details: ['Links expire after 7 days.'],
      requirements: [2],
      answers: [],
      issue_lines: [3],
      files: [],
    },
  ],
  acceptance_criteria: [],
  visual_design: [],
  existing_code: [{ path: 'src/mail/send-invite.ts', symbol: 'sendInvite', reason: 'sends email', answers: [] }],
  out_of_scope: [],
};
const TASKS = {
  groups: [
    {
      title: 'Invites',
      depends_on: [],
      tasks: [
        { text: 'Send the invite', requirements: [1], files: [] },
        { text: 'Expire links', requirements: [2], files: [] },
      ],
      acceptance: [],
    },
  ],
};

let repo: string;
let server: ModelServer;
const env = () => ({ AGENT_OS_MODEL_URL: server.url, AGENT_OS_MODEL: 'local-model', AGENT_OS_MODEL_TOKEN: '' });

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'model-cli-'));
  await mkdir(join(repo, 'src/mail'), { recursive: true });
  await writeFile(join(repo, 'src/mail/send-invite.ts'), 'export function sendInvite() {}\n');
  await writeFile(join(repo, 'issue.md'), ISSUE);
  await shapeCommand('issue.md', { cwd: repo, date: '2026-03-14', force: false });
});

afterEach(async () => {
  await server.close();
  await rm(repo, { recursive: true, force: true });
});

describe('the CLI with a model', () => {
  it('write-spec and create-tasks draft with the model named in the environment, and say so', async () => {
    server = await startModelServer({ json: DRAFT, usage: { prompt: 700, completion: 200 } }, { json: TASKS });
    const spec = await writeSpecCommand(FOLDER, { cwd: repo, force: false, env: env() });
    expect(spec.stdout).toBe(
      `Wrote ${FOLDER}/spec.md\nDrafted by \`local-model\` and checked against the deterministic draft: 2/2 requirements of the issue carried, 1 cited path all present in the repository.\nModel \`local-model\`: 1 call, 700 prompt + 200 completion tokens.\n`,
    );
    expect(await readFile(join(repo, FOLDER, 'spec.md'), 'utf8')).toContain(
      '- `src/mail/send-invite.ts` (`sendInvite`): sends email',
    );
    expect(server.requests[0]?.body.messages?.[1]?.content).toContain('src/mail/send-invite.ts');
    expect(server.requests[0]?.body.messages?.[1]?.content).not.toContain(FOLDER);
    const tasks = await createTasksCommand(FOLDER, { cwd: repo, force: false, env: env() });
    expect(tasks.stdout).toContain('2/2 specific requirements with a task');
    expect(await readFile(join(repo, FOLDER, 'tasks.md'), 'utf8')).toContain(
      '- [ ] 1.3 Expire links (Specific Requirement 2)',
    );
  });

  it('--no-model never asks it; --model without one configured is bad input', async () => {
    server = await startModelServer();
    const spec = await writeSpecCommand(FOLDER, { cwd: repo, force: false, model: false, env: env() });
    expect(spec.stdout).toBe(`Wrote ${FOLDER}/spec.md\n`);
    expect(server.requests).toHaveLength(0);
    await expect(writeSpecCommand(FOLDER, { cwd: repo, force: true, model: true, env: {} })).rejects.toThrow(
      '--model needs a model: set AGENT_OS_MODEL',
    );
  });

  it('a second run with the same inputs does not call the model again', async () => {
    server = await startModelServer({ json: DRAFT });
    await writeSpecCommand(FOLDER, { cwd: repo, force: false, env: env() });
    const again = await writeSpecCommand(FOLDER, { cwd: repo, force: false, env: env() });
    expect(again.stdout).toBe(
      `${FOLDER}/spec.md is already up to date.\n\`spec.md\` already holds \`local-model\`'s draft for exactly these inputs, so the model was not asked again.\n`,
    );
    expect(server.requests).toHaveLength(1);
  });
});
