/** The pull request events that can change what the gate says. */
export const GATE_PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.reopened',
  'pull_request.synchronize',
  'pull_request.edited',
  'pull_request.ready_for_review',
] as const;

/**
 * Check events that ask for the gate again: a person's re-run. (GitHub's automatic `check_suite.requested` for a
 * push is not one of them: the push's `pull_request.synchronize`, sent at the same moment, gates it; answering
 * both made two check runs when they reached two replicas.)
 */
export const GATE_CHECK_EVENTS = ['check_suite.rerequested', 'check_run.rerequested'] as const;

/** The merge queue asks for checks on its own commit. */
export const GATE_MERGE_QUEUE_EVENTS = ['merge_group.checks_requested'] as const;

/** Labels start shape-spec; comments carry the slash commands and the answers to the clarifying questions. */
export const LIFECYCLE_ISSUE_EVENTS = ['issues.labeled'] as const;

/** A task group's sub-issue closed (its tasks are ticked) or reopened (said on it). */
export const SUB_ISSUE_EVENTS = ['issues.closed', 'issues.reopened'] as const;

/** A spec pull request merged: roadmap item ticked, issue closed. */
export const SPEC_MERGE_EVENTS = ['pull_request.closed'] as const;
export const LIFECYCLE_COMMENT_EVENTS = ['issue_comment.created', 'issue_comment.edited'] as const;

/** GitHub sends these to every App without a subscription: the App creates its labels where it is installed. */
export const INSTALLATION_EVENTS = ['installation.created', 'installation_repositories.added'] as const;

/** Every webhook event the App subscribes to; `app.yml` lists exactly these (a test holds them in step). */
export const HANDLED_EVENTS = [
  ...GATE_PULL_REQUEST_EVENTS,
  ...GATE_CHECK_EVENTS,
  ...GATE_MERGE_QUEUE_EVENTS,
  ...LIFECYCLE_ISSUE_EVENTS,
  ...SUB_ISSUE_EVENTS,
  ...SPEC_MERGE_EVENTS,
  ...LIFECYCLE_COMMENT_EVENTS,
] as const;
