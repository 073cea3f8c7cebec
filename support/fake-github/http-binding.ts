import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWaiter } from '../wait-until.js';
import type { FakeGitHub } from './fake-github.js';

export interface FakeGitHubServer {
  /** `http://127.0.0.1:PORT` (add `prefix` for GitHub Enterprise's `/api/v3`). */
  url: string;
  /** Resolves once `ready()` holds (say, about the fake's state), checked after each request is answered. */
  until: (ready: () => boolean) => Promise<void>;
  close: () => Promise<void>;
}

/** Serve the fake GitHub over HTTP on 127.0.0.1, as the Action and the real server reach GitHub. */
export async function serveFakeGitHub(fake: FakeGitHub, prefix = ''): Promise<FakeGitHubServer> {
  const waiter = createWaiter();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent(url.pathname).replace(prefix, '');
      const response = fake.handle({
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as unknown) : undefined,
      });
      const text = typeof response.body === 'string';
      res.writeHead(response.status, {
        'content-type': text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        ...response.headers,
      });
      res.end(response.body === undefined ? '' : text ? response.body : JSON.stringify(response.body));
      waiter.wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    until: waiter.until,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
