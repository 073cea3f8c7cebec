// `npm run bench`: task-engine speed, GitHub requests per gate operation, and the bundled Action's start-up.
// Writes bench-results/results.json and prints a short table. A benchmark, not a test: nothing here asserts.
import { Octokit } from '@octokit/rest';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_GATE_SETTINGS } from '../src/core/config/settings.js';
import { parseTaskFile } from '../src/core/tasks/parse-task-file.js';
import { upsertCheckRun } from '../src/github/upsert-check-run.js';
import { gatePullRequest } from '../src/phases/gate-tasks.js';
import { startLocalApi } from '../test/support/local-api-server.js';

function agentOsTasks(taskCount: number): string {
  const lines = ['# Task Breakdown: Benchmark', '', '## Task List', ''];
  const perGroup = 10;
  for (let g = 1; g <= Math.ceil(taskCount / perGroup); g += 1) {
    lines.push(`#### Task Group ${g}: Layer ${g}`, '**Dependencies:** None', '', `- [ ] ${g}.0 Complete layer ${g}`);
    for (let t = 1; t < perGroup; t += 1) lines.push(`  - [${t % 3 === 0 ? ' ' : 'x'}] ${g}.${t} Do **step** ${t} of layer ${g} in \`src/layer${g}/step${t}.ts\``);
    lines.push('', '**Acceptance Criteria:**', '- The tests of this group pass', '');
  }
  return lines.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeParse(source: string, minimumMs = 400): number {
  const samples: number[] = [];
  const started = performance.now();
  while (performance.now() - started < minimumMs || samples.length < 5) {
    const t0 = performance.now();
    parseTaskFile(source);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function gateRequests() {
  const head = 'a'.repeat(40);
  const path = 'agent-os/specs/2026-01-01-bench/tasks.md';
  let runs: object[] = [];
  const api = await startLocalApi({
    'GET /repos/acme/app/pulls/1': () => ({ body: { number: 1, head: { sha: head }, body: 'Spec: agent-os/specs/2026-01-01-bench', html_url: '' } }),
    'GET /repos/acme/app/pulls/1/files': () => ({ body: [{ filename: path, status: 'modified' }] }),
    [`GET /repos/acme/app/contents/${path}`]: () => ({ body: agentOsTasks(40) }),
    [`GET /repos/acme/app/commits/${head}/check-runs`]: () => ({ body: { total_count: runs.length, check_runs: runs } }),
    'POST /repos/acme/app/check-runs': (r) => {
      const body = r.body as { external_id: string };
      runs = [{ id: 7, name: 'Agent OS: tasks', head_sha: head, status: 'completed', external_id: body.external_id, output: { annotations_count: 14 } }];
      return { status: 201, body: { id: 7 } };
    },
    'PATCH /repos/acme/app/check-runs/7': () => ({ body: { id: 7 } }),
  });
  const client = new Octokit({ baseUrl: api.url, auth: 'x' });
  const repo = { owner: 'acme', repo: 'app' };
  const once = async () => {
    const before = api.requests.length;
    const { headSha, report } = await gatePullRequest(client, repo, 'https://github.com/acme/app', 1, DEFAULT_GATE_SETTINGS);
    await upsertCheckRun(client, repo, { name: 'Agent OS: tasks', headSha, report });
    const made = api.requests.slice(before);
    return { reads: made.filter((r) => r.method === 'GET').length, writes: made.filter((r) => r.method !== 'GET').length };
  };
  const first = await once();
  const redelivered = await once();
  await api.close();
  return { first, redelivered };
}

async function actionStartup() {
  const dir = await mkdtemp(join(tmpdir(), 'agent-os-bench-'));
  const eventPath = join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify({ ref: 'refs/heads/main' }));
  const env = { PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: 'acme/app', 'INPUT_GITHUB-TOKEN': 'x' };
  const timeRun = (args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      execFileSync('node', args, { env, stdio: 'ignore' });
      samples.push(performance.now() - t0);
    }
    return median(samples);
  };
  const result = { bundledActionMs: timeRun(['dist/index.js']), nodeBaselineMs: timeRun(['-e', '0']) };
  await rm(dir, { recursive: true, force: true });
  return result;
}

const parse = [100, 1_000, 10_000].map((tasks) => {
  const source = agentOsTasks(tasks);
  const ms = timeParse(source);
  const mb = Buffer.byteLength(source) / 1_048_576;
  return { tasks, bytes: Buffer.byteLength(source), ms: Number(ms.toFixed(2)), mbPerSecond: Number((mb / (ms / 1000)).toFixed(1)) };
});
const requests = await gateRequests();
const startup = await actionStartup();
const results = { date: new Date().toISOString(), node: process.version, parse, gateRequests: requests, actionStartup: startup };

await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('Task engine: parseTaskFile on Agent OS files (median). Nearly all of the time is remark/micromark tokenising;');
console.log('its growth is above linear on very large files (micromark-util-edit-map consume runs once per list over all events).');
console.table(parse);
console.log('GitHub requests per gate of a pull request with one task file (lower bound: 4 reads + 1 write; 0 writes when nothing changed)');
console.table(requests);
console.log('Bundled Action, start to exit on an event it ignores, vs node -e 0 (median of 10, ms)');
console.table(startup);
console.log('Written to bench-results/results.json');
