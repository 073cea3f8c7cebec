// Gate latency and throughput: pull_request.synchronize deliveries handled by the real App through Probot
// against the FakeGitHub, one at a time, 50 at once, a burst of 20 for one head, and 40 pull requests each delivered
// 3 times at once. The App answers a delivery once it is checked, claimed and queued: "answer" is that time (what
// GitHub waits for, 10 s at most), "settled" the time until the queue has done all the work.
import nock from 'nock';
import { performance } from 'node:perf_hooks';
import type { Probot } from 'probot';
import { parseTaskFile } from '../src/core/tasks/parse-task-file.js';
import { countTasks } from '../src/core/tasks/summarize-tasks.js';
import { FakeGitHub } from '../support/fake-github/fake-github.js';
import { pullRequestPayload } from '../support/lifecycle-events.js';
import { answer, appOf, createTestProbot } from '../support/test-probot.js';
import { median, percentile, round } from './support/stats.js';
import { agentOsTasks } from './support/task-files.js';
import { bindTimedToNock, isTokenRequest, type TimedBinding } from './support/timed-nock.js';

const PULL_REQUESTS = 50;
/** Deliveries for one head at the same moment (issue #18's burst). */
const BURST = 20;
/** Pull requests pushed at once, each delivery sent 3 times (issue #18's load). */
const LOAD_PULL_REQUESTS = 40;
const TASKS_PER_FILE = 40;
/** Simulated round-trip time for the scenario that shows how network latency adds up. */
const SLOW_LATENCY_MS = 10;

export interface GateScenario {
  scenario: string;
  deliveries: number;
  /** Simulated round-trip time per GitHub request. */
  latencyMs: number;
  /** Time until the App answered a delivery (its work queued). */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Time from the first delivery until the queue had done all their work. */
  settledMs: number;
  /** Gate evaluations run (deliveries for a head whose gate is queued join it). */
  gateRuns: number;
  /** Check runs created or updated. */
  checkRunWrites: number;
  deliveriesPerSecond: number;
  /** GitHub requests per delivery (installation tokens excluded), and how many wrote. */
  requestsPerDelivery: number;
  writesPerDelivery: number;
  /** Deliveries that threw (the App or the bench is broken); their time is counted all the same. */
  failed: number;
  /** Requests that count against the rate limit (all but 304s and installation tokens), in all and per push. */
  countedRequests: number;
  countedPerPush: number;
  /** Of those, the counted reads per push (the rest are writes: the check run and the checklist). */
  countedReadsPerPush: number;
  /**
   * Pull requests left right: exactly one check run on the head, whose title counts the ticks of tasks.md at that
   * head, and one checklist comment; out of `pushes`.
   */
  rightPullRequests: number;
  pushes: number;
}

interface Fixture {
  fake: FakeGitHub;
  binding: TimedBinding;
  probot: Probot;
  numbers: number[];
  /** Deliveries so far, for unique delivery ids. */
  delivered: number;
}

/** 50 open pull requests, each changing its own Agent OS tasks.md of 40 tasks. */
async function setUp(): Promise<Fixture> {
  const fake = new FakeGitHub();
  const main = fake.git.resolve(fake.defaultBranch)?.sha ?? '';
  const numbers: number[] = [];
  for (let i = 1; i <= PULL_REQUESTS; i += 1) {
    const branch = `feature-${i}`;
    fake.git.refs.set(`heads/${branch}`, main);
    const tasks = agentOsTasks(TASKS_PER_FILE, `Feature ${i}`);
    fake.git.commitOnBranch(
      branch,
      (files) => files.set(`agent-os/specs/2026-01-01-feature-${i}/tasks.md`, tasks),
      `Tasks for feature ${i}`,
    );
    numbers.push(
      fake.addIssue({
        title: `Feature ${i}`,
        body: `Implements feature ${i}.`,
        pull_request: { head: branch, base: fake.defaultBranch, draft: false },
      }).number,
    );
  }
  const binding = bindTimedToNock(fake);
  const probot = await createTestProbot();
  return { fake, binding, probot, numbers, delivered: 0 };
}

/** Someone pushes a commit ticking the next open task of a pull request's tasks.md. */
function pushTick(fake: FakeGitHub, number: number): void {
  const branch = fake.issues.get(number)?.pull_request?.head ?? '';
  fake.git.commitOnBranch(
    branch,
    (files) => {
      for (const [path, text] of files)
        if (path.endsWith('/tasks.md')) files.set(path, text.replace('- [ ] ', '- [x] '));
    },
    'Tick a task',
  );
}

