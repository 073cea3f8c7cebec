// Two replicas of the App server behind one GitHub, with REDIS_URL pointing both at one real Redis server (its own,
// started for this file on a free port): what issue #6 promises for several replicas. The lifecycle needs no shared
// store (its state is on GitHub: deterministic branch names, hidden markers in comments), and Probot keeps the rate
// limiter in Redis (Bottleneck clustering through ioredis), so both replicas pace their requests to GitHub as one.
//
// Needs `redis-server` on PATH; without it the file is skipped with a message, unless AGENT_OS_REQUIRE_REDIS=1 (CI),
// which makes it fail instead.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { labelEvent, type Delivery } from '../../demo/payloads.js';
import type { FakeComment, FakeRequest } from '../../support/fake-github/fake-github.js';
import { startAppStage, type AppStage } from './support/app-stage.js';
import { findRedisServer, INSTALL_REDIS, startRedisServer, type RedisServer } from './support/redis-server.js';
import { followUpAnswer } from '../../demo/sample.js';
import {
  ANSWERS,
  BRANCH,
  ISSUE_NUMBER as ISSUE,
  LEE,
  MARA,
  Story,
  TASKS,
  sampleRepository,
  tickInChecklist,
  visible,
} from './support/story.js';

const REDIS_SERVER = findRedisServer();
const REQUIRED = process.env.AGENT_OS_REQUIRE_REDIS === '1';
if (REDIS_SERVER === undefined && !REQUIRED) {
  console.warn(`Skipping test/e2e/replicas-redis.test.ts: redis-server is not on PATH. ${INSTALL_REDIS}`);
}
const describeWithRedis = REDIS_SERVER === undefined && !REQUIRED ? describe.skip : describe;

/** The spec pull request the App opens: the next number after the issue. */
const PR = 13;
const FOLLOW_UP = followUpAnswer(8);
/** The name each replica's Redis connections carry (`?connectionName=` of its REDIS_URL), as CLIENT LIST shows it. */
const NAMES = ['agent-os-replica-a', 'agent-os-replica-b'];
/** The limiters of @octokit/plugin-throttling that the story uses, as Bottleneck names them in Redis (throttle id `no-id`). */
const LIMITERS = ['octokit-global-no-id', 'octokit-auth-no-id', 'octokit-write-no-id', 'octokit-notifications-no-id'];

let redis: RedisServer | undefined;
let stage: AppStage | undefined;
/** The test's own look into the Redis server. */
let inspect: Redis | undefined;

function opened<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('not there (did the Redis stage start?)');
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Tick every open box of task group `group` (all of them without a group) in a task file. */
function tickGroup(text: string, group?: number): string {
  return text.replace(group === undefined ? /- \[ \] /g : new RegExp(`- \\[ \\] ${String(group)}\\.`, 'g'), (m) =>
    m.replace('[ ]', '[x]'),
  );
}

/** CLIENT LIST, one record of `field=value` per connection. */
async function clientList(): Promise<Array<Record<string, string>>> {
  const text = String(await opened(inspect).call('CLIENT', 'LIST'));
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      Object.fromEntries(
        line
          .trim()
          .split(' ')
          .map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)]),
      ),
    );
}

/** The replicas' connections, as `name resp=N`, sorted, with ` subscriber` once one listens on channels. */
async function replicaConnections(): Promise<string[]> {
  return (await clientList())
    .filter((c) => NAMES.includes(c.name ?? ''))
    .map((c) => `${c.name ?? ''} resp=${c.resp ?? '?'}${Number(c.sub) > 0 ? ' subscriber' : ''}`)
    .sort();
}

/** `done` of a limiter in Redis: how many jobs (for `octokit-global`/`-auth`: requests to GitHub) it has run. */
async function done(limiter: string): Promise<number> {
  return Number((await opened(inspect).hget(`b_${limiter}_settings`, 'done')) ?? 0);
}

