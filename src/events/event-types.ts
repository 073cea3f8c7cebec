import type { SubIssueStateEvent } from '../phases/follow-sub-issue.js';
import type { CreateTasksResult } from '../phases/create-tasks.js';
import type { FinishOutcome } from '../phases/finish-merged-spec.js';
import type { FoldOutcome } from '../phases/fold-answer-comment.js';
import type { SubIssueOutcome } from '../phases/follow-sub-issue.js';
import type { GateOutcome } from '../phases/gate-tasks.js';
import type { ImplementTasksResult } from '../phases/implement-tasks.js';
import type { PlanProductResult } from '../phases/plan-product.js';
import type { ShapeResult } from '../phases/shape-spec.js';
import type { TickOutcome } from '../phases/tick-from-checklist.js';
import type { WriteSpecResult } from '../phases/write-spec.js';

// Our event objects: what the App and the Action take from a webhook payload (src/events/translate-payload.ts),
// as plain values. Handlers and phases never read a payload.

/** An issue comment event (entry points read the payload; phases never do). */
export interface IssueCommentEvent {
  kind: 'issue-comment';
  action: 'created' | 'edited';
  issueNumber: number;
  isPullRequest: boolean;
  /** The issue's labels as the payload had them: only a cheap first filter; state is read through the API. */
  labels: readonly string[];
  comment: { id: number; body: string; author: string; authorIsBot: boolean };
  /** Who made the event: for an edit, the editor (a person may tick boxes in our checklist comment). */
  sender: { login: string; isBot: boolean };
  /** For an edit: the comment's text before it. */
  previousBody?: string;
  /** Identifies this event across redeliveries: the delivery id (App) or the run id (Action). */
  eventKey: string;
}

export interface IssueLabeledEvent {
  kind: 'issue-labeled';
  issueNumber: number;
  isPullRequest: boolean;
  label: string;
  sender: { login: string; isBot: boolean };
  /** Identifies this event across redeliveries: the delivery id (App) or the run id (Action). */
  eventKey: string;
}

/** An issue closed or reopened: followed when it is one of our task group sub-issues. */
export interface IssueStateEvent extends SubIssueStateEvent {
  kind: 'issue-state';
}

export interface PullRequestClosedEvent {
  kind: 'pull-request-closed';
  number: number;
  headRef: string;
  /** The head branch is in this repository: a fork's branch named like a spec branch is not the spec. */
  headInRepository: boolean;
  merged: boolean;
  htmlUrl: string;
}

/** A pull request opened, pushed to or edited: the gate runs on its head. */
export interface PullRequestEvent {
  kind: 'pull-request';
  action: string;
  number: number;
  head: { sha: string; ref: string; inRepository: boolean };
  body: string | null;
  updatedAt: string;
  /** An edit of the title alone changes nothing the gate reads. */
  changesGate: boolean;
  sender: { login: string; isBot: boolean };
}

export interface MergeGroupEvent {
  kind: 'merge-group';
  headSha: string;
  baseSha: string;
  headRef: string;
}

/** A person's re-run of a check run (`checkName`) or of a whole check suite. */
export interface CheckRerunEvent {
  kind: 'check-rerun';
  checkName?: string;
  headSha: string;
  pullRequests: number[];
}

/** The App installed, or repositories added to it: `repositories` is `'all'` when the App must list them. */
export interface InstallationEvent {
  kind: 'installation';
  installationId: number;
  /** The account the App is installed on (its `.github` settings repository may now be readable). */
  account?: string;
  repositories: 'all' | Array<{ owner: string; repo: string }>;
}

/** The events that run the lifecycle phases and end in an EventOutcome (App and Action alike). */
export type LifecycleEvent = IssueCommentEvent | IssueLabeledEvent | IssueStateEvent | PullRequestClosedEvent;

export type AgentOsEvent = LifecycleEvent | PullRequestEvent | MergeGroupEvent | CheckRerunEvent | InstallationEvent;

export type EventPhase =
  | 'plan-product'
  | 'shape-spec'
  | 'write-spec'
  | 'create-tasks'
  | 'orchestrate-tasks'
  | 'implement-tasks'
  | 'fold-answers'
  | 'tick'
  | 'sub-issue'
  | 'finish-spec'
  | 'none';

/** Every status an event can end in: the handlers' own, and each phase's result. */
export type EventStatus =
  | 'ignored'
  | 'already-handled'
  | 'failed'
  | 'refused'
  | 'deleted'
  | 'not-allowed'
  | 'orchestrated'
  | 'unchanged'
  | ShapeResult['status']
  | PlanProductResult['status']
  | WriteSpecResult['status']
  | Exclude<CreateTasksResult['status'], 'concurrent'>
  | ImplementTasksResult['status']
  | TickOutcome['status']
  | FoldOutcome['status']
  | SubIssueOutcome['status']
  | FinishOutcome['status'];

/** What an event led to, for logs and the Action's outputs. */
export interface EventOutcome {
  phase: EventPhase;
  status: EventStatus;
  message?: string;
  /** A pull request gated at a commit the phase made: the App reports it as the check run. */
  gate?: GateOutcome;
}

export const IGNORED: EventOutcome = { phase: 'none', status: 'ignored' };