/** One check run on the head, its title counting the tasks of tasks.md there (the task parser's own count), one checklist comment. */
function isRight(fake: FakeGitHub, number: number): boolean {
  const head = fake.issues.get(number)?.pull_request?.head ?? '';
  const sha = fake.git.resolve(head)?.sha ?? '';
  const [path, text] = [...(fake.git.filesAt(head)?.entries() ?? [])].find(([p]) => p.endsWith('/tasks.md')) ?? [
    '',
    '',
  ];
  const counts = countTasks(parseTaskFile(text, { path }).tasks);
  const runs = fake.checkRuns.filter((r) => r.head_sha === sha);
  const checklists = fake.comments.filter(
    (c) => c.issue === number && c.user.type === 'Bot' && c.body.startsWith('<!-- agent-os-github:checklist'),
  );
  return (
    runs.length === 1 &&
    runs[0]?.output.title === `${String(counts.complete)} of ${String(counts.required)} tasks complete` &&
    checklists.length === 1
  );
}

/**
 * Deliver `pull_request.synchronize` for each number (all at once, or one after another, each waiting for its work
 * when one at a time) and time each answer.
 */
async function run(
  fixture: Fixture,
  scenario: string,
  numbers: readonly number[],
  concurrent: boolean,
  copies = 1,
): Promise<GateScenario> {
  const { fake, binding, probot } = fixture;
  const app = appOf(probot);
  const before = binding.requests.length;
  const runsBefore = app.metrics().gate.runs;
  let failed = 0;
  const handle = async (number: number): Promise<number[]> => {
    fixture.delivered += 1;
    const id = `gate-${fixture.delivered}`;
    const payload = pullRequestPayload(fake, number);
    // Copies of one delivery (the same id), sent at once: GitHub's redelivery racing its first try.
    const times = await Promise.all(
      Array.from({ length: copies }, async () => {
        const t0 = performance.now();
        await answer(probot, 'pull_request', payload, id).catch(() => (failed += 1));
        return performance.now() - t0;
      }),
    );
    if (!concurrent) await app.idle();
    return times;
  };
  const started = performance.now();
  const times: number[] = [];
  if (concurrent) times.push(...(await Promise.all(numbers.map(handle))).flat());
  else for (const number of numbers) times.push(...(await handle(number)));
  await app.idle();
  const elapsed = performance.now() - started;
  const made = binding.requests.slice(before).filter((r) => !isTokenRequest(r));
  const deliveries = numbers.length * copies;
  const pushes = new Set(numbers).size;
  const counted = made.filter((r) => r.status !== 304).length;
  return {
    scenario,
    deliveries,
    latencyMs: binding.latencyMs,
    p50Ms: round(median(times), 1),
    p99Ms: round(percentile(times, 99), 1),
    maxMs: round(Math.max(...times), 1),
    settledMs: round(elapsed, 0),
    gateRuns: app.metrics().gate.runs - runsBefore,
    checkRunWrites: made.filter((r) => r.method !== 'GET' && /\/check-runs(\/\d+)?$/.test(r.path)).length,
    deliveriesPerSecond: round((deliveries / elapsed) * 1000, 1),
    requestsPerDelivery: round(made.length / deliveries, 1),
    writesPerDelivery: round(made.filter((r) => r.method !== 'GET').length / deliveries, 2),
    failed,
    countedRequests: counted,
    countedPerPush: round(counted / pushes, 1),
    countedReadsPerPush: round(made.filter((r) => r.status !== 304 && r.method === 'GET').length / pushes, 1),
    rightPullRequests: [...new Set(numbers)].filter((number) => isRight(fake, number)).length,
    pushes,
  };
}

export async function gateLatency(): Promise<GateScenario[]> {
  nock.disableNetConnect();
  try {
    const fixture = await setUp();
    const { fake, binding, numbers } = fixture;
    // Warm-up: the first gate of each pull request creates its check run and checklist comment.
    await run(fixture, 'warm-up', numbers, true);
    const results: GateScenario[] = [];
    const pushAll = () => {
      for (const number of numbers) pushTick(fake, number);
    };

    pushAll();
    results.push(await run(fixture, 'one at a time, 50 PRs', numbers, false));
    pushAll();
    results.push(await run(fixture, '50 at once, 50 PRs', numbers, true));
    const first = numbers[0] ?? 1;
    pushTick(fake, first);
    results.push(
      await run(
        fixture,
        '50 at once, same PR',
        Array.from({ length: PULL_REQUESTS }, () => first),
        true,
      ),
    );
    pushTick(fake, first);
    results.push(
      await run(
        fixture,
        'burst: 20 at once, same head',
        Array.from({ length: BURST }, () => first),
        true,
      ),
    );
    pushAll();
    results.push(
      await run(
        fixture,
        `${String(LOAD_PULL_REQUESTS)} PRs at once, each delivered 3× at once`,
        numbers.slice(0, LOAD_PULL_REQUESTS),
        true,
        3,
      ),
    );
    pushAll();
    binding.latencyMs = SLOW_LATENCY_MS;
    results.push(await run(fixture, `50 at once, 50 PRs, ${SLOW_LATENCY_MS} ms/request`, numbers, true));
    return results;
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
  }
}
