import type { Octokit } from '@octokit/rest';
import { gitBlobSha } from './git-blob-sha.js';
import { SYSTEM_ABSENCE_CLOCK, type AbsenceClock } from './owner-settings-absence.js';
import type { ResponseStore } from './response-store.js';

/** What the hook needs of an Octokit: Probot's `context.octokit` and `@octokit/rest` both have it. */
export type HookableOctokit = Pick<Octokit, 'hook' | 'request'>;

interface OctokitResponse<T> {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: T;
}

/** A read as it was answered, kept with its ETag so the next one can be conditional. */
interface StoredResponse {
  etag: string;
  url: string;
  headers: Record<string, string>;
  /** The body: JSON, text, or bytes in base64 (raw media types may come back as an ArrayBuffer). */
  data: unknown;
  bytes?: true;
}

/** Git objects are named by their content: an object read once never needs GitHub again. */
const IMMUTABLE = /\/git\/(?:blobs|trees)\/[0-9a-f]{40}(?:\?|$)/;
/** Headers a cached answer gives back: pagination and the media type. */
const KEPT_HEADERS = ['link', 'content-type'] as const;

const stores = new WeakMap<object, ResponseStore>();
const clocks = new WeakMap<object, AbsenceClock>();

/** The store a client was given by `useConditionalRequests`, if any (adapters keep their own entries in it). */
export function storeOf(client: object): ResponseStore | undefined {
  return stores.get(client);
}

/** The clock a client's store judges remembered absences by (see owner-settings-absence.ts). */
export function absenceClockOf(client: object): AbsenceClock {
  return clocks.get(client) ?? SYSTEM_ABSENCE_CLOCK;
}

function keyOf(url: string, accept: string): string {
  return `etag:${url}|${accept}`;
}

function encode(response: OctokitResponse<unknown>, etag: string): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (response.data instanceof ArrayBuffer) {
    return { etag, url: response.url, headers, data: Buffer.from(response.data).toString('base64'), bytes: true };
  }
  return { etag, url: response.url, headers, data: response.data };
}

function decode(stored: StoredResponse): OctokitResponse<unknown> {
  const data = stored.bytes ? new Uint8Array(Buffer.from(stored.data as string, 'base64')).buffer : stored.data;
  return { status: 200, url: stored.url, headers: { ...stored.headers, etag: stored.etag }, data };
}

function parse(text: string | undefined): StoredResponse | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as StoredResponse;
  } catch {
    return undefined;
  }
}

/**
 * Make every read of this client conditional, as GitHub asks clients to: the ETag of the last answer to the same
 * read goes out as `If-None-Match`, and a `304 Not Modified` (which does not count against the rate limit) is
 * answered from the store. A 304 means GitHub's current answer is the stored one, so a changed resource is always
 * read again. Git blobs and trees, named by their content, come from the store without asking at all.
 * Writes, and reads that carry their own `If-None-Match`, pass through untouched.
 */
export function useConditionalRequests(
  octokit: HookableOctokit & object,
  store: ResponseStore,
  clock?: AbsenceClock,
): void {
  if (stores.has(octokit)) return;
  stores.set(octokit, store);
  if (clock !== undefined) clocks.set(octokit, clock);
  /** Reads of this client in flight: the same read asked for twice at once is sent once. */
  const inFlight = new Map<string, Promise<OctokitResponse<unknown>>>();
  octokit.hook.wrap('request', async (request, options) => {
    if (options.method !== 'GET' || options.headers['if-none-match'] !== undefined) return request(options);
    const { url, headers } = octokit.request.endpoint.parse(options);
    const key = keyOf(url, headers.accept);
    const pending = inFlight.get(key);
    if (pending !== undefined) return pending;
    const answer = conditionalRead(
      store,
      key,
      url,
      async () => request(options),
      (etag) => (options.headers['if-none-match'] = etag),
    );
    inFlight.set(key, answer);
    try {
      return await answer;
    } finally {
      inFlight.delete(key);
    }
  });
}

async function conditionalRead(
  store: ResponseStore,
  key: string,
  url: string,
  send: () => Promise<OctokitResponse<unknown>>,
  ask: (etag: string) => void,
): Promise<OctokitResponse<unknown>> {
  const stored = parse(await store.get(key));
  if (stored !== undefined && IMMUTABLE.test(url)) return decode(stored);
  if (stored !== undefined) ask(stored.etag);
  try {
    const response = await send();
    const etag = response.headers.etag;
    if (typeof etag === 'string' && response.status === 200)
      await store.set(key, JSON.stringify(encode(response, etag)));
    return response;
  } catch (error) {
    if (stored !== undefined && (error as { status?: unknown }).status === 304) return decode(stored);
    throw error;
  }
}

/**
 * Keep a file's text as the answer to reading its git blob, when the App read or wrote that text anyway: a later
 * read of the same blob (a gate after the App's own commit, say) then needs no request. The blob SHA is computed
 * from the text, so the entry can only ever answer for exactly this content.
 */
export async function rememberBlob(
  client: Pick<Octokit, 'request'>,
  repo: { owner: string; repo: string },
  text: string,
): Promise<void> {
  const store = stores.get(client);
  if (store === undefined) return;
  const sha = gitBlobSha(text);
  const { url, headers } = client.request.endpoint({
    method: 'GET',
    url: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    ...repo,
    file_sha: sha,
    mediaType: { format: 'raw' },
  });
  const stored: StoredResponse = {
    etag: `"${sha}"`,
    url,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    data: text,
  };
  await store.set(keyOf(url, headers.accept ?? ''), JSON.stringify(stored));
}
