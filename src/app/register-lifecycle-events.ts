import type { Context, Probot } from 'probot';
import {
  LIFECYCLE_COMMENT_EVENTS,
  LIFECYCLE_ISSUE_EVENTS,
  SPEC_MERGE_EVENTS,
  SUB_ISSUE_EVENTS,
} from '../events/event-names.js';
import type { EventOutcome, LifecycleEvent } from '../events/event-types.js';
import { handleLifecycleEvent } from '../events/handle-lifecycle-event.js';
import { isAppSender } from '../github/app-identity.js';
import { eventOf, reportPhaseGate, type AppWiring } from './app-wiring.js';
import { eventBase, logOutcome, repoOf, type RepositoryPayload } from './event-context.js';

type RepositoryContext = Context & { payload: { repository: RepositoryPayload & { full_name: string } } };

const succeeded = (outcome: EventOutcome) => outcome.status !== 'failed';

/** Run a lifecycle event's handler from the queue (one issue's events one at a time) and report a gate it made. */
async function runLifecycle(
  wiring: AppWiring,
  context: RepositoryContext,
  event: LifecycleEvent | undefined,
): Promise<boolean> {
  if (event === undefined) return true;
  const number = event.kind === 'pull-request-closed' ? event.number : event.issueNumber;
  const { repository } = context.payload;
  const base = eventBase(context, repository, wiring.model);
  const outcome = await wiring.queue.run(`${repository.full_name}#${String(number)}`, () =>
    handleLifecycleEvent(base, event),
  );
  logOutcome(context, outcome);
  // shape-spec gated its new pull request's head from what it wrote: reported here, as the check run.
  const reported = await reportPhaseGate(wiring, context, repoOf(repository), outcome.gate);
  return succeeded(outcome) && reported;
}

/** Labels, comments, sub-issues closed or reopened, and merged spec pull requests: the lifecycle's events. */
export function registerLifecycleEvents(app: Probot, wiring: AppWiring): void {
  const { desk } = wiring;
  app.on([...LIFECYCLE_ISSUE_EVENTS], async (context) => {
    // A label the App added itself (its phase labels): the phase that added it has done the work.
    if (await isAppSender(context.octokit, context.payload.sender)) {
      desk.skipOwn(context);
      return;
    }
    await desk.accept(context, () => runLifecycle(wiring, context, eventOf(context, 'issue-labeled')));
  });
  app.on([...LIFECYCLE_COMMENT_EVENTS], (context) =>
    desk.accept(context, () => runLifecycle(wiring, context, eventOf(context, 'issue-comment'))),
  );
  app.on([...SUB_ISSUE_EVENTS], (context) =>
    desk.accept(context, () => runLifecycle(wiring, context, eventOf(context, 'issue-state'))),
  );
  app.on([...SPEC_MERGE_EVENTS], async (context) => {
    const event = eventOf(context, 'pull-request-closed');
    if (event?.merged === false) return;
    // A payload without what the App reads is refused (400) by the desk.
    await desk.accept(context, async () => {
      if (event === undefined) return true;
      try {
        return await runLifecycle(wiring, context, event);
      } catch (error) {
        context.log.warn({ err: error }, 'finishing a merged spec failed');
        return false;
      }
    });
  });
}
