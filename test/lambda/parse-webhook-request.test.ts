import { describe, expect, it } from '@jest/globals';
import { isJson, parseWebhookRequest } from '../../src/lambda/parse-webhook-request.js';

const body = '{"action":"opened","note":"café ✓"}';
const headers = { 'x-github-event': 'pull_request', 'x-github-delivery': 'd-1', 'x-hub-signature-256': 'sha256=ab' };

describe('parseWebhookRequest', () => {
  it('reads an HTTP API (format 2.0) event with lower-case headers', () => {
    expect(parseWebhookRequest({ headers, body })).toEqual({
      ok: true,
      request: { id: 'd-1', name: 'pull_request', signature: 'sha256=ab', payload: body },
    });
  });

  it('reads a REST API (format 1.0) event whatever the case of its headers, decoding a base64 body to the signed text', () => {
    const event = {
      headers: { 'X-GitHub-Event': 'pull_request', 'X-Github-Delivery': 'd-1', 'X-Hub-Signature-256': 'sha256=ab' },
      body: Buffer.from(body, 'utf8').toString('base64'),
      isBase64Encoded: true,
    };
    expect(parseWebhookRequest(event)).toEqual({
      ok: true,
      request: { id: 'd-1', name: 'pull_request', signature: 'sha256=ab', payload: body },
    });
  });

  it('names every missing header, and refuses an empty body', () => {
    expect(parseWebhookRequest({ headers: { 'x-github-event': 'issues' }, body })).toEqual({
      ok: false,
      error: 'Missing headers x-github-delivery, x-hub-signature-256: is this request from a GitHub webhook?',
    });
    expect(parseWebhookRequest({ headers: null, body: null })).toMatchObject({ ok: false });
    expect(parseWebhookRequest({ headers, body: '' })).toEqual({
      ok: false,
      error: 'The request has no body: expected the JSON payload of a GitHub webhook.',
    });
  });

  it('tells JSON from anything else', () => {
    expect(isJson(body)).toBe(true);
    expect(isJson('payload=%7B%7D')).toBe(false);
  });
});
