// The real App server, started as `npm start` starts it (Probot's `run`, configured from the environment, GitHub
// Enterprise style through GHE_HOST/GHE_PROTOCOL), against the in-memory GitHub served over HTTP. Started once per
// test file; each test plugs in its own fresh FakeGitHub. Adapted from demo/stage.ts, with two replicas of the
// server (two Probot processes' worth of state: caches, the per-process serializer) sharing one GitHub.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import Bottleneck from 'bottleneck';
import { ProbotOctokit, run } from 'probot';
import { createAgentOsApp, type AgentOsApp } from '../../../src/app/index.js';
import { FakeGitHub, type FakeRequest } from '../../../support/fake-github/fake-github.js';
import { TEST_PRIVATE_KEY } from '../../../support/test-probot.js';
import { createWaiter } from '../../../support/wait-until.js';

export const WEBHOOK_SECRET = 'e2e-lifecycle-secret';

/** Looks at a request before the fake answers it; a promise makes the answer wait until it settles. */
export type Interceptor = (request: FakeRequest) => Promise<void> | undefined;

/**
 * Fake GitHubs served over HTTP under `/api/v3` (as support/fake-github/http-binding.ts serves one): a request
 * for `/repos/OWNER/REPO/…` goes to the fake of that repository, any other (installation tokens, the owner's
 * `.github` repository) to the one plugged in last. Tests give each repository its own name, so work a server
 * still finishes after a test ended never lands in another test's GitHub. An interceptor can hold requests back,
 * so that two replicas racing interleave the way a test needs, every time.
 */
async function serveSwitchable() {
  let current: FakeGitHub = new FakeGitHub();
  const byRepository = new Map<string, FakeGitHub>();
  let interceptor: Interceptor | undefined;
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname).replace(/^\/api\/v3/, ''),
        query: url.searchParams,
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as unknown) : undefined,
      };
      const repository = /^\/repos\/([^/]+)\/([^/]+)/.exec(request.path);
      const fake =
        (repository ? byRepository.get(`${repository[1] ?? ''}/${repository[2] ?? ''}`) : undefined) ?? current;
      const answer = () => {
        const response = fake.handle(request);
        const text = typeof response.body === 'string';
        res.writeHead(response.status, {
          'content-type': text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
          ...response.headers,
        });
        res.end(response.body === undefined ? '' : text ? response.body : JSON.stringify(response.body));
        waiter.wake();
      };
      const wait = interceptor?.(request);
      waiter.wake();
      if (wait === undefined) answer();
      else void wait.then(answer, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/api/v3`,
    use: (fake: FakeGitHub) => {
      byRepository.set(`${fake.owner}/${fake.repo}`, fake);
      current = fake;
    },
    intercept: (next: Interceptor | undefined) => {
      interceptor = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

const waiter = createWaiter();

/**
 * A promise that resolves when `ready` says so, checked again whenever a request reaches the API (after the
 * interceptor saw it), one is answered, or a test calls `wake()` after changing what `ready` reads. No timer and no
 * deadline: releasing a held request after a fixed time would, on a slow machine, let a race test pass without
 * racing; the test's timeout ends a wait that never comes.
 */
export const until = waiter.until;

/** Checks every pending `until` again: for a test whose condition changed outside the API (a replica went idle). */
export const wake = waiter.wake;

/**
 * An interceptor that holds the first `count` requests that `matches` until all of them have arrived: every racer
 * reads before any of them writes.
 */
export function barrier(matches: (request: FakeRequest) => boolean, count: number): Interceptor {
  let arrived = 0;
  return (request) => {
    if (!matches(request) || arrived >= count) return undefined;
    arrived += 1;
    return until(() => arrived >= count);
  };
}

export type Signature = 'valid' | 'forged' | 'missing';

export interface WebhookPost {
  event: string;
  payload: object;
  /** `X-GitHub-Delivery`: the same on a redelivery. */
  id?: string;
  /** Which server replica receives it (default 0). */
  replica?: number;
  signature?: Signature;
}

export interface AppStage {
  /** `http://127.0.0.1:PORT/api/v3`. */
  apiUrl: string;
  replicas: number;
  /** Answer requests for the fake's repository from it (and requests for no repository, until the next `use`). */
  use: (fake: FakeGitHub) => void;
  /** Look at every request before it is answered, and hold it back if need be (`undefined`: none). */
  intercept: (interceptor: Interceptor | undefined) => void;
  /**
   * Sign and POST a webhook as GitHub does; resolves with the answer once every replica's queue is idle (the App
   * answers first and works after: this is how tests know the work is done, without sleeping).
   */
  post: (webhook: WebhookPost) => Promise<{ status: number; text: string }>;
  /** POST a webhook and resolve as soon as it is answered (its work may still be queued or running). */
  answer: (webhook: WebhookPost) => Promise<{ status: number; text: string }>;
  /** Resolves once no replica has work queued, running or in flight (about `repository`, when given). */
  idle: (repository?: string) => Promise<void>;
  /** The App of each replica (its queue's metrics). */
  apps: readonly AgentOsApp[];
  /** `GET /metrics` of a replica, as an operator's scraper reads it. */
  metrics: (replica: number) => Promise<string>;
  close: () => Promise<void>;
}

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

