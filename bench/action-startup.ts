// The bundled Action (dist/index.js), start to exit, as a runner starts it, next to `node -e 0`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeGitHub } from '../support/fake-github/fake-github.js';
import { serveFakeGitHub } from '../support/fake-github/http-binding.js';
import { pullRequestPayload } from '../support/lifecycle-events.js';
import { runNode } from '../support/run-node.js';
import { childrenCpuMs } from './support/children-cpu.js';
import { median, round } from './support/stats.js';
import { agentOsTasks } from './support/task-files.js';

const RUNS = 15;

/** Issue 18, target 6: the Action on one pull request event within 3 × `node -e 0`. */
export const STARTUP_TARGET_TIMES_NODE = 3;

export interface StartupResult {
  run: string;
  /** Median of RUNS, ms. */
  medianMs: number;
  minMs: number;
  /** Median over `node -e 0`'s median. */
  timesNode: number;
  /**
   * CPU time (user + system) of the process, mean of RUNS, ms; absent where /proc is not there. Moves much less
   * than wall time on a machine other jobs load.
   */
  cpuMeanMs?: number;
  /** cpuMeanMs over `node -e 0`'s. */
  cpuTimesNode?: number;
  /** The target for this run, as a multiple of `node -e 0` (the pull request's gate only). */
  targetTimesNode?: number;
  exitCode: number;
  /** GitHub requests per run. */
  requests: number;
}

/** A repository with one open pull request changing a tasks.md of 40 tasks, some open. */
function repositoryWithPullRequest(): { fake: FakeGitHub; number: number } {
  const fake = new FakeGitHub();
  const main = fake.git.resolve(fake.defaultBranch)?.sha ?? '';
  fake.git.refs.set('heads/feature', main);
  fake.git.commitOnBranch(
    'feature',
    (files) => files.set('agent-os/specs/2026-01-01-feature/tasks.md', agentOsTasks(40)),
    'Tasks',
  );
  const { number } = fake.addIssue({
    title: 'Feature',
    body: 'Implements the feature.',
    pull_request: { head: 'feature', base: fake.defaultBranch, draft: false },
  });
  return { fake, number };
}

interface Run {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  targetTimesNode?: number;
}

/**
 * Time each run RUNS times, interleaved (baseline, then each Action run, round after round), so that other load on
 * the machine weighs on all of them alike and the ratios to `node -e 0` stay fair; and add up each run's CPU time
 * (the child's, as the kernel counts it when it exits).
 */
async function timeRuns(runs: readonly Run[], fake: FakeGitHub): Promise<StartupResult[]> {
  const samples = runs.map(() => [] as number[]);
  const cpu: Array<number | undefined> = runs.map(() => 0);
  const exitCodes = runs.map(() => 0);
  const requests = runs.map(() => 0);
  for (let round = 0; round < RUNS; round += 1) {
    for (const [i, run] of runs.entries()) {
      const before = fake.requests.length;
      const cpuBefore = childrenCpuMs();
      const t0 = performance.now();
      exitCodes[i] = (await runNode(run.args, { env: run.env })).code;
      samples[i]?.push(performance.now() - t0);
      const cpuAfter = childrenCpuMs();
      const spent = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      cpu[i] = spent === undefined || cpu[i] === undefined ? undefined : cpu[i] + spent;
      requests[i] = (requests[i] ?? 0) + fake.requests.length - before;
    }
  }
  const baseline = median(samples[0] ?? []);
  const cpuBaseline = cpu[0];
  return runs.map((run, i) => {
    const times = samples[i] ?? [];
    const cpuTotal = cpu[i];
    return {
      run: run.name,
      medianMs: round(median(times), 1),
      minMs: round(Math.min(...times), 1),
      timesNode: round(median(times) / baseline, 1),
      ...(cpuTotal === undefined || cpuBaseline === undefined || cpuBaseline === 0
        ? {}
        : { cpuMeanMs: round(cpuTotal / RUNS, 1), cpuTimesNode: round(cpuTotal / cpuBaseline, 1) }),
      ...(run.targetTimesNode === undefined ? {} : { targetTimesNode: run.targetTimesNode }),
      exitCode: exitCodes[i] ?? 0,
      requests: round((requests[i] ?? 0) / RUNS, 1),
    };
  });
}

/**
 * A script that loads the gate's part (dist/action/run-gate.js, with the GitHub client and every file it imports)
 * and runs none of it: the part of the pull request's time that is loading code, apart from its requests and work.
 */
const importGateModules = "await import('./dist/action/run-gate.js');";

export async function actionStartup(): Promise<StartupResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'agent-os-bench-'));
  const { fake, number } = repositoryWithPullRequest();
  const server = await serveFakeGitHub(fake);
  try {
    const base = {
      PATH: process.env.PATH ?? '',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1',
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      'INPUT_GITHUB-TOKEN': 'ghs_bench',
    };
    const pushPath = join(dir, 'push.json');
    const pullRequestPath = join(dir, 'pull_request.json');
    await writeFile(pushPath, JSON.stringify({ ref: 'refs/heads/main' }));
    await writeFile(pullRequestPath, JSON.stringify(pullRequestPayload(fake, number)));
    await Promise.all([writeFile(base.GITHUB_OUTPUT, ''), writeFile(base.GITHUB_STEP_SUMMARY, '')]);
    return await timeRuns(
      [
        { name: 'node -e 0', args: ['-e', '0'], env: base },
        {
          name: 'Action, push (ignored)',
          args: ['dist/index.js'],
          env: { ...base, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: pushPath },
        },
        {
          name: 'Action, pull_request (gate)',
          args: ['dist/index.js'],
          env: { ...base, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestPath },
          targetTimesNode: STARTUP_TARGET_TIMES_NODE,
        },
        {
          name: "the gate's code loaded, not run",
          args: ['--input-type=module', '-e', importGateModules],
          env: base,
        },
      ],
      fake,
    );
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
