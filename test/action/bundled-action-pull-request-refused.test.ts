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

// A repository that keeps "Allow GitHub Actions to create and approve pull requests" off (GitHub's default).
const MARA: FakeUser = { login: 'mara', type: 'User' };
const BRANCH = 'agent-os/12-team-invites-by-email';
const SETTING =
  'Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests';
const COMPARE =
  'https://github.com/acme/app/compare/main...agent-os/12-team-invites-by-email?expand=1&title=Spec%3A+Team+invites+by+email&body=Spec+for+%2312%3A+Team+invites+by+email';

let fake: FakeGitHub;
let server: FakeGitHubServer;
let workdir: string;

beforeEach(async () => {
  fake = new FakeGitHub();
  fake.actionsMayCreatePullRequests = false;
  fake.addIssue({
    number: 12,
    title: 'Team invites by email',
    body: '## Requirements\n- Admins invite by email\n',
    user: MARA,
    labels: ['shape-spec'],
  });
  fake.permissions.set('mara', 'write');
  server = await serveFakeGitHub(fake);
  workdir = await mkdtemp(join(tmpdir(), 'agent-os-action-'));
});

afterEach(async () => {
  await server.close();
  await rm(workdir, { recursive: true, force: true });
});

/** Run `node dist/index.js` as a runner does, with the workflow's token unless another is given. */
async function runAction(eventName: string, payload: object, runId: string, token = 'ghs_workflowtoken') {
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
      'INPUT_GITHUB-TOKEN': token,
      // The fake GitHub has no rate limits: no pacing of writes (docs/action.md, "Pacing of writes").
      AGENT_OS_WRITE_PACING_MS: '0',
    },
  });
  const outputs = parseActionOutputs(await readFile(outputPath, 'utf8'));
  return { ...result, outputs };
}

const pulls = () => [...fake.issues.values()].filter((i) => i.pull_request !== undefined);
const questions = () => fake.comments.find((c) => c.body.startsWith('<!-- agent-os-github:questions'));

describe('the workflow token may not open pull requests', () => {
  it('pushes the spec branch, asks the questions with a link that opens the pull request, and names the setting', async () => {
    const shaped = await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '101');

    expect(shaped.code).toBe(0);
    expect(shaped.outputs).toEqual({ phase: 'shape-spec', status: 'shaped' });
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toHaveLength(1);
    expect([...fake.git.refs.keys()]).toContain(`heads/${BRANCH}`);
    expect(pulls()).toEqual([]);
    const body = questions()?.body ?? '';
    expect(body).toContain(
      `The spec for this issue is started on the branch [\`${BRANCH}\`](https://github.com/acme/app/tree/agent-os/12-team-invites-by-email), in`,
    );
    expect(body).toContain(
      `**The pull request is not open yet:** this repository does not allow GitHub Actions to create pull requests, so the branch was pushed without one. [Open the pull request](${COMPARE}`,
    );
    expect(body).toContain(`ask an admin to turn on **${SETTING}**`);
    expect(body).toContain('or give the Action a `github-token` that may open pull requests.');
    expect(shaped.stdout).toContain(
      `::warning::GitHub did not let this workflow's token open the pull request from \`${BRANCH}\``,
    );
  });

  it('finds the pull request once a person opened it from that link, and goes on to write the spec', async () => {
    await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '101');
    const opened = fake.addIssue({
      title: 'Spec: Team invites by email',
      body: 'Spec for #12',
      user: MARA,
      pull_request: { head: BRANCH, base: 'main', draft: true },
    });

    const command = fake.addComment(12, '/write-spec', MARA);
    const written = await runAction('issue_comment', commentPayload(fake, 12, command), '102');

    expect(written.code).toBe(0);
    expect(written.outputs).toEqual({ phase: 'write-spec', status: 'written' });
    expect(pulls().map((p) => p.number)).toEqual([opened.number]);
  });

  it('opens the pull request with a token given as github-token', async () => {
    const shaped = await runAction('issues', labeledPayload(fake, 12, 'shape-spec'), '101', 'ghp_personaltoken');

    expect(shaped.outputs).toEqual({ phase: 'shape-spec', status: 'shaped' });
    expect(pulls().map((p) => p.pull_request)).toEqual([{ head: BRANCH, base: 'main', draft: true }]);
    expect(questions()?.body).not.toContain('The pull request is not open yet');
  });
});
