import { afterEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createChatCompletionsModel } from '../../src/model/chat-completions-model.js';
import { GITHUB_MODELS_URL, resolveModelEndpoint } from '../../src/model/model-endpoint.js';
import { requestStructured } from '../../src/model/request-structured.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

const SCHEMA = z.object({ answer: z.string() });
const ASK = [{ role: 'user' as const, content: 'Say hi.' }];
let server: ModelServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ask(options: Parameters<typeof createChatCompletionsModel>[1] = {}) {
  if (!server) throw new Error('no server');
  const model = createChatCompletionsModel(
    { baseUrl: server.url, token: 'sk-secret-token', model: 'test-model' },
    options,
  );
  return requestStructured(model, ASK, 'greeting', SCHEMA);
}

describe('the chat-completions client against a local OpenAI-compatible server', () => {
  it('sends temperature 0, the JSON Schema and the bearer token, and validates the answer', async () => {
    server = await startModelServer({ json: { answer: 'hi' }, usage: { prompt: 11, completion: 3 } });
    const result = await ask();
    expect(result).toEqual({
      ok: true,
      value: { answer: 'hi' },
      usage: { calls: 1, promptTokens: 11, completionTokens: 3 },
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-secret-token');
    expect(request?.body.model).toBe('test-model');
    expect(request?.body.temperature).toBe(0);
    expect(request?.body.messages).toEqual([{ role: 'user', content: 'Say hi.' }]);
    expect(request?.body.response_format?.type).toBe('json_schema');
    expect(request?.body.response_format?.json_schema?.name).toBe('greeting');
    expect(request?.body.response_format?.json_schema?.schema).toMatchObject({
      type: 'object',
      properties: { answer: { type: 'string' } },
    });
  });

  it('reads JSON inside a code fence, and says so when the answer is not JSON or not the shape', async () => {
    server = await startModelServer(
      { text: '```json\n{"answer":"fenced"}\n```' },
      { text: 'Sure! Here is your spec.' },
      { json: { answer: 42 } },
    );
    expect(await ask()).toMatchObject({ ok: true, value: { answer: 'fenced' } });
    expect(await ask()).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-json', message: 'the model answered with text that is not JSON' },
    });
    expect(await ask()).toMatchObject({ ok: false, failure: { kind: 'invalid-shape' } });
  });

  it('waits as retry-after says on a 429 and then succeeds', async () => {
    server = await startModelServer(
      { status: 429, headers: { 'retry-after': '0' } },
      { json: { answer: 'after the wait' } },
    );
    expect(await ask()).toMatchObject({ ok: true, value: { answer: 'after the wait' } });
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait for a retry-after longer than allowed: one call, then a rate-limited failure', async () => {
    server = await startModelServer({ status: 429, headers: { 'retry-after': '3600' } });
    const result = await ask({ maxRetryAfterSeconds: 20 });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'rate-limited', message: 'the model endpoint is rate limited (429, retry after 3600 s)' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 500 as often as allowed, then reports a server error', async () => {
    server = await startModelServer(
      { status: 500, headers: { 'retry-after-ms': '0' } },
      { status: 500, headers: { 'retry-after-ms': '0' } },
    );
    const result = await ask({ maxRetries: 1 });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'server-error', message: 'the model endpoint failed (500)' },
    });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a model that does not answer within the timeout', async () => {
    server = await startModelServer({ hang: true });
    const result = await ask({ timeoutMs: 300, maxRetries: 0 });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });

  it('reports a refused token without repeating it', async () => {
    server = await startModelServer({ status: 401, body: { error: { message: 'bad token sk-secret-token' } } });
    const result = await ask();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthorized' } });
    expect(JSON.stringify(result)).not.toContain('sk-secret-token');
  });
});

describe('the model endpoint from plain settings', () => {
  it('is off without a model name, GitHub Models without a URL, and a local server by URL', () => {
    expect(resolveModelEndpoint({})).toEqual({ configured: false });
    expect(resolveModelEndpoint({ model: 'openai/gpt-4.1-mini', fallbackToken: 'ghs_x' })).toEqual({
      configured: true,
      endpoint: { baseUrl: GITHUB_MODELS_URL, token: 'ghs_x', model: 'openai/gpt-4.1-mini' },
    });
    expect(resolveModelEndpoint({ model: 'llama3.1', url: 'http://127.0.0.1:11434/v1/' })).toEqual({
      configured: true,
      endpoint: { baseUrl: 'http://127.0.0.1:11434/v1', token: '', model: 'llama3.1' },
    });
  });

  it('says what is missing', () => {
    expect(resolveModelEndpoint({ url: 'http://127.0.0.1:1/v1' })).toMatchObject({
      configured: false,
      problem: expect.stringContaining('AGENT_OS_MODEL is not'),
    });
    expect(resolveModelEndpoint({ model: 'x' })).toMatchObject({
      configured: false,
      problem: expect.stringContaining('GitHub Models needs a token'),
    });
    expect(resolveModelEndpoint({ model: 'x', url: 'ftp://nope' })).toMatchObject({
      configured: false,
      problem: expect.stringContaining('must be an http(s) base URL'),
    });
  });
});
