import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWaiter } from '../../support/wait-until.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `"GET /repos/acme/app/pulls/7"` (path without the query) → what to answer. */
export type Routes = Record<string, (request: RecordedRequest) => Reply>;

export interface LocalApi {
  url: string;
  requests: RecordedRequest[];
  /** Requests no route answered (answered 404 and recorded here, so a test can insist there are none). */
  unmatched: RecordedRequest[];
  /** Resolves once `ready()` holds, checked after each request is answered (never on a timer). */
  until: (ready: () => boolean) => Promise<void>;
  close: () => Promise<void>;
}

/** A small HTTP server on 127.0.0.1 that answers GitHub REST routes from a table and records every request. */
export async function startLocalApi(routes: Routes): Promise<LocalApi> {
  const requests: RecordedRequest[] = [];
  const unmatched: RecordedRequest[] = [];
  const waiter = createWaiter();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as unknown) : undefined,
      };
      requests.push(recorded);
      const route = routes[`${recorded.method} ${path}`];
      if (!route) unmatched.push(recorded);
      const reply = route ? route(recorded) : { status: 404, body: { message: 'Not Found' } };
      const isText = typeof reply.body === 'string';
      res.writeHead(reply.status ?? 200, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        ...reply.headers,
      });
      res.end(isText ? reply.body : JSON.stringify(reply.body ?? {}));
      waiter.wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unmatched,
    until: waiter.until,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
