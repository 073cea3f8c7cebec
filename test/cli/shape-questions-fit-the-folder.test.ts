import { afterEach, beforeEach, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shapeCommand } from '../../src/cli/shape-command.js';

const ISSUE = [
  '# Team invites by email',
  '',
  '## Requirements',
  '- Owners can invite people by email',
  '- Each invite link expires after 7 days',
  '',
].join('\n');
const REQUIREMENTS = 'agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md';

let repo: string;

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'shape-cli-'));
  await writeFile(join(repo, 'issue.md'), ISSUE);
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

// The App's shape-spec fits its questions to the repository's tree; the CLI runs the same drafting on its folder.
it("shape-spec's reuse question names the folder's related files, as the App's names the repository's", async () => {
  const bare = await shapeCommand('issue.md', { cwd: repo, date: '2026-03-14', force: false });
  expect(bare.stdout).not.toContain('send-invite');

  await mkdir(join(repo, 'src/mail'), { recursive: true });
  await writeFile(join(repo, 'src/mail/send-invite.ts'), 'export function sendInvite() {}\n');
  const fitted = await shapeCommand('issue.md', { cwd: repo, date: '2026-03-14', force: true });
  expect(fitted.exitCode).toBe(0);
  const reuse = fitted.stdout.split('\n').find((line) => line.includes('src/mail/send-invite.ts'));
  expect(reuse).toBeDefined();
  expect(await readFile(join(repo, REQUIREMENTS), 'utf8')).toContain('src/mail/send-invite.ts');
});