export function sign(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface StageOptions {
  /**
   * `REDIS_URL` of each replica: Probot then keeps its rate limiter in that Redis server (Bottleneck clustering
   * through ioredis), shared by every replica pointing at it. Without it each replica limits on its own.
   */
  redisUrl?: (replica: number) => string;
}

/** The rate limiters of @octokit/plugin-throttling, by the names of its throttle options. */
type Limiters = Record<'global' | 'auth' | 'search' | 'write' | 'notifications', Bottleneck.Group>;

/**
 * One replica's rate limiters in Redis, as the throttling plugin creates them when Probot gives it a Redis
 * connection (same ids and limits, so both replicas' limiters meet in the same Redis keys), except that writes and
 * notifying writes have no minimum gap, as in the stage without Redis.
 */
function limitersOn(connection: Bottleneck.IORedisConnection): Limiters {
  // The plugin's Redis TTL for a limiter's keys: 2 minutes.
  const common = { connection, timeout: 2 * 60 * 1000 };
  return {
    global: new Bottleneck.Group({ id: 'octokit-global', maxConcurrent: 10, ...common }),
    auth: new Bottleneck.Group({ id: 'octokit-auth', maxConcurrent: 1, ...common }),
    search: new Bottleneck.Group({ id: 'octokit-search', maxConcurrent: 1, minTime: 2000, ...common }),
    write: new Bottleneck.Group({ id: 'octokit-write', maxConcurrent: 1, minTime: 0, ...common }),
    notifications: new Bottleneck.Group({ id: 'octokit-notifications', maxConcurrent: 1, minTime: 0, ...common }),
  };
}

/** Start the API server and `replicas` App servers (each its own Probot `run`, as separate processes would be). */
export async function startAppStage(replicas = 2, options: StageOptions = {}): Promise<AppStage> {
  const api = await serveSwitchable();
  const { host } = new URL(api.url);
  const servers: Array<Awaited<ReturnType<typeof run>>> = [];
  const apps: AgentOsApp[] = [];
  const webhookUrls: string[] = [];
  // Probot's Redis connection of each replica that has one: closed with the stage (Probot's stop leaves it open).
  const connections: Bottleneck.IORedisConnection[] = [];
  const closeAll = async () => {
    for (const server of servers) await server.stop();
    for (const app of apps) await app.close();
    await Promise.all(connections.map((connection) => connection.disconnect(true)));
    await api.close();
  };
  try {
    for (let i = 0; i < replicas; i += 1) {
      const port = await freePort();
      const redisUrl = options.redisUrl?.(i);
      // One set per server, as Probot's are one per process (per installation), created once.
      const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
      const notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
      // With Redis, all five limiters per server, on its own connection. (The plugin keeps its limiters in module
      // state, created on the first Octokit's connection: servers in one process would share them in memory, and
      // a shared limit would prove nothing about Redis.)
      let clustered: Limiters | undefined;
      const limitersFor = (connection: Bottleneck.IORedisConnection): Limiters => {
        if (!clustered) {
          clustered = limitersOn(connection);
          connections.push(connection);
        }
        return clustered;
      };
      const app = createAgentOsApp(redisUrl === undefined ? {} : { redisUrl });
      apps.push(app);
      servers.push(
        await run(app.app, {
          env: {
            APP_ID: '123',
            PRIVATE_KEY: TEST_PRIVATE_KEY,
            WEBHOOK_SECRET,
            PORT: String(port),
            HOST: '127.0.0.1',
            GHE_HOST: host,
            GHE_PROTOCOL: 'http',
            // E2E_LOG_LEVEL=warn shows what the App and Octokit log (failures, rate limits).
            LOG_LEVEL: (process.env.E2E_LOG_LEVEL ?? 'fatal') as 'fatal',
            NODE_ENV: 'development',
            ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
          },
          // Probot's Octokit with ONE change: the throttling plugin's pacing of writes (one write per second, one
          // notifying write every three seconds: GitHub's advice against github.com's secondary rate limits) runs
          // with no minimum gap, as the local GitHub has no rate limits. Everything else stays as in production:
          // the retry plugin (a 5xx is sent again a few seconds later), the throttling plugin itself and Probot's
          // own onSecondaryRateLimit (which only logs "Secondary quota detected" and does not retry), so a 403
          // secondary rate limit reaches the App as it would.
          // (demo/stage.ts turns the whole throttling plugin off instead; here only its pacing is off.)
          // A function, so it applies after Probot's defaults (with REDIS_URL, their throttle has the connection).
          Octokit: ProbotOctokit.defaults((octokitOptions: Record<string, unknown>) => {
            const throttle = octokitOptions.throttle as { connection?: Bottleneck.IORedisConnection } | undefined;
            return {
              ...octokitOptions,
              throttle: {
                ...throttle,
                ...(throttle?.connection ? limitersFor(throttle.connection) : { write, notifications }),
              },
            };
          }),
        }),
      );
      webhookUrls.push(`http://127.0.0.1:${String(port)}/api/github/webhooks`);
    }
  } catch (error) {
    await closeAll();
    throw error;
  }

  /** Every replica's work, or only its work about one repository (tests running at once each have their own). */
  const idle = async (repository?: string) => {
    // Work on one replica leads to none on another (no webhooks flow between them here): one pass each.
    await Promise.all(apps.map((app) => app.idle(repository)));
  };

  const answer = async ({ event, payload, id = randomUUID(), replica = 0, signature = 'valid' }: WebhookPost) => {
    const body = JSON.stringify(payload);
    const url = webhookUrls[replica];
    if (url === undefined) throw new Error(`no replica ${String(replica)}`);
    const signed =
      signature === 'valid' ? sign(body) : signature === 'forged' ? sign(body, 'not-the-secret') : undefined;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/e2e',
        'x-github-event': event,
        'x-github-delivery': id,
        ...(signed === undefined ? {} : { 'x-hub-signature-256': signed }),
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  const post = async (webhook: WebhookPost) => {
    const answered = await answer(webhook);
    await idle((webhook.payload as { repository?: { full_name?: string } }).repository?.full_name);
    return answered;
  };

  const metrics = async (replica: number) => {
    const url = webhookUrls[replica];
    if (url === undefined) throw new Error(`no replica ${String(replica)}`);
    return (await fetch(new URL('/metrics', url))).text();
  };

  return {
    apiUrl: api.url,
    replicas,
    use: (fake) => {
      api.use(fake);
    },
    intercept: (interceptor) => {
      api.intercept(interceptor);
    },
    post,
    answer,
    idle,
    apps,
    metrics,
    close: closeAll,
  };
}
