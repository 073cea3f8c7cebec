import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the model server, used once, in order. */
export type ScriptedReply =
  /** A chat completion whose message content is this value as JSON. */
  | { json: unknown; usage?: { prompt: number; completion: number } }
  /** A chat completion whose message content is this text, as it is. */
  | { text: string }
  /** Any HTTP answer (429 with retry-after, 500, 401, …). */
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** No answer at all until the client gives up (a model too slow for the timeout). */
  | { hang: true };

export interface ModelRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    temperature?: number;
    messages?: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
  };
}

export interface ModelServer {
  /** The base URL, as AGENT_OS_MODEL_URL takes it. */
  url: string;
  requests: ModelRequest[];
  /** Queue more answers. When the queue is empty the server answers 500 (and the test sees the extra call). */
  script: (...replies: ScriptedReply[]) => void;
  /** Answers still queued. */
  pending: () => number;
  close: () => Promise<void>;
}

function completion(content: string, model: string, usage = { prompt: 120, completion: 80 }): object {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: {
      prompt_tokens: usage.prompt,
      completion_tokens: usage.completion,
      total_tokens: usage.prompt + usage.completion,
    },
  };
}

/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1 (node:http), answering POST /chat/completions
 * from a script and recording every request, so tests use the SDK for real.
 */
export async function startModelServer(...initial: ScriptedReply[]): Promise<ModelServer> {
  const queue: ScriptedReply[] = [...initial];
  const requests: ModelRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = (raw === '' ? {} : JSON.parse(raw)) as ModelRequest['body'];
      requests.push({ path: req.url ?? '/', headers: req.headers, body });
      if (req.method !== 'POST' || !(req.url ?? '').endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'Not Found' } }));
        return;
      }
      const reply = queue.shift() ?? { status: 500, body: { error: { message: 'no scripted reply left' } } };
      const model = body.model ?? 'test-model';
      if ('hang' in reply) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if ('status' in reply) {
        res
          .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
          .end(JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}` } }));
        return;
      }
      const content = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
      const usage = 'json' in reply ? reply.usage : undefined;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(content, model, usage)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
