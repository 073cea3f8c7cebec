import type { EventBase } from '../phases/lifecycle-context.js';
import type { EventOutcome, LifecycleEvent } from './event-types.js';
import { onIssueComment } from './on-issue-comment.js';
import { onIssueLabeled } from './on-issue-labeled.js';
import { onIssueState } from './on-issue-state.js';
import { onPullRequestClosed } from './on-pull-request-closed.js';

/** Route a lifecycle event to its handler: the same for the App and the Action. */
export function handleLifecycleEvent(base: EventBase, event: LifecycleEvent): Promise<EventOutcome> {
  switch (event.kind) {
    case 'issue-comment':
      return onIssueComment(base, event);
    case 'issue-labeled':
      return onIssueLabeled(base, event);
    case 'issue-state':
      return onIssueState(base, event);
    case 'pull-request-closed':
      return onPullRequestClosed(base, event);
  }
}
