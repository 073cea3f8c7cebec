import type { Redis } from 'ioredis';

/**
 * Where the App keeps what saves it requests: GitHub's answers with their ETags, git objects by SHA, what it knows
 * of a pull request. Values are text (JSON). A store never decides anything on its own: a lost or evicted entry
 * only costs a request, and every entry is either content-addressed or revalidated with GitHub before it is used.
 */
export interface ResponseStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Whether every replica of the App sees the same store (Redis), so a missing entry means none made it. */
  readonly shared: boolean;
  /** Let go of the store's connection, if it has one (the App's `close`). */
  close?: () => Promise<void>;
}

/** How long entries live in Redis: longer than GitHub keeps deliveries for redelivery (3 days). */
const TTL_SECONDS = 7 * 24 * 60 * 60;
/** Entries larger than this are not kept (a task file that large is read each time). */
const MAX_ENTRY_CHARS = 2_000_000;
const KEY_PREFIX = 'agent-os-github:';

/** A store in this process, least recently used entries dropped past `maxChars` characters in all. */
export function memoryStore(maxChars = 64_000_000): ResponseStore {
  const entries = new Map<string, string>();
  let size = 0;
  return {
    shared: false,
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return Promise.resolve(value);
    },
    set(key, value) {
      if (value.length > MAX_ENTRY_CHARS) return Promise.resolve();
      const old = entries.get(key);
      if (old !== undefined) size -= old.length;
      entries.delete(key);
      entries.set(key, value);
      size += value.length;
      for (const [oldest, text] of entries) {
        if (size <= maxChars) break;
        entries.delete(oldest);
        size -= text.length;
      }
      return Promise.resolve();
    },
  };
}

/**
 * A store in Redis, shared by every replica pointing at it. A Redis error never fails an event: the entry is
 * then treated as missing (a request more) or not written.
 */
export function redisStore(
  redis: Pick<Redis, 'get' | 'set'>,
  onError: (error: unknown) => void = () => undefined,
): ResponseStore {
  return {
    shared: true,
    async get(key) {
      try {
        return (await redis.get(KEY_PREFIX + key)) ?? undefined;
      } catch (error) {
        onError(error);
        return undefined;
      }
    },
    async set(key, value) {
      if (value.length > MAX_ENTRY_CHARS) return;
      try {
        await redis.set(KEY_PREFIX + key, value, 'EX', TTL_SECONDS);
      } catch (error) {
        onError(error);
      }
    },
  };
}

/** The App's store: in Redis when `REDIS_URL` is set (its own connection, made on first use), otherwise in this process. */
export function createResponseStore(redisUrl: string | undefined, onError?: (error: unknown) => void): ResponseStore {
  if (redisUrl === undefined || redisUrl === '') return memoryStore();
  let connection: Promise<ResponseStore> | undefined;
  const connect = () =>
    (connection ??= import('ioredis').then(({ Redis }) => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      client = redis;
      redis.on('error', (error: unknown) => onError?.(error));
      return redisStore(redis, onError);
    }));
  let client: Redis | undefined;
  return {
    shared: true,
    get: async (key) => (await connect()).get(key),
    set: async (key, value) => (await connect()).set(key, value),
    close: async () => {
      if (connection === undefined) return;
      await connection;
      await client?.quit().catch(() => client?.disconnect());
    },
  };
}
