/**
 * The parts of an API Gateway proxy event that carry a GitHub webhook, for the Lambda handler. Both REST APIs
 * (payload format 1.0: headers as sent) and HTTP APIs (format 2.0: lower-case headers) are read, and a body API
 * Gateway base64-encoded (binary media types) is decoded back to the bytes GitHub signed.
 */

/** The fields of an API Gateway proxy event (format 1.0 or 2.0) the handler reads. */
export interface ApiGatewayEvent {
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** A webhook ready for `webhooks.verifyAndReceive`: the body as the exact text GitHub signed. */
export interface WebhookRequest {
  id: string;
  name: string;
  signature: string;
  payload: string;
}

export type ParsedWebhookRequest = { ok: true; request: WebhookRequest } | { ok: false; error: string };

const REQUIRED_HEADERS = ['x-github-event', 'x-github-delivery', 'x-hub-signature-256'] as const;

/** Header names lower-cased; the first value wins when a name comes twice in different cases. */
function lowerCaseHeaders(headers: ApiGatewayEvent['headers']): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (value !== undefined && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** Read a webhook from an API Gateway event, or say what is missing (the caller answers 400 and calls nothing). */
export function parseWebhookRequest(event: ApiGatewayEvent): ParsedWebhookRequest {
  const headers = lowerCaseHeaders(event.headers);
  const missing = REQUIRED_HEADERS.filter((name) => (headers.get(name) ?? '') === '');
  if (missing.length > 0) {
    return { ok: false, error: `Missing header${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: is this request from a GitHub webhook?` };
  }
  const raw = event.body ?? '';
  if (raw === '') return { ok: false, error: 'The request has no body: expected the JSON payload of a GitHub webhook.' };
  const payload = event.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return {
    ok: true,
    request: {
      id: headers.get('x-github-delivery') ?? '',
      name: headers.get('x-github-event') ?? '',
      signature: headers.get('x-hub-signature-256') ?? '',
      payload,
    },
  };
}

/** Whether the text is JSON (checked only after the signature, so nothing unsigned is parsed further). */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
