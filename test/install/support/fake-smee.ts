import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSmee {
  /** The channel's URL, for WEBHOOK_PROXY_URL (and the App's webhook URL on GitHub). */
  url: string;
  /** Resolves once a client listens on the channel. */
  connected: () => Promise<void>;
  /** Relay a webhook as smee.io does: one server-sent event whose data holds the headers and the parsed body. */
  relay: (headers: Record<string, string>, body: string) => void;
  close: () => Promise<void>;
}

/** A smee.io channel on 127.0.0.1: GitHub's deliveries, relayed as server-sent events to `smee-client`. */
export async function startFakeSmee(): Promise<FakeSmee> {
  const listeners: ServerResponse[] = [];
  let onConnect: (() => void) | undefined;
  const firstConnection = new Promise<void>((resolve) => (onConnect = resolve));
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/agent-os-dev') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('event: ready\ndata: {}\n\n');
    listeners.push(res);
    onConnect?.();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/agent-os-dev`,
    connected: () => firstConnection,
    relay: (headers, body) => {
      const data = JSON.stringify({ ...headers, body: JSON.parse(body) as unknown, query: {}, timestamp: 1 });
      for (const listener of listeners) listener.write(`data: ${data}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners) listener.end();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
