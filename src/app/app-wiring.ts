import type { Context } from 'probot';
import type { ChatModel } from '../core/model/chat-model.js';
import type { AgentOsEvent } from '../events/event-types.js';
import { translatePayload } from '../events/translate-payload.js';
import type { RepoRef } from '../github/github-client.js';
import type { ResponseStore } from '../github/response-store.js';
import type { GateOutcome } from '../phases/gate-tasks.js';
import type { DeliveryDesk } from './accept-delivery.js';
import type { GateReporter } from './report-on-commit.js';
import type { WorkQueue } from './work-queue.js';

/** What the App's event registrations share: the queue, the delivery desk, the gate reporter, the model. */
export interface AppWiring {
  queue: WorkQueue;
  desk: DeliveryDesk;
  reportOn: GateReporter['reportOn'];
  model: ChatModel | undefined;
  /** GitHub's answers kept for conditional requests, and what the App knows is absent. */
  store: ResponseStore;
}

/** The delivery's event object, when it is of the kind its registration expects. */
export function eventOf<K extends AgentOsEvent['kind']>(
  context: Context,
  kind: K,
): Extract<AgentOsEvent, { kind: K }> | undefined {
  const event = translatePayload({ name: context.name, payload: context.payload, eventKey: context.id });
  return event?.kind === kind ? (event as Extract<AgentOsEvent, { kind: K }>) : undefined;
}

/** A phase gated a pull request at a commit it made: its check run follows at once (the checklist already has). */
export async function reportPhaseGate(
  wiring: AppWiring,
  context: Context,
  repo: RepoRef,
  gate: GateOutcome | undefined,
): Promise<boolean> {
  return (
    gate === undefined ||
    (await wiring.reportOn({
      context,
      repo,
      headSha: gate.headSha,
      rerun: false,
      run: () => Promise.resolve(gate),
    })) !== undefined
  );
}