/** `GET /metrics` read as `{ name: value }`. */
function metricsOf(text: string): Record<string, number> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf(' ')), Number(line.slice(line.indexOf(' ') + 1))]),
  );
}

/** The same delivery for another installation (whose token no replica has cached yet). */
function forInstallation(delivery: Delivery, id: number): Delivery {
  const payload = delivery.payload as { installation?: object };
  return { ...delivery, payload: { ...payload, installation: { ...payload.installation, id } } };
}

describeWithRedis('two replicas with REDIS_URL, one Redis server, one GitHub', () => {
  beforeAll(async () => {
    if (REDIS_SERVER === undefined)
      throw new Error(`AGENT_OS_REQUIRE_REDIS=1, but redis-server is not on PATH. ${INSTALL_REDIS}`);
    redis = await startRedisServer(REDIS_SERVER);
    const { url } = redis;
    inspect = new Redis(url, { maxRetriesPerRequest: 1 });
    stage = await startAppStage(2, { redisUrl: (replica) => `${url}?connectionName=${NAMES[replica] ?? ''}` });
  }, 60_000);

  afterAll(async () => {
    await stage?.close();
    await inspect?.quit();
    await redis?.stop();
  });

  afterEach(() => {
    stage?.intercept(undefined);
  });

  it('each replica opens its own three connections (commands, subscriber, delivery claims) to the Redis server of its REDIS_URL, through ioredis 6', async () => {
    // Probot opens two while it starts (the subscriber subscribes once a limiter is first used), the App one for its
    // delivery claims. resp=3: ioredis 6 speaks RESP3 (HELLO 3), which Redis ≥ 6 understands.
    // Connections open as the replicas start and first use a limiter: wait for them (the test's timeout bounds it).
    while ((await replicaConnections()).length < 6) await sleep(50);
    expect((await replicaConnections()).map((c) => c.replace(/ subscriber$/, ''))).toEqual(
      NAMES.flatMap((name) => [`${name} resp=3`, `${name} resp=3`, `${name} resp=3`]),
    );
    // Nobody else talks to this Redis server but the test itself.
    expect((await clientList()).filter((c) => !NAMES.includes(c.name ?? '')).map((c) => c.cmd)).toEqual([
      'client|list',
    ]);
  });

  it('the rate limiter is shared: the installation-token requests of the two replicas, sent at the same moment, run one at a time', async () => {
    const s = opened(stage);
    // Two repositories labelled at the same moment, each on its own replica, each for an installation whose token
    // neither replica has yet: both replicas ask GitHub for a token at once. The throttling plugin sends those
    // requests one at a time (its `octokit-auth` limiter: maxConcurrent 1). GitHub holds the first one until Redis
    // shows the other replica's request waiting in that limiter: shared, the second request reaches GitHub only
    // after the first is answered. (With a limiter per replica, both would be at GitHub at once.)
    const stories = ['redis-tokens-a', 'redis-tokens-b'].map((repo) => {
      const story = new Story(s, sampleRepository(repo));
      s.use(story.fake);
      story.fake.issues.get(ISSUE)?.labels.push('shape-spec');
      return story;
    });
    let inFlight = 0;
    let most = 0;
    let tokenRequests = 0;
    const waitingInRedis: number[] = [];
    s.intercept((r: FakeRequest) => {
      if (!(r.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(r.path))) return undefined;
      tokenRequests += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      const release = () => {
        inFlight -= 1;
      };
      if (tokenRequests > 1) return Promise.resolve().then(release);
      return (async () => {
        // Until the other replica's request shows as waiting in Redis, or reaches GitHub alongside this one (a limiter
        // per replica: the assertions below then fail), whichever happens first; no timer decides.
        while (tokenRequests < 2) {
          const queued = (await opened(inspect).hvals('b_octokit-auth-no-id_client_num_queued')).reduce(
            (sum, n) => sum + Number(n),
            0,
          );
          if (queued > 0) {
            waitingInRedis.push(queued);
            break;
          }
          await sleep(20);
        }
        release();
      })();
    });
    const authBefore = await done('octokit-auth-no-id');
    const statuses = await Promise.all(
      stories.map((story, replica) =>
        story.post(forInstallation(labelEvent(story.fake, ISSUE, 'shape-spec', MARA), 7001 + replica), { replica }),
      ),
    );
    expect(statuses).toEqual([200, 200]);
    expect(tokenRequests).toBe(2);
    // While GitHub held the first, the second waited in Redis, and never reached GitHub alongside it.
    expect(waitingInRedis).toEqual([1]);
    expect(most).toBe(1);
    // Redis counted both: one limiter for the two replicas.
    expect((await done('octokit-auth-no-id')) - authBefore).toBe(2);
    // And each replica shaped its issue.
    for (const story of stories) {
      expect(story.branches()).toEqual([BRANCH]);
      expect(story.marked(ISSUE, 'questions')).toHaveLength(1);
    }
  }, 60_000);

  it('a lifecycle story whose webhooks alternate between the replicas ends with one branch, one pull request and one comment of each kind', async () => {
    const s = opened(stage);
    const story = new Story(s, sampleRepository('redis-story'));
    s.use(story.fake);
    // A person's action goes to the replica the step names; GitHub's follow-on webhooks alternate between the two.
    let personOn = 0;
    let echoes = 0;
    const received: Array<[number, number, string]> = [];
    story.replicaFor = (delivery, depth) => {
      const replica = depth === 0 ? personOn : (echoes += 1) % 2;
      received.push([replica, depth, delivery.describe]);
      return replica;
    };
    const before = { global: await done('octokit-global-no-id'), auth: await done('octokit-auth-no-id') };

    const step = async (replica: number, act: () => Promise<unknown>) => {
      personOn = replica;
      await act();
      expect(story.branches()).toEqual([BRANCH]);
      expect(story.pullRequests()).toEqual([PR]);
      expect(story.marked(ISSUE, 'questions')).toHaveLength(1);
    };
    await step(0, () => story.label(ISSUE, 'shape-spec', MARA));
    await step(1, () => story.comment(ISSUE, ANSWERS, MARA));
    await step(0, () => story.comment(ISSUE, FOLLOW_UP, MARA));
    let writeSpec: FakeComment | undefined;
    await step(1, async () => (writeSpec = await story.comment(ISSUE, '/write-spec', MARA)));
    let createTasks: FakeComment | undefined;
    await step(0, async () => (createTasks = await story.comment(PR, '/create-tasks', LEE)));
    await step(1, () =>
      story.push(PR, LEE, 'Work on Task Group 1', (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? '', 1))),
    );
    await step(0, async () => {
      const comment = story.checklist(PR);
      if (!comment) throw new Error('no checklist comment');
      await story.edit(comment, tickInChecklist(comment.body, '2.1').body, LEE);
    });
    await step(1, () =>
      story.push(PR, LEE, 'The rest', (files) => files.set(TASKS, tickGroup(files.get(TASKS) ?? ''))),
    );

    // Both replicas took part: people's actions alternated, and GitHub's echoes went to both.
    expect(received.filter(([, depth]) => depth === 0).map(([replica]) => replica)).toEqual([
      0, 1, 0, 1, 0, 1, 1, 0, 1, 1,
    ]);
    expect(new Set(received.filter(([, depth]) => depth > 0).map(([replica]) => replica))).toEqual(new Set([0, 1]));
    // One commit per step, as with one server (shape, 2 folds, spec, tasks, push, tick, push), in that order, and no
    // kind of commit twice (a commit the App makes on its own once the gate is green, such as a verification
    // report, included).
    const subjects = story.specCommits().map((c) => c.message.split('\n')[0] ?? '');
    const STEPS = [
      'Shape spec for #12: Team invites by email',
      'Fold answers from @mara into the requirements for #12',
      'Fold answers from @mara into the requirements for #12',
      'Write spec for #12: Team invites by email',
      'Create tasks for #12: Team invites by email',
      'Work on Task Group 1',
      'Tick 2.1 in tasks.md',
      'The rest',
    ];
    expect(subjects.filter((subject) => STEPS.includes(subject))).toEqual(STEPS);
    const others = subjects.filter((subject) => !STEPS.includes(subject));
    expect(others).toEqual([...new Set(others)]);
    expect(story.marked(ISSUE, 'follow-ups')).toHaveLength(1);
    expect(story.marked(ISSUE, 'reply')).toHaveLength(1);
    expect(story.marked(PR, 'reply')).toHaveLength(1);
    expect(story.marked(PR, 'checklist')).toHaveLength(1);
    expect([...story.marked(ISSUE, 'failed'), ...story.marked(PR, 'failed')]).toEqual([]);
    expect(story.reactionsTo(opened(writeSpec))).toEqual(['eyes', 'rocket']);
    expect(story.reactionsTo(opened(createTasks))).toEqual(['eyes', 'rocket']);
    // One check run per commit of the pull request, the last one green.
    const heads = [...new Set(story.fake.checkRuns.map((r) => r.head_sha))];
    expect(heads.map((sha) => story.runsOn(sha).length)).toEqual(heads.map(() => 1));
    expect(story.runsOn(story.head()).map((r) => [r.conclusion, r.output.title])).toEqual([
      ['success', '23 of 23 tasks complete'],
    ]);
    expect(
      visible(story.checklist(PR)?.body ?? '')
        .split('\n')
        .find((l) => l.trim() !== ''),
    ).toBe('### Agent OS tasks: 23 of 23 required tasks complete');
    expect(story.answered.filter((a) => a.status !== 200)).toEqual([]);

    // The rate limiter in Redis saw every request both replicas sent GitHub for this story: installation tokens
    // through `octokit-auth`, everything else through `octokit-global`.
    const tokens = story.fake.requests.filter((r) => /\/access_tokens$/.test(r.path)).length;
    expect(tokens).toBe(2);
    expect((await done('octokit-auth-no-id')) - before.auth).toBe(tokens);
    expect((await done('octokit-global-no-id')) - before.global).toBe(story.fake.requests.length - tokens);
    // Each limiter is one in Redis, registered by both replicas (two Bottleneck clients) …
    const registered = await Promise.all(LIMITERS.map((id) => opened(inspect).zcard(`b_${id}_client_last_registered`)));
    expect(Object.fromEntries(LIMITERS.map((id, i) => [id, registered[i]]))).toEqual(
      Object.fromEntries(LIMITERS.map((id) => [id, 2])),
    );
    // … each of which listens on the limiter's channel for capacity freed by the other.
    const listeners = (await opened(inspect).call('PUBSUB', 'NUMSUB', ...LIMITERS.map((id) => `b_${id}`))) as Array<
      string | number
    >;
    expect(listeners).toEqual(LIMITERS.flatMap((id) => [`b_${id}`, 2]));
    // The fourth: the response store (ETags, git objects, pull request snapshots), opened at a replica's first event.
    expect(await replicaConnections()).toEqual(
      NAMES.flatMap((name) => [`${name} resp=3`, `${name} resp=3`, `${name} resp=3`, `${name} resp=3 subscriber`]),
    );
  }, 60_000);

  it('the same delivery sent to both replicas at once (then redelivered) acts once: the label, /write-spec and /create-tasks end with the replies, commits, branch and pull request of one delivery', async () => {
    const s = opened(stage);
    // The same steps twice: each webhook once (the reference), and each sent to both replicas at the same moment
    // with one X-GitHub-Delivery, then redelivered (GitHub's redelivery racing its first try, a load balancer's retry).
    const run = async (repo: string, mode: 'once' | 'replicas') => {
      const story = new Story(s, sampleRepository(repo), mode);
      s.use(story.fake);
      await story.label(ISSUE, 'shape-spec', MARA);
      await story.comment(ISSUE, ANSWERS, MARA);
      const writeSpec = await story.comment(ISSUE, '/write-spec', MARA);
      const createTasks = await story.comment(PR, '/create-tasks', LEE);
      return { story, writeSpec, createTasks };
    };
    const seen = async () => Promise.all([0, 1].map(async (replica) => metricsOf(await s.metrics(replica))));
    const reference = await run('redis-once', 'once');
    const before = await seen();
    const raced = await run('redis-raced', 'replicas');
    const after = await seen();

    /** What people see, with the repository's name taken out. */
    const outcome = ({ story, writeSpec, createTasks }: typeof reference) => {
      // Commit ids differ between the two repositories (their commits' times do); the rest must not.
      const named = (text: string) => text.replaceAll(story.fake.repo, 'REPO').replace(/\b[0-9a-f]{40}\b/g, 'SHA');
      const comments = (n: number) => story.botComments(n).map((c) => named(visible(c.body)));
      return {
        branches: story.branches(),
        pullRequests: story.pullRequests(),
        commits: story.specCommits().map((c) => [c.message.split('\n')[0], c.changed]),
        issueComments: comments(ISSUE),
        prComments: comments(PR),
        labels: story.labels(ISSUE),
        reactions: [story.reactionsTo(writeSpec), story.reactionsTo(createTasks)],
        checkRuns: story.fake.checkRuns.map((r) => [r.conclusion, r.output.title]),
      };
    };
    expect(outcome(raced)).toEqual(outcome(reference));
    // On the issue the questions, the follow-up question and the spec's reply; on the pull request the checklist
    // and the tasks' reply: one of each, as one delivery makes, and nothing failed.
    const kinds = (n: number) =>
      raced.story.botComments(n).map((c) => /^<!-- agent-os-github:([\w-]+)/.exec(c.body)?.[1]);
    expect(kinds(ISSUE)).toEqual(['questions', 'follow-ups', 'reply']);
    expect(kinds(PR)).toEqual(['checklist', 'reply']);
    expect([...raced.story.marked(ISSUE, 'failed'), ...raced.story.marked(PR, 'failed')]).toEqual([]);
    expect(raced.story.answered.filter((a) => a.status !== 200)).toEqual([]);

    // Every webhook went out three times. Of each one the App acts on (some, such as GitHub's check_suite.requested,
    // it ignores before claiming), one copy was claimed and the two others found it claimed.
    const sent = raced.story.answered.length;
    expect(sent % 3).toBe(0);
    const delta = (name: string) => after.reduce((sum, m, i) => sum + (m[name] ?? 0) - (before[i]?.[name] ?? 0), 0);
    const accepted = delta('agent_os_deliveries_accepted_total');
    expect(accepted).toBeGreaterThanOrEqual(8);
    expect(accepted).toBeLessThanOrEqual(sent / 3);
    // Each webhook's three copies: one accepted and two duplicates, except that a copy of the App's own write that
    // arrives once its head is reported is answered as the App's own, without a claim (it changes nothing).
    const duplicates = delta('agent_os_deliveries_duplicate_total');
    const own = delta('agent_os_deliveries_own_total');
    expect((accepted + duplicates + own) % 3).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(2 * accepted);
    expect(duplicates + own).toBeGreaterThanOrEqual(2 * accepted);
    expect(delta('agent_os_deliveries_failed_total')).toBe(0);
    // (Claims kept by each replica on its own would have let both copies sent at once run: a duplicate per two.)
    expect(after.map((m) => m.agent_os_claims_shared)).toEqual([1, 1]);
    // The claims are in Redis, one key per delivery, each with an expiry.
    const keys = await opened(inspect).keys('agent-os-github:delivery:*');
    expect(keys.length).toBeGreaterThanOrEqual(accepted);
    const ttls = await Promise.all(keys.map((key) => opened(inspect).pttl(key)));
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
  }, 60_000);
});
