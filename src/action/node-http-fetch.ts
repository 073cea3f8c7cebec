import type { Agent, IncomingMessage } from 'node:http';

// Taken with getBuiltinModule rather than imported: an ES import of node:http builds its whole namespace, whose
// WebSocket and fetch getters load Node's bundled undici, the very cost this module exists to avoid. Each is taken
// on its first request: node:https brings TLS and node:crypto, which a GitHub Enterprise Server over plain HTTP
// (or the local GitHub of the tests and the bench) never needs.
const schemes = {
  http: () => process.getBuiltinModule('node:http'),
  https: () => process.getBuiltinModule('node:https'),
};

/** The part of a fetch response that Octokit's request reads. */
interface MinimalResponse {
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null; [Symbol.iterator](): IterableIterator<[string, string]> };
  body: null;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface MinimalInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | null;
  signal?: AbortSignal | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

function toResponse(url: string, message: IncomingMessage, bytes: Buffer): MinimalResponse {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const text = bytes.toString('utf8');
  return {
    status: message.statusCode ?? 0,
    statusText: message.statusMessage ?? '',
    url,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => headers.entries() },
    body: null,
    text: () => Promise.resolve(text),
    json: () => Promise.resolve(JSON.parse(text) as unknown),
    arrayBuffer: () =>
      Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
  };
}

/**
 * A fetch for Octokit over `node:http(s)`, with kept-alive connections. Node's global fetch loads its bundled
 * undici on first use, which costs the Action more start-up than everything else it loads; these requests are
 * plain JSON calls to one host that need none of it. `close()` lets the process exit.
 */
export function createNodeHttpFetch(): {
  fetch: (url: string, init?: MinimalInit) => Promise<MinimalResponse>;
  close: () => void;
} {
  const agents: { http?: Agent; https?: Agent } = {};
  const once = (url: string, init: MinimalInit) =>
    new Promise<MinimalResponse>((resolve, reject) => {
      const scheme = url.startsWith('https:') ? 'https' : 'http';
      const transport = schemes[scheme]();
      const agent = (agents[scheme] ??= new transport.Agent({ keepAlive: true }));
      const req = transport.request(
        url,
        { method: init.method ?? 'GET', headers: init.headers ?? {}, agent, signal: init.signal ?? undefined },
        (message) => {
          const chunks: Buffer[] = [];
          message.on('data', (chunk: Buffer) => chunks.push(chunk));
          message.on('end', () => {
            resolve(toResponse(url, message, Buffer.concat(chunks)));
          });
          message.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(init.body ?? undefined);
    });
  // Follow redirects as fetch does (GitHub answers 301 for a renamed repository, 307 for some downloads).
  const fetch = async (url: string, init: MinimalInit = {}): Promise<MinimalResponse> => {
    let response = await once(url, init);
    for (let hops = 0; hops < MAX_REDIRECTS && REDIRECTS.has(response.status); hops += 1) {
      const location = response.headers.get('location');
      if (location === null) break;
      const next = new URL(location, response.url).href;
      const keepsMethod = response.status === 307 || response.status === 308;
      response = await once(next, keepsMethod ? init : { ...init, method: 'GET', body: null });
    }
    return response;
  };
  return {
    fetch,
    close: () => {
      agents.http?.destroy();
      agents.https?.destroy();
    },
  };
}
