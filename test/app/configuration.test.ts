import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { label, pullRequestPayload, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const CONFIG = '.github/agent-os.yml';

let fake: FakeGitHub;
let probot: Probot;

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.addIssue({ number: 12, title: 'Team invites by email', body: '- Owners invite people by email\n', user: MARA });
  fake.permissions.set('mara', 'maintain');
  bindToNock(fake);
  probot = await createTestProbot();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const setRepoConfig = (yaml: string) => fake.git.commitOnBranch('main', (f) => f.set(CONFIG, yaml), 'config');
const lastReply = () => fake.comments.filter((c) => c.user.type === 'Bot').pop()?.body ?? '';

describe('.github/agent-os.yml', () => {
  it('is read from the repository: its label, branch prefix, folder and draft setting apply', async () => {
    setRepoConfig(
      'labels:\n  shape_spec: needs-spec\nbranch_prefix: spec/\nspec_root: docs/agent-os\ndraft_pull_requests: false\n',
    );
    await label(probot, fake, 12, 'shape-spec', 'd-default-label');
    expect([...fake.git.refs.keys()]).toEqual(['heads/main']);
    await label(probot, fake, 12, 'needs-spec', 'd-1');
    expect([...fake.git.refs.keys()]).toContain('heads/spec/12-team-invites-by-email');
    const files = [...(fake.git.filesAt('spec/12-team-invites-by-email')?.keys() ?? [])];
    expect(files).toContain('docs/agent-os/specs/2026-03-14-team-invites-by-email/planning/requirements.md');
    expect([...fake.issues.values()].find((i) => i.pull_request)?.pull_request?.draft).toBe(false);
  });

  it("falls back to the organisation's .github repository, and _extends builds on it", async () => {
    fake.orgFiles.set(CONFIG, 'labels:\n  shape_spec: org-spec\npermissions:\n  write-spec: admin\n');
    await label(probot, fake, 12, 'org-spec', 'd-org');
    expect(fake.git.refs.has('heads/agent-os/12-team-invites-by-email')).toBe(true);
    setRepoConfig('_extends: .github\ncheck_name: Spec tasks\n');
    await say(probot, fake, 12, '/write-spec', MARA);
    expect(lastReply()).toContain(
      '@mara `/write-spec` needs admin permission on this repository, and you have maintain.',
    );
  });

  it('a mistake in the file is named in the reply to a command and in the check run, and nothing else happens', async () => {
    setRepoConfig('labels:\n  shapping: x\ndraft_pull_requests: "yes"\n');
    await say(probot, fake, 12, '/shape-spec', MARA);
    expect(lastReply()).toContain('`/shape-spec` failed: `.github/agent-os.yml` has 2 problems, so nothing was done:');
    expect(lastReply()).toContain('- `labels.shapping`: unknown key (did you mean `shaping`?)');
    expect(lastReply()).toContain('- `draft_pull_requests`: expected true or false, received the text "yes"');
    expect([...fake.git.refs.keys()]).toEqual(['heads/main']);

    fake.git.refs.set('heads/feature', fake.git.resolve('main')?.sha ?? '');
    const pr = fake.addIssue({
      title: 'Feature',
      body: '',
      user: MARA,
      pull_request: { head: 'feature', base: 'main', draft: false },
    });
    await deliver(probot, 'pull_request', pullRequestPayload(fake, pr.number, 'opened'), 'pr-1');
    const [run] = fake.checkRuns;
    expect(run).toMatchObject({
      name: 'Agent OS: tasks',
      conclusion: 'failure',
      output: { title: 'Could not check the tasks' },
    });
    expect(run?.output.summary).toContain('- `labels.shapping`: unknown key');
  });

  it('invalid YAML is reported as such', async () => {
    setRepoConfig('labels: [unclosed\n');
    await say(probot, fake, 12, '/shape-spec', MARA);
    expect(lastReply()).toContain('`/shape-spec` failed: `.github/agent-os.yml` could not be read as YAML:');
  });
});
