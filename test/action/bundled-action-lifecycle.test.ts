import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { serveFakeGitHub, type FakeGitHubServer } from '../../support/fake-github/http-binding.js';
import { commentPayload, labeledPayload } from '../../support/lifecycle-events.js';
import { runNode } from '../../support/run-node.js';
// Fail any test whose fake GitHub received a request GitHub would not accept.
import '../../support/fake-github/no-invalid-requests.js';
import { parseActionOutputs } from '../support/parse-action-outputs.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const SPEC = 'agent-os/specs/2026-03-14-team-invites-by-email/spec.md';

let fake: FakeGitHub;
let server: FakeGitHubServer;
let workdir: string;

beforeEach(async () => {
  fake = new FakeGitHub();
  fake.addIssue({
    number: 12,
    title: 'Team invites by email',
    body: '## Requirements\n- Admins invite by email\n',
    user: MARA,
  });
  fake.permissions.set('mara', 'write');
  fake.permissions.set('visitor', 'read');
  server = await serveFakeGitHub(fake);
  workdir = await mkdtemp(join(tmpdir(), 'agent-os-action-'));
});

afterEach(async () => {
  await server.close();
  await rm(workdir, { recursive: true, force: true });
});

/** Run `node dist/index.js` as a runner does for one workflow run, and read back its outputs. */
async function runAction(eventName: string, payload: object, runId: string) {
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
    },
  });
  const outputs = parseActionOutputs(await readFile(outputPath, 'utf8'));
  return { ...result, outputs };
}

const ours = () => fake.comments.filter((c) => c.user.type === 'Bot');

describe('the bundled Action on issues and issue_comment events', () => {
  it('shapes a labelled issue, folds answers and writes the spec, with the same results as the App', async () => {
    fake.issues.get(12)?.labels.push('shape-spec');
    const shaped = await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '101');
    expect(shaped.code).toBe(0);
    expect(shaped.outputs).toEqual({ phase: 'shape-spec', status: 'shaped' });
    expect([...fake.git.refs.keys()]).toContain(`heads/${BRANCH}`);
    expect(ours()[0]?.body.split('\n', 1)[0]).toBe('<!-- agent-os-github:questions event=run-101 -->');
    expect(fake.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);

    const rerun = fake.writes().length;
    expect((await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '101')).outputs).toEqual({
      phase: 'shape-spec',
      status: 'unchanged',
    });
    expect(fake.writes().length).toBe(rerun);

    const answer = fake.addComment(12, '1. Admins only.', MARA);
    const folded = await runAction('issue_comment', commentPayload(fake, 12, answer), '102');
    expect(folded.outputs).toEqual({ phase: 'fold-answers', status: 'folded' });

    const command = fake.addComment(12, '/write-spec', MARA);
    const written = await runAction('issue_comment', commentPayload(fake, 12, command), '103');
    expect(written.outputs).toEqual({ phase: 'write-spec', status: 'written' });
    expect(fake.git.filesAt(BRANCH)?.get(SPEC)).toContain('**Answer:** Admins only.');
    expect(fake.reactions.filter((r) => r.comment === command.id).map((r) => r.content)).toEqual(['eyes', 'rocket']);
  });

  it('refuses a command from someone without write access, and succeeds as a job', async () => {
    const command = fake.addComment(12, '/write-spec', { login: 'visitor', type: 'User' });
    const result = await runAction('issue_comment', commentPayload(fake, 12, command), '201');
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ phase: 'write-spec', status: 'refused' });
    expect(ours()[0]?.body).toContain(
      '@visitor `/write-spec` needs write permission on this repository, and you have read.',
    );
  });

  it('fails the job when the command fails, with the reason', async () => {
    fake.addIssue({ number: 30, title: 'Unshaped', body: 'x', user: MARA });
    const command = fake.addComment(30, '/write-spec', MARA);
    const result = await runAction('issue_comment', commentPayload(fake, 30, command), '301');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::write-spec failed: Issue #30 has no spec yet.');
    expect(result.outputs).toEqual({ phase: 'write-spec', status: 'failed' });
  });
});
