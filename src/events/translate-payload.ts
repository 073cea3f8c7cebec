import type {
  AgentOsEvent,
  CheckRerunEvent,
  InstallationEvent,
  IssueCommentEvent,
  PullRequestClosedEvent,
  PullRequestEvent,
} from './event-types.js';

// The one place a webhook payload becomes our event objects, for the App (Probot's context) and the Action (the
// runner's event file) alike. Payloads are read defensively: the Action gets whatever the workflow's event holds.

interface User {
  login?: string;
  type?: string;
}

interface PullRequestPayload {
  number: number;
  merged?: boolean | null;
  html_url?: string;
  body?: string | null;
  updated_at?: string;
  head: { sha?: string; ref: string; repo?: { full_name?: string } | null };
}

/** The fields of the payloads we translate; every one optional, as a workflow's event may lack any. */
interface Payload {
  action?: string;
  sender?: User | null;
  repository?: { full_name?: string };
  changes?: { body?: { from?: string } } & Record<string, unknown>;
  issue?: {
    number: number;
    body?: string | null;
    state_reason?: string | null;
    pull_request?: unknown;
    labels?: Array<{ name?: string } | string>;
  };
  comment?: { id: number; body?: string | null; user?: User | null };
  label?: { name?: string };
  pull_request?: PullRequestPayload;
  merge_group?: { head_sha: string; base_sha: string; head_ref: string };
  check_run?: { name: string; head_sha: string; pull_requests: Array<{ number: number }> };
  check_suite?: { head_sha: string; pull_requests: Array<{ number: number }> };
  installation?: { id: number; account?: { login?: string } | null };
  repositories?: Array<{ full_name: string; name: string }>;
  repositories_added?: Array<{ full_name: string; name: string }>;
}

export interface WebhookInput {
  /** The webhook's event name: `issues`, `issue_comment`, `pull_request`, `merge_group`, … */
  name: string;
  payload: object;
  /** Identifies the event across redeliveries: the delivery id (App) or `run-<id>` (Action). */
  eventKey: string;
  /** `owner/name` of the repository the event is about (default: the payload's repository). */
  repository?: string;
}

const senderOf = (user: User | null | undefined) => ({ login: user?.login ?? '', isBot: user?.type === 'Bot' });

function issueEvent(p: Payload, eventKey: string): AgentOsEvent | undefined {
  const issue = p.issue;
  if (issue === undefined) return undefined;
  const isPullRequest = issue.pull_request !== undefined && issue.pull_request !== null;
  if (p.action === 'labeled')
    return {
      kind: 'issue-labeled',
      issueNumber: issue.number,
      isPullRequest,
      label: p.label?.name ?? '',
      sender: senderOf(p.sender),
      eventKey,
    };
  if (p.action !== 'closed' && p.action !== 'reopened') return undefined;
  const state = {
    action: p.action,
    issueNumber: issue.number,
    body: issue.body ?? '',
    stateReason: issue.state_reason ?? null,
    sender: senderOf(p.sender),
    eventKey,
  } as const;
  return { kind: 'issue-state', ...state };
}

function commentEvent(p: Payload, eventKey: string): IssueCommentEvent | undefined {
  const { issue, comment } = p;
  if (issue === undefined || comment === undefined || (p.action !== 'created' && p.action !== 'edited'))
    return undefined;
  const previousBody = p.action === 'edited' ? p.changes?.body?.from : undefined;
  return {
    kind: 'issue-comment',
    action: p.action,
    issueNumber: issue.number,
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    labels: (issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    comment: {
      id: comment.id,
      body: comment.body ?? '',
      author: comment.user?.login ?? '',
      authorIsBot: comment.user?.type === 'Bot',
    },
    sender: senderOf(p.sender),
    ...(previousBody === undefined ? {} : { previousBody }),
    eventKey,
  };
}

function pullRequestEvent(
  p: Payload,
  repository: string | undefined,
): PullRequestEvent | PullRequestClosedEvent | undefined {
  const pr = p.pull_request;
  if (pr === undefined) return undefined;
  const inRepository = repository !== undefined && pr.head.repo?.full_name === repository;
  if (p.action === 'closed') {
    return {
      kind: 'pull-request-closed',
      number: pr.number,
      headRef: pr.head.ref,
      headInRepository: inRepository,
      merged: pr.merged === true,
      htmlUrl: pr.html_url ?? '',
    };
  }
  const changes = p.changes ?? {};
  return {
    kind: 'pull-request',
    action: p.action ?? '',
    number: pr.number,
    head: { sha: pr.head.sha ?? '', ref: pr.head.ref, inRepository },
    body: pr.body ?? null,
    updatedAt: pr.updated_at ?? '',
    changesGate: p.action !== 'edited' || 'body' in changes || 'base' in changes,
    sender: senderOf(p.sender),
  };
}

function checkRerunEvent(p: Payload): CheckRerunEvent | undefined {
  if (p.check_run !== undefined) {
    const run = p.check_run;
    return {
      kind: 'check-rerun',
      checkName: run.name,
      headSha: run.head_sha,
      pullRequests: run.pull_requests.map((pr) => pr.number),
    };
  }
  if (p.check_suite === undefined) return undefined;
  return {
    kind: 'check-rerun',
    headSha: p.check_suite.head_sha,
    pullRequests: p.check_suite.pull_requests.map((pr) => pr.number),
  };
}

function installationEvent(p: Payload): InstallationEvent | undefined {
  if (p.installation === undefined) return undefined;
  const listed = p.repositories_added ?? p.repositories;
  const repositories =
    p.action === 'created'
      ? 'all'
      : (listed ?? []).map((r) => ({ owner: r.full_name.split('/')[0] ?? '', repo: r.name }));
  const account = p.installation.account?.login;
  return {
    kind: 'installation',
    installationId: p.installation.id,
    ...(account === undefined ? {} : { account }),
    repositories,
  };
}

/** Our event for a webhook, or `undefined` for one we do not act on (or one lacking what it needs). */
export function translatePayload(input: WebhookInput): AgentOsEvent | undefined {
  const p = input.payload as Payload;
  switch (input.name) {
    case 'issues':
      return issueEvent(p, input.eventKey);
    case 'issue_comment':
      return commentEvent(p, input.eventKey);
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestEvent(p, input.repository ?? p.repository?.full_name);
    case 'merge_group':
      return p.merge_group === undefined
        ? undefined
        : {
            kind: 'merge-group',
            headSha: p.merge_group.head_sha,
            baseSha: p.merge_group.base_sha,
            headRef: p.merge_group.head_ref,
          };
    case 'check_run':
    case 'check_suite':
      return checkRerunEvent(p);
    case 'installation':
    case 'installation_repositories':
      return installationEvent(p);
    default:
      return undefined;
  }
}
