import type { Context } from 'probot';
import { checkPayload, MalformedPayloadError } from './check-payload.js';
import type { DeliveryClaims } from './claim-delivery.js';
import type { DeliveryStats } from './render-metrics.js';
import type { WorkQueue } from './work-queue.js';

/** A delivery's work; `false` (or a throw) means it failed and a redelivery should run it again. */
export type DeliveryWork = () => Promise<boolean>;

export interface DeliveryDesk {
  /**
   * Check the payload (a malformed one throws a 400 for Probot to answer), claim the delivery by its id, and
   * start its work without waiting for it: the handler returns, and Probot answers GitHub at once.
   */
  accept: (context: Context, work: DeliveryWork) => Promise<void>;
  /** Count a delivery of the App's own write answered without work (nothing to claim: it changes nothing). */
  skipOwn: (context: Context) => void;
  stats: () => DeliveryStats;
}

export function createDeliveryDesk(queue: WorkQueue, claims: () => DeliveryClaims): DeliveryDesk {
  const stats: DeliveryStats = { accepted: 0, duplicate: 0, own: 0, malformed: 0, failed: 0 };
  const accept = async (context: Context, work: DeliveryWork): Promise<void> => {
    const problem = checkPayload(context.name, context.payload);
    if (problem !== undefined) {
      stats.malformed += 1;
      context.log.warn({ problem }, 'malformed payload: answered 400');
      throw new MalformedPayloadError(problem);
    }
    const store = claims();
    if (!(await store.claim(context.id))) {
      stats.duplicate += 1;
      context.log.info(
        { claims: store.store },
        'delivery already claimed (a redelivery, or another replica has it): nothing to do',
      );
      return;
    }
    stats.accepted += 1;
    const accepted = performance.now();
    const { queued, inFlight } = queue.stats();
    context.log.debug({ queued, inFlight }, 'delivery queued');
    const done = (async () => {
      let succeeded = false;
      try {
        succeeded = await work();
      } catch (error) {
        context.log.error({ err: error }, 'delivery failed');
      }
      if (!succeeded) stats.failed += 1;
      await store.settle(context.id, succeeded);
      const now = queue.stats();
      context.log.info(
        {
          ms: Math.round(performance.now() - accepted),
          queued: now.queued,
          waitMs: Math.round(now.wait.lastMs),
          succeeded,
        },
        'delivery done',
      );
    })();
    queue.track(done, (context.payload as { repository?: { full_name?: string } }).repository?.full_name);
  };
  const skipOwn = (context: Context): void => {
    stats.own += 1;
    context.log.debug("the App's own write, already answered: nothing to do");
  };
  return { accept, skipOwn, stats: () => ({ ...stats }) };
}
