import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import {
  appOf,
  createTestProbot,
  deliver,
  nockInstallationToken,
  nockRepositoryDefaults,
} from '../../support/test-probot.js';
import { examplePayload, OWNER, pullRequestRef, REPO, type Payload } from '../../support/webhook-examples.js';

const API = 'https://api.github.com';
const R = `/repos/${OWNER}/${REPO}`;
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const PR = 7;
const TASKS = 'agent-os/specs/2026-01-15-team-invites/tasks.md';
const TASKS_MD = [
  '# Task Breakdown: Team invites',
  '',
  '#### Task Group 1: Data models',
  '**Dependencies:** None',
  '',
  '- [x] 1.0 Complete the data layer',
  '  - [x] 1.1 Write 2-8 focused tests for Invite',
  '  - [x] 1.2 Create the Invite model',
  '',
  '#### Task Group 2: API',
  '**Dependencies:** Task Group 1',
  '',
  '- [ ] 2.0 Complete the API layer',
  '  - [x] 2.1 Write 2-8 focused tests for the invites controller',
  '  - [-] 2.2 Create POST /invites',
  '  - [ ] 2.3 Run the API tests',
  '',
].join('\n');
const DONE_MD = TASKS_MD.replace(/\[[ -]\]/g, '[x]');

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  external_id?: string;
  output: { title: string; summary: string; annotations?: Array<{ start_line: number }> };
}
type Body = CheckRunBody;

type PullRequestPayload = Payload<'pull_request.opened'>;

/** A pull_request payload of the given action (the examples' `opened` shape), on PR #7 at HEAD. */
function prPayload(
  action: 'opened' | 'synchronize' | 'reopened' | 'edited',
  change: (p: PullRequestPayload) => void = () => undefined,
) {
  return examplePayload(
    'pull_request.opened',
    (p) => {
      (p as { action: string }).action = action;
      p.number = PR;
      p.pull_request.number = PR;
      p.pull_request.head.sha = HEAD;
      change(p);
    },
    'opened',
  );
}

