import type { Redis } from 'ioredis';

/**
 * Which deliveries this App is handling or has handled, by `X-GitHub-Delivery` (the same on GitHub's redelivery
 * and on a load balancer's retry). The first claim of an id wins; the others are answered and do nothing. A delivery
 * whose work failed is released, so a redelivery runs it again; one that succeeded stays claimed for `doneTtlMs`.
 */
export interface DeliveryClaims {
  /** `true`: this process handles the delivery. */
  claim: (id: string) => Promise<boolean>;
  /** The work is over: keep the claim (it succeeded) or release it (it failed, a redelivery may try again). */
  settle: (id: string, succeeded: boolean) => Promise<void>;
  /** Where the claims live, for logs and the metrics endpoint. */
  readonly store: 'memory' | 'redis';
  close: () => Promise<void>;
}

export interface ClaimTimes {
  /** How long a running delivery stays claimed (a replica that died mid-work frees it after this). */
  runningTtlMs: number;
  /** How long a finished delivery stays claimed. */
  doneTtlMs: number;
}

export const DEFAULT_CLAIM_TIMES: ClaimTimes = { runningTtlMs: 10 * 60 * 1000, doneTtlMs: 24 * 60 * 60 * 1000 };

/** Claims in this process only (no `REDIS_URL`): other replicas know nothing of them. */
export function createMemoryClaims(
  times: ClaimTimes = DEFAULT_CLAIM_TIMES,
  now: () => number = Date.now,
): DeliveryClaims {
  const until = new Map<string, number>();
  let swept = now();
  /** Forget expired claims, at most once a minute (a day of deliveries can be many thousands). */
  const sweep = () => {
    const t = now();
    if (t - swept < 60_000) return;
    swept = t;
    for (const [id, expires] of until) if (expires <= t) until.delete(id);
  };
  return {
    store: 'memory',
    claim: (id) => {
      sweep();
      const expires = until.get(id);
      if (expires !== undefined && expires > now()) return Promise.resolve(false);
      until.set(id, now() + times.runningTtlMs);
      return Promise.resolve(true);
    },
    settle: (id, succeeded) => {
      if (succeeded) until.set(id, now() + times.doneTtlMs);
      else until.delete(id);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

/** Redis keys of the claims: one database may serve several Apps (each with its own prefix) and Probot's limiters. */
export function claimKey(prefix: string, id: string): string {
  return `${prefix}:delivery:${id}`;
}

export interface RedisClaimsOptions {
  url: string;
  /** Key prefix, e.g. `agent-os:123` (the App's id), so two Apps on one database do not claim each other's ids. */
  prefix: string;
  times?: ClaimTimes;
  /** Told when Redis cannot be reached: the delivery is then handled (acting twice beats not acting). */
  onError: (error: unknown, id: string) => void;
}

/**
 * Claims shared by every replica on the same Redis: `SET key NX PX` decides which replica handles a delivery.
 * The value names the claimant, so a replica releases only its own claim.
 */
export function createRedisClaims(options: RedisClaimsOptions): DeliveryClaims {
  const times = options.times ?? DEFAULT_CLAIM_TIMES;
  // ioredis is an optional peer dependency: loaded only when REDIS_URL is set (Probot needs it then too).
  const connection: Promise<Redis> = import('ioredis').then(({ Redis: Client }) => {
    const redis = new Client(options.url, { maxRetriesPerRequest: 1 });
    // ioredis reconnects on its own; the error is reported where a claim needed Redis.
    redis.on('error', () => undefined);
    return redis;
  });
  // A failed import is reported by the first claim that needs it.
  connection.catch(() => undefined);
  const me = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  return {
    store: 'redis',
    claim: async (id) => {
      try {
        const redis = await connection;
        return (
          (await redis.set(claimKey(options.prefix, id), `running ${me}`, 'PX', times.runningTtlMs, 'NX')) === 'OK'
        );
      } catch (error) {
        options.onError(error, id);
        return true;
      }
    },
    settle: async (id, succeeded) => {
      const key = claimKey(options.prefix, id);
      try {
        const redis = await connection;
        if (succeeded) await redis.set(key, `done ${me}`, 'PX', times.doneTtlMs);
        else if ((await redis.get(key)) === `running ${me}`) await redis.del(key);
      } catch (error) {
        options.onError(error, id);
      }
    },
    close: async () => {
      const redis = await connection.catch(() => undefined);
      await redis?.quit().catch(() => {
        redis.disconnect();
      });
    },
  };
}
