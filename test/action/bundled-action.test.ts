import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from '../../support/run-node.js';
import { startLocalApi, type LocalApi, type Routes } from '../support/local-api-server.js';
import { examplePayload } from '../../support/webhook-examples.js';
import { parseActionOutputs } from '../support/parse-action-outputs.js';

const R = '/repos/acme/app';
const HEAD = '0123456789abcdef0123456789abcdef01234567';
const TASKS = 'specs/004-csv-export/tasks.md';
const TASKS_MD = [
  '# Tasks: CSV export',
  '',
  '## Phase 1: Setup',
  '- [X] T001 Create project structure',
  '- [X] T002 [P] Configure linting',
  '',
  '## Phase 2: User Story 1 - Export a report (Priority: P1)',
  '- [ ] T003 [US1] Add the export endpoint in src/api/export.ts',
  '- [-] T004 [US1] Stream rows as CSV',
  '',
].join('\n');

let api: LocalApi | undefined;
let workdir: string | undefined;

afterEach(async () => {
  await api?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
  api = undefined;
  workdir = undefined;
});

/** No .github/agent-os.yml anywhere: the defaults apply. */
const NO_CONFIG: Routes = {
  [`GET ${R}/contents/.github/agent-os.yml`]: () => ({ status: 404, body: { message: 'Not Found' } }),
  ['GET /repos/acme/.github/contents/.github/agent-os.yml']: () => ({ status: 404, body: { message: 'Not Found' } }),
};

function gateRoutes(tasksMd: string): Routes {
  return {
    ...NO_CONFIG,
    [`GET ${R}/issues/7/comments`]: () => ({ body: [] }),
    [`POST ${R}/issues/7/comments`]: () => ({
      status: 201,
      body: {
        id: 70,
        body: '',
        user: { login: 'github-actions[bot]', type: 'Bot' },
        created_at: '2026-01-01T00:00:00Z',
      },
    }),
    [`GET ${R}/pulls/7`]: () => ({ body: { number: 7, head: { sha: HEAD }, body: 'CSV export', html_url: '' } }),
    [`GET ${R}/pulls/7/files`]: () => ({
      body: [
        { filename: TASKS, status: 'added' },
        { filename: 'src/api/export.ts', status: 'added' },
      ],
    }),
    [`GET ${R}/contents/${TASKS}`]: () => ({ body: tasksMd }),
  };
}