/** The reads of a pull-request gate: the PR, its files, each task file, the existing check runs. */
function nockPullRequestReads(
  options: { body?: string | null; files?: string[]; contents?: Record<string, string | number>; runs?: object[] } = {},
) {
  const { body = 'Adds invites.', files = [TASKS], contents = { [TASKS]: TASKS_MD }, runs = [] } = options;
  const scope = nock(API)
    .get(`${R}/pulls/${PR}`)
    .reply(200, { number: PR, head: { sha: HEAD }, body, html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}` })
    .get(`${R}/pulls/${PR}/files`)
    .query({ per_page: '100' })
    .reply(
      200,
      files.map((filename) => ({ filename, status: 'modified' })),
    );
  for (const [path, content] of Object.entries(contents)) {
    const interceptor = scope
      .get(`${R}/contents/${encodeURIComponent(path)}`)
      .query({ ref: HEAD })
      .matchHeader('accept', /raw/);
    if (typeof content === 'number') interceptor.reply(content, { message: 'Server Error' });
    else interceptor.reply(200, content);
  }
  scope
    .get(`${R}/commits/${HEAD}/check-runs`)
    .query({ check_name: 'Agent OS: tasks', filter: 'latest', per_page: '100' })
    .reply(200, { total_count: runs.length, check_runs: runs });
  return scope;
}

function captureCreate(captured: Body[], id = 900) {
  return nock(API)
    .post(`${R}/check-runs`, (body: Body) => {
      captured.push(body);
      return true;
    })
    .reply(201, { id });
}

function captureUpdate(captured: Body[], id = 900) {
  return nock(API)
    .patch(`${R}/check-runs/${id}`, (body: Body) => {
      captured.push(body);
      return true;
    })
    .reply(200, { id });
}

let probot: Probot;

/** Requests no interceptor answered (nock refuses them, and the App's queue swallows the error): each `METHOD path`. */
let unanswered: string[] = [];
const recordUnanswered = (request: { method?: string; path?: string }) =>
  unanswered.push(`${request.method ?? '?'} ${request.path ?? '?'}`);

/** Gate PR #7 once (creating the run), and return what was created and the run as GitHub would now list it. */
async function gateOnceThenListTheRun() {
  const created: Body[] = [];
  nockPullRequestReads();
  captureCreate(created);
  await deliver(probot, 'pull_request', prPayload('opened'));
  const existing = {
    id: 900,
    name: 'Agent OS: tasks',
    head_sha: HEAD,
    status: 'completed',
    external_id: created[0]?.external_id,
    output: { annotations_count: 3 },
  };
  return { created, existing };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', recordUnanswered);
});

afterAll(() => {
  nock.emitter.removeListener('no match', recordUnanswered);
});

beforeEach(async () => {
  unanswered = [];
  probot = await createTestProbot();
  nockInstallationToken();
  nockRepositoryDefaults();
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('merge gate on pull_request events', () => {
  it('reports failure with the count, per-group progress and an annotation on each open task line', async () => {
    const created: Body[] = [];
    nockPullRequestReads();
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created).toHaveLength(1);
    const body = created[0] as Body;
    expect(body).toMatchObject({ name: 'Agent OS: tasks', head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(body.output.title).toBe('4 of 7 tasks complete');
    expect(body.output.summary).toContain('| Task Group 1: Data models | `██████████` 100% | 3/3 ✅ |');
    expect(body.output.summary).toContain('| Task Group 2: API | `██░░░░░░░░` 25% | 1/4 |');
    expect(body.output.annotations).toEqual([
      {
        path: TASKS,
        start_line: 13,
        end_line: 13,
        annotation_level: 'failure',
        title: 'Task 2.0 is open',
        message: 'Complete the API layer',
      },
      {
        path: TASKS,
        start_line: 15,
        end_line: 15,
        annotation_level: 'failure',
        title: 'Task 2.2 is in progress',
        message: 'Create POST /invites',
      },
      {
        path: TASKS,
        start_line: 16,
        end_line: 16,
        annotation_level: 'failure',
        title: 'Task 2.3 is open',
        message: 'Run the API tests',
      },
    ]);
    expect(body.external_id).toMatch(/^agent-os-tasks:[0-9a-f]{24}:[0-9a-f]{24}$/);
  });

  it('holds a spec pull request to its trace: a requirement no task names is a warning on its spec.md line', async () => {
    const SPEC = TASKS.replace(/tasks\.md$/, 'spec.md');
    const spec = [
      '# Specification: Team invites',
      '',
      '## Specific Requirements',
      '',
      '**1. The Invite model**',
      '',
      '- Store invites',
      '',
      '**2. Revoking an invite**',
      '',
      '- Owners can revoke',
      '',
    ].join('\n');
    const tasks = DONE_MD.replace(
      '1.2 Create the Invite model',
      '1.2 Implement Specific Requirement 1: The Invite model',
    );
    const created: Body[] = [];
    nockPullRequestReads({ files: [TASKS, SPEC], contents: { [TASKS]: tasks, [SPEC]: spec } });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    const body = created[0] as Body;
    expect(body).toMatchObject({ conclusion: 'success', output: { title: '7 of 7 tasks complete' } });
    expect(body.output.annotations).toEqual([
      {
        path: SPEC,
        start_line: 9,
        end_line: 9,
        annotation_level: 'warning',
        title: 'Requirement 2 has no task',
        message: `No task in ${TASKS} names Specific Requirement 2 (“Revoking an invite”). Add a task that says "Specific Requirement 2" (or a "Requirements: 2" line under one), or run /create-tasks --force to write tasks.md again from spec.md.`,
      },
    ]);
    expect(body.output.summary).toContain('requirement 2 has no task (a warning: `gate.traceability: warn`).');
  });

  it('reports success when every required task is checked off', async () => {
    const created: Body[] = [];
    nockPullRequestReads({ contents: { [TASKS]: DONE_MD } });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('synchronize'));

    expect(created[0]).toMatchObject({
      conclusion: 'success',
      output: { title: '7 of 7 tasks complete', annotations: [] },
    });
  });

  it('reports neutral, with how to link a spec, when the pull request has no task file', async () => {
    const created: Body[] = [];
    nockPullRequestReads({ files: ['src/index.ts', 'README.md'], contents: {} });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created[0]).toMatchObject({ conclusion: 'neutral', output: { title: 'No task file in this pull request' } });
    expect(created[0]?.output.summary).toContain('Spec: agent-os/specs/2026-01-15-team-invites');
  });

  it('gates the spec folder the description names, even when the pull request does not change it', async () => {
    const created: Body[] = [];
    nockPullRequestReads({
      body: 'Implements invites.\n\nSpec: `agent-os/specs/2026-01-15-team-invites`',
      files: ['src/invites.ts'],
    });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('reopened'));

    expect(created[0]).toMatchObject({ conclusion: 'failure', output: { title: '4 of 7 tasks complete' } });
  });

  it('stays neutral while a named spec has no tasks.md yet', async () => {
    const created: Body[] = [];
    nockPullRequestReads({
      body: 'Spec: agent-os/specs/2026-01-15-team-invites',
      files: ['agent-os/specs/2026-01-15-team-invites/spec.md'],
      contents: {},
    });
    nock(API)
      .get(`${R}/contents/${encodeURIComponent(TASKS)}`)
      .query({ ref: HEAD })
      .reply(404, { message: 'Not Found' });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created[0]).toMatchObject({ conclusion: 'neutral' });
    expect(created[0]?.output.summary).toContain('has no tasks.md at this commit yet');
  });

  it('batches 120 annotations into requests of at most 50', async () => {
    const big = [
      '# Tasks',
      ...Array.from({ length: 120 }, (_, i) => `- [ ] T${String(i + 1).padStart(3, '0')} Task ${i + 1}`),
    ].join('\n');
    const created: Body[] = [];
    const updated: Body[] = [];
    nockPullRequestReads({ files: ['specs/001-big/tasks.md'], contents: { 'specs/001-big/tasks.md': big } });
    captureCreate(created);
    captureUpdate(updated).persist();

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created[0]?.output.annotations).toHaveLength(50);
    expect(updated.map((b) => b.output.annotations?.length)).toEqual([50, 20]);
    const lines = [...created, ...updated].flatMap((b) => (b.output.annotations ?? []).map((a) => a.start_line));
    expect(lines).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    expect(updated.every((b) => b.output.title === '0 of 120 tasks complete')).toBe(true);
    // The run is marked finished only by the last request, so one cut off half-way is redone by the next event.
    expect([...created, ...updated].map((b) => b.external_id?.endsWith(':incomplete') ?? 'final')).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('writes nothing when the same event, delivered again, would not change the check', async () => {
    const { created, existing } = await gateOnceThenListTheRun();
    // A new delivery of the same event (another id: GitHub sent it again, e.g. a second push of the same commit).
    nockPullRequestReads({ runs: [existing] });
    await deliver(probot, 'pull_request', prPayload('opened'), 'delivery-again');

    expect(created).toHaveLength(1);
  });

  it('does nothing at all for a redelivery (the same X-GitHub-Delivery) of an event it handled', async () => {
    const { created } = await gateOnceThenListTheRun();
    // No reads are mocked: any request would fail the test (nock refuses it and the gate would report an error).
    await deliver(probot, 'pull_request', prPayload('opened'), 'delivery-1');

    expect(created).toHaveLength(1);
    expect(appOf(probot).metrics().deliveries).toEqual({ accepted: 1, duplicate: 1, own: 0, malformed: 0, failed: 0 });
  });

  it('updates its run in place when the result changes and the run has no annotations yet', async () => {
    const updated: Body[] = [];
    const existing = {
      id: 900,
      name: 'Agent OS: tasks',
      head_sha: HEAD,
      status: 'completed',
      external_id: 'agent-os-tasks:old',
      output: { annotations_count: 0 },
    };
    nockPullRequestReads({ runs: [existing] });
    captureUpdate(updated);

    await deliver(
      probot,
      'pull_request',
      prPayload('edited', (p) => Object.assign(p, { changes: { body: { from: 'old' } } })),
    );

    expect(updated[0]).toMatchObject({ conclusion: 'failure', output: { title: '4 of 7 tasks complete' } });
    expect(updated[0]?.output.annotations).toHaveLength(3);
  });

  it('updates the text in place, without repeating annotations, when only the description changed', async () => {
    const { created, existing } = await gateOnceThenListTheRun();
    const updated: Body[] = [];
    // The description now names a second spec that has no tasks.md yet: the summary says so, the annotations stay.
    nockPullRequestReads({ body: 'Spec: agent-os/specs/2026-02-01-audit-log', runs: [existing] });
    nock(API)
      .get(`${R}/contents/${encodeURIComponent('agent-os/specs/2026-02-01-audit-log/tasks.md')}`)
      .query({ ref: HEAD })
      .reply(404, { message: 'Not Found' });
    captureUpdate(updated);
    await deliver(
      probot,
      'pull_request',
      prPayload('edited', (p) => Object.assign(p, { changes: { body: { from: 'old' } } })),
      'delivery-2',
    );

    expect(created).toHaveLength(1);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.output.annotations).toBeUndefined();
    expect(updated[0]?.external_id).not.toBe(created[0]?.external_id);
    expect(updated[0]?.output.summary).toContain(
      'names the spec `agent-os/specs/2026-02-01-audit-log`, but it has no tasks.md',
    );
  });

  it('ignores an edit of the title only', async () => {
    nock.cleanAll();
    await deliver(
      probot,
      'pull_request',
      prPayload('edited', (p) => Object.assign(p, { changes: { title: { from: 'old' } } })),
    );
    expect(unanswered).toEqual([]);
    expect(appOf(probot).metrics().deliveries).toMatchObject({ accepted: 0, failed: 0 });
  });

  it('says in the check when a task file cannot be read', async () => {
    const created: Body[] = [];
    nockPullRequestReads({ contents: { [TASKS]: 500 } });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created[0]).toMatchObject({ conclusion: 'failure', output: { title: `Could not read ${TASKS}` } });
    expect(created[0]?.output.summary).toContain('GitHub answered 500');
  });

  it('fails the check, naming the line and the limit, on a task file the parser would take too long on', async () => {
    const created: Body[] = [];
    // 10,000 nested bullets on one line: refused before the parser sees it, never a green or neutral check.
    nockPullRequestReads({ contents: { [TASKS]: `# Tasks\n\n${'- '.repeat(10_000)}[ ] x\n` } });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created[0]).toMatchObject({ conclusion: 'failure', output: { title: `Could not read ${TASKS}` } });
    expect(created[0]?.output.summary).toContain(
      'Line 3: 10000 block quotes and list markers open at the start of the line',
    );
    expect(created[0]?.output.summary).toContain('a task file may nest at most 100 levels');
  });

  it('says in the check when the pull request itself cannot be read', async () => {
    const created: Body[] = [];
    nock(API)
      .get(`${R}/pulls/${PR}`)
      .reply(502, { message: 'Bad Gateway' })
      .get(`${R}/pulls/${PR}/files`)
      .query(true)
      .reply(200, [])
      .get(`${R}/commits/${HEAD}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] });
    captureCreate(created);

    await deliver(probot, 'pull_request', prPayload('opened'));

    expect(created[0]).toMatchObject({
      head_sha: HEAD,
      conclusion: 'failure',
      output: { title: 'Could not check the tasks' },
    });
    expect(created[0]?.output.summary).toContain('Reading pull request #7 failed: GitHub answered 502');
  });
});

describe('merge gate on check and merge-queue events', () => {
  it('refreshes the same run in place on Re-run, without repeating its annotations', async () => {
    const { existing } = await gateOnceThenListTheRun();
    const updated: Body[] = [];
    nockPullRequestReads({ runs: [existing] });
    captureUpdate(updated);
    const payload = examplePayload('check_run.rerequested', (p) => {
      p.check_run.name = 'Agent OS: tasks';
      p.check_run.head_sha = HEAD;
      p.check_run.pull_requests = [pullRequestRef(PR, HEAD)];
    });
    await deliver(probot, 'check_run', payload, 'delivery-2');

    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: '4 of 7 tasks complete' },
    });
    expect(updated[0]?.output.annotations).toBeUndefined();
  });

  it('ignores re-runs of other check runs', async () => {
    // It reads the repository's settings (the check's name is configurable), and nothing else: no pull request, no check run.
    await deliver(
      probot,
      'check_run',
      examplePayload('check_run.rerequested', (p) => (p.check_run.name = 'build')),
    );
    expect(unanswered).toEqual([]);
    expect(appOf(probot).metrics().deliveries).toMatchObject({ accepted: 1, failed: 0 });
  });

  it("leaves a push's automatic check suite to its pull_request event: no request at all", async () => {
    nock.cleanAll();
    const payload = examplePayload('check_suite.requested', (p) => {
      p.check_suite.head_sha = HEAD;
      p.check_suite.pull_requests = [pullRequestRef(PR, HEAD)];
    });
    await deliver(probot, 'check_suite', payload);
    expect(unanswered).toEqual([]);
    expect(appOf(probot).metrics().deliveries).toMatchObject({ accepted: 0, failed: 0 });
  });

  it('gates the pull requests of a re-requested check suite', async () => {
    const created: Body[] = [];
    nockPullRequestReads({ contents: { [TASKS]: DONE_MD } });
    captureCreate(created);
    const payload = examplePayload(
      'check_suite.rerequested',
      (p) => {
        p.check_suite.head_sha = HEAD;
        p.check_suite.pull_requests = [pullRequestRef(PR, HEAD)];
      },
      'requested',
    );

    await deliver(probot, 'check_suite', payload);

    expect(created[0]).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
  });

  it('answers the merge queue on the merge group head commit', async () => {
    const groupHead = 'f'.repeat(40);
    const base = 'e'.repeat(40);
    const created: Body[] = [];
    nock(API)
      .get(`${R}/compare/${base}...${groupHead}`)
      .query({ per_page: '100' })
      .reply(200, { files: [{ filename: TASKS, status: 'modified' }] })
      .get(`${R}/pulls/${PR}`)
      .reply(200, {
        number: PR,
        head: { sha: HEAD },
        body: 'Spec: agent-os/specs/2026-01-15-team-invites',
        html_url: '',
      })
      .get(`${R}/contents/${encodeURIComponent(TASKS)}`)
      .query({ ref: groupHead })
      .reply(200, DONE_MD)
      .get(`${R}/commits/${groupHead}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] });
    captureCreate(created);
    const payload = examplePayload('merge_group.checks_requested', (p) => {
      p.merge_group.head_sha = groupHead;
      p.merge_group.base_sha = base;
      p.merge_group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${PR}-${HEAD}`;
    });

    await deliver(probot, 'merge_group', payload);

    expect(created[0]).toMatchObject({
      head_sha: groupHead,
      conclusion: 'success',
      output: { title: '7 of 7 tasks complete' },
    });
  });
});
