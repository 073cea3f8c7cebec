// The App as an AWS Lambda function behind API Gateway (docs/deploy.md, "AWS Lambda"). A thin handler on Probot 14:
// the official @probot/adapter-aws-lambda-serverless still depends on Probot 13. On a cold start Probot is built
// from the environment and the App loaded once; every event is then checked against WEBHOOK_SECRET before anything
// else happens, and answered only when the App's work for it is done.
import { createProbot, type Probot } from 'probot';
import { createAgentOsApp, type AgentOsApp } from '../app/index.js';
import { isJson, parseWebhookRequest, type ApiGatewayEvent } from './parse-webhook-request.js';

export type { ApiGatewayEvent } from './parse-webhook-request.js';

export interface ApiGatewayResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

function answer(statusCode: number, body: object): ApiGatewayResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The variables the function cannot work without, named when missing. */
export function missingEnvironment(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if ((env.APP_ID ?? '') === '') missing.push('APP_ID');
  if ((env.PRIVATE_KEY ?? '') === '' && (env.PRIVATE_KEY_PATH ?? '') === '') missing.push('PRIVATE_KEY (or PRIVATE_KEY_PATH)');
  if ((env.WEBHOOK_SECRET ?? '') === '') missing.push('WEBHOOK_SECRET');
  return missing;
}

let ready: Promise<{ probot: Probot; app: AgentOsApp }> | undefined;

/** Probot and the App, built once per Lambda instance. REDIS_URL is ignored: instances share nothing. */
function probotFromEnvironment(): Promise<{ probot: Probot; app: AgentOsApp }> {
  ready ??= (async () => {
    const probot = createProbot({ env: { ...process.env, REDIS_URL: '' } });
    const app = createAgentOsApp();
    await probot.load(app.app);
    return { probot, app };
  })();
  return ready;
}

/** The status a handler's error asks for (the App's 400 for a malformed payload), if any. */
function askedStatus(error: unknown): number | undefined {
  const first = (error as { errors?: unknown[] }).errors?.[0] as { status?: unknown; message?: unknown } | undefined;
  return typeof first?.status === 'number' ? first.status : undefined;
}

export async function handler(event: ApiGatewayEvent): Promise<ApiGatewayResult> {
  const missing = missingEnvironment(process.env);
  if (missing.length > 0) {
    const error = `The function is not configured: set ${missing.join(', ')} in its environment (see docs/deploy.md).`;
    console.error(error);
    return answer(500, { error });
  }
  const parsed = parseWebhookRequest(event);
  if (!parsed.ok) return answer(400, { error: parsed.error });
  const { request } = parsed;

  const { probot, app } = await probotFromEnvironment();
  const log = probot.log.child({ id: request.id, event: request.name });
  if (!(await probot.webhooks.verify(request.payload, request.signature))) {
    log.warn('Refused a webhook whose signature does not match WEBHOOK_SECRET');
    return answer(400, { error: 'The signature (X-Hub-Signature-256) does not match the body and WEBHOOK_SECRET.' });
  }
  if (!isJson(request.payload)) return answer(400, { error: 'The body is not JSON: expected the payload of a GitHub webhook.' });

  try {
    await probot.webhooks.verifyAndReceive({
      id: request.id,
      name: request.name,
      signature: request.signature,
      payload: request.payload,
    });
    // The App answers before its work is done; a Lambda instance may be frozen once it answers, so wait here.
    await app.idle();
    return answer(200, { ok: true });
  } catch (error) {
    if (askedStatus(error) === 400) {
      const message = String((error as { message?: unknown }).message);
      log.warn({ err: error }, 'Refused a malformed payload');
      return answer(400, { error: message });
    }
    log.error({ err: error }, 'A handler failed on this webhook');
    return answer(500, { error: `Handling ${request.name} delivery ${request.id} failed; the function's logs say why.` });
  }
}