/** Run `node dist/index.js` the way a runner does, and read back its outputs and job summary. */
async function runAction(eventName: string, payload: object, routes: Routes) {
  api = await startLocalApi(routes);
  workdir = await mkdtemp(join(tmpdir(), 'agent-os-action-'));
  const eventPath = join(workdir, 'event.json');
  const outputPath = join(workdir, 'output');
  const summaryPath = join(workdir, 'summary.md');
  await writeFile(eventPath, JSON.stringify(payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
    // The fake GitHub has no rate limits: no pacing of writes (docs/action.md, "Pacing of writes").
    AGENT_OS_WRITE_PACING_MS: '0',
  };
  const result = await runNode(['dist/index.js'], { env });
  const outputs = parseActionOutputs(await readFile(outputPath, 'utf8'));
  return { ...result, outputs, summary: await readFile(summaryPath, 'utf8') };
}

const prEvent = () =>
  examplePayload('pull_request.opened', (p) => {
    p.number = 7;
    p.pull_request.number = 7;
    p.pull_request.head.sha = HEAD;
  });

describe('the bundled Action', () => {
  it('fails the job on incomplete tasks, annotating each open line, with outputs and a job summary', async () => {
    const result = await runAction('pull_request', prEvent(), gateRoutes(TASKS_MD));

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error title=Task T003 is open,file=${TASKS},line=8::[US1] Add the export endpoint in src/api/export.ts`,
    );
    expect(result.stdout).toContain(
      `::error title=Task T004 is in progress,file=${TASKS},line=9::[US1] Stream rows as CSV`,
    );
    expect(result.stdout).toContain('::error::2 of 4 tasks complete');
    expect(result.outputs).toEqual({
      tasks: '4',
      required: '4',
      complete: '2',
      incomplete: '2',
      conclusion: 'failure',
    });
    expect(result.summary).toContain('## ❌ 2 of 4 required tasks complete');
    expect(result.summary).toContain(
      '| Phase 2: User Story 1 - Export a report (Priority: P1) | `░░░░░░░░░░` 0% | 0/2 |',
    );
    expect(api?.unmatched).toEqual([]);
    expect(api?.requests.every((r) => r.headers.authorization === 'token ghs_workflowtoken')).toBe(true);
    // The only write: the checklist comment mirroring the task file.
    expect(api?.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${R}/issues/7/comments`,
    ]);
    const checklist = (api?.requests.find((r) => r.method === 'POST')?.body as { body: string }).body;
    expect(checklist).toContain('- [ ] T003 \\[US1\\] Add the export endpoint in src/api/export.ts <!-- aos:0:2 -->');
    expect(checklist).toContain('- [ ] T004 \\[US1\\] Stream rows as CSV _(in progress)_ <!-- aos:0:3 -->');
  });

  it('passes once every required task is checked off', async () => {
    const result = await runAction('pull_request', prEvent(), gateRoutes(TASKS_MD.replace(/\[[ -]\]/g, '[x]')));

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ complete: '4', incomplete: '0', conclusion: 'success' });
    expect(result.summary).toContain('## ✅ 4 of 4 required tasks complete');
  });

  it('answers a merge group on its head commit', async () => {
    const group = examplePayload('merge_group.checks_requested');
    const { head_sha: head, base_sha: base } = group.merge_group;
    const result = await runAction('merge_group', group, {
      ...NO_CONFIG,
      [`GET ${R}/compare/${base}...${head}`]: () => ({ body: { files: [{ filename: TASKS, status: 'modified' }] } }),
      [`GET ${R}/pulls/104`]: () => ({ body: { number: 104, head: { sha: HEAD }, body: '', html_url: '' } }),
      [`GET ${R}/contents/${TASKS}`]: () => ({ body: TASKS_MD.replace(/\[[ -]\]/g, '[X]') }),
    });

    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ conclusion: 'success', tasks: '4' });
  });

  it('does nothing, successfully, on an event it does not gate', async () => {
    const result = await runAction('push', { ref: 'refs/heads/main' }, {});

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('agent-os-github has nothing to do on "push" events');
    expect(api?.requests).toEqual([]);
  });

  // The configuration schema and the YAML parser are loaded only when a repository has the file (start-up).
  const withConfig = (yml: string): Routes => ({
    ...gateRoutes(TASKS_MD),
    [`GET ${R}/contents/.github/agent-os.yml`]: () => ({ body: yml }),
  });

  it('runs with the repository’s .github/agent-os.yml', async () => {
    const result = await runAction('pull_request', prEvent(), withConfig("cancelled_markers: ['[-]']\n"));

    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      tasks: '4',
      required: '3',
      complete: '2',
      incomplete: '1',
      conclusion: 'failure',
    });
  });

  it('fails with the problems of a .github/agent-os.yml it cannot use', async () => {
    const typo = await runAction('pull_request', prEvent(), withConfig('chek_name: Tasks\n'));

    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain(
      '`.github/agent-os.yml` has a problem, so nothing was done:%0A- `chek_name`: unknown key (did you mean `check_name`?)',
    );
    expect(typo.outputs).toEqual({ conclusion: 'failure' });
  });

  it('fails with a clear message on a .github/agent-os.yml that is not YAML', async () => {
    const result = await runAction('pull_request', prEvent(), withConfig('check_name: [unclosed\n'));

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('`.github/agent-os.yml` could not be read as YAML');
  });

  // markdown-it's entity decoding and remark (for the description's `Spec:` line) are loaded only when used (start-up).
  it('reads a character reference in a task and a Spec: line in the description, with what it loads on first use', async () => {
    const routes = gateRoutes(TASKS_MD.replace('Stream rows as CSV', 'Stream rows as CSV &amp; TSV'));
    const result = await runAction('pull_request', prEvent(), {
      ...routes,
      [`GET ${R}/pulls/7`]: () => ({
        body: { number: 7, head: { sha: HEAD }, body: 'CSV export.\n\nSpec: specs/004-csv-export', html_url: '' },
      }),
    });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error title=Task T004 is in progress,file=${TASKS},line=9::[US1] Stream rows as CSV & TSV`,
    );
    expect(result.outputs).toMatchObject({ tasks: '4', complete: '2', conclusion: 'failure' });
    expect(api?.unmatched).toEqual([]);
  });

  it('fails with a clear message when the pull request cannot be read', async () => {
    const result = await runAction('pull_request', prEvent(), NO_CONFIG);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::Reading pull request #7 failed: GitHub answered 404');
  });
});
