import type { ApplicationFunctionOptions, Context, Probot } from 'probot';
import { useConditionalRequests } from '../github/conditional-requests.js';
import { DEFAULT_SETTINGS_ABSENCE_TTL_MS, type AbsenceClock } from '../github/owner-settings-absence.js';
import { createResponseStore, type ResponseStore } from '../github/response-store.js';
import { modelFromEnvironment, type ConfiguredModel } from '../model/model-from-environment.js';
import { createDeliveryDesk } from './accept-delivery.js';
import type { AppWiring } from './app-wiring.js';
import {
  createMemoryClaims,
  createRedisClaims,
  DEFAULT_CLAIM_TIMES,
  type ClaimTimes,
  type DeliveryClaims,
} from './claim-delivery.js';
import { metricsHandler } from './metrics-endpoint.js';
import { registerGateEvents } from './register-gate-events.js';
import { registerInstallationEvents } from './register-installation-events.js';
import { registerLifecycleEvents } from './register-lifecycle-events.js';
import type { AppMetrics } from './render-metrics.js';
import { createGateReporter } from './report-on-commit.js';
import { createWorkQueue } from './work-queue.js';

export * from '../events/event-names.js';

export interface AgentOsAppOptions {
  /** Share delivery claims through this Redis server (`REDIS_URL`); without it they are kept in this process. */
  redisUrl?: string;
  /** Jobs run at the same time (`AGENT_OS_CONCURRENCY`, default 8). */
  concurrency?: number;
  claimTimes?: ClaimTimes;
  /** Prefix of the claim keys in Redis. */
  claimPrefix?: string;
  /**
   * How long an owner without a `.github` settings repository is believed to have none (ms;
   * `AGENT_OS_SETTINGS_ABSENCE_TTL` in seconds; default 5 minutes; 0 asks GitHub on every event).
   */
  settingsAbsenceTtlMs?: number;
  /** The clock that TTL is judged by (tests inject one; default `Date.now`). */
  now?: () => number;
}

/** The App, and what its operators and tests see of its queue. */
export interface AgentOsApp {
  app: (probot: Probot, loaded?: ApplicationFunctionOptions) => void;
  /**
   * Resolves once every accepted delivery's work is done, or with `repository` (`owner/name`) every delivery's about
   * that repository (tests wait on it instead of sleeping).
   */
  idle: (repository?: string) => Promise<void>;
  metrics: () => AppMetrics;
  /** Close the claims' Redis connection. */
  close: () => Promise<void>;
}

const DEFAULT_CONCURRENCY = 8;

/** At start-up: say whether a model drafts, and serve the metrics where the App has a server. */
function announce(
  probot: Probot,
  configured: ConfiguredModel,
  loaded: ApplicationFunctionOptions | undefined,
  metrics: () => AppMetrics,
): void {
  if (configured.problem !== undefined) probot.log.warn(`Model drafting is off: ${configured.problem}`);
  if (configured.description !== undefined) probot.log.info(`Model drafting with ${configured.description}`);
  try {
    loaded?.addHandler(metricsHandler(metrics));
  } catch {
    // Loaded without a server (tests, serverless): no metrics endpoint, the rest works the same.
  }
}

/** Delivery claims shared through Redis; a Redis that cannot be reached leaves the delivery to this replica. */
function redisClaims(probot: Probot, url: string, options: AgentOsAppOptions): DeliveryClaims {
  return createRedisClaims({
    url,
    prefix: options.claimPrefix ?? 'agent-os-github',
    times: options.claimTimes ?? DEFAULT_CLAIM_TIMES,
    onError: (error, id) => {
      probot.log.warn({ err: error, id }, 'Redis could not be reached to claim a delivery: handled here');
    },
  });
}

/**
 * The Probot app: every event is wired to the same phases the Action and CLI use. Each delivery is checked,
 * claimed by its id and answered at once; its work runs from the in-process queue.
 */
export function createAgentOsApp(options: AgentOsAppOptions = {}): AgentOsApp {
  const queue = createWorkQueue({ concurrency: options.concurrency ?? DEFAULT_CONCURRENCY });
  const { reportOn, stats: gateStats } = createGateReporter(queue);
  let claims: DeliveryClaims | undefined;
  const claimStore = (): DeliveryClaims => (claims ??= createMemoryClaims(options.claimTimes ?? DEFAULT_CLAIM_TIMES));
  const desk = createDeliveryDesk(queue, claimStore);
  // The operator's model (AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN, AGENT_OS_MODEL), read once at start-up.
  const configuredModel = modelFromEnvironment(process.env);
  const { model } = configuredModel;
  const metrics = (): AppMetrics => ({
    queue: queue.stats(),
    deliveries: desk.stats(),
    gate: gateStats(),
    claims: claimStore().store,
  });
  /** GitHub's answers kept for conditional requests (Redis with `REDIS_URL`, so replicas share them). */
  let responses: ResponseStore | undefined;
  const absenceClock: AbsenceClock = {
    now: options.now ?? Date.now,
    ttlMs: options.settingsAbsenceTtlMs ?? DEFAULT_SETTINGS_ABSENCE_TTL_MS,
  };

  const app = (probot: Probot, loaded?: ApplicationFunctionOptions): void => {
    announce(probot, configuredModel, loaded, metrics);
    if (options.redisUrl !== undefined) claims ??= redisClaims(probot, options.redisUrl, options);
    responses ??= createResponseStore(options.redisUrl, (error) => {
      probot.log.warn({ err: error }, 'Redis could not be reached for the response store: reading without it');
    });
    wire(probot);
  };

  /** Every event's client reads conditionally through the response store (src/github/conditional-requests.ts). */
  const wire = (probot: Probot): void => {
    const store = responses ?? createResponseStore(undefined);
    const on = probot.on.bind(probot);
    probot.on = ((events: Parameters<typeof on>[0], handler: (context: Context) => Promise<void>) => {
      on(events, (context: Context) => {
        useConditionalRequests(context.octokit, store, absenceClock);
        return handler(context);
      });
    }) as typeof probot.on;
    const wiring: AppWiring = { queue, desk, reportOn, model, store };
    registerInstallationEvents(probot, wiring);
    registerLifecycleEvents(probot, wiring);
    registerGateEvents(probot, wiring);
  };

  return {
    app,
    idle: (repository) => queue.idle(repository),
    metrics,
    close: async () => {
      await queue.idle();
      await claims?.close();
      await responses?.close?.();
    },
  };
}

/**
 * The App as `probot run` loads it: configured from the environment (`REDIS_URL`, `AGENT_OS_CONCURRENCY`).
 * Each load makes its own queue and claims.
 */
export default function agentOsApp(app: Probot, loaded?: ApplicationFunctionOptions): void {
  const concurrency = Number(process.env.AGENT_OS_CONCURRENCY);
  const redisUrl = process.env.REDIS_URL;
  const absenceTtl = Number(process.env.AGENT_OS_SETTINGS_ABSENCE_TTL ?? Number.NaN);
  createAgentOsApp({
    ...(redisUrl ? { redisUrl } : {}),
    ...(Number.isInteger(concurrency) && concurrency > 0 ? { concurrency } : {}),
    ...(Number.isFinite(absenceTtl) && absenceTtl >= 0 ? { settingsAbsenceTtlMs: absenceTtl * 1000 } : {}),
  }).app(app, loaded);
}
