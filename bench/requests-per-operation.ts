// GitHub requests per lifecycle operation: the real App, driven through Probot with real webhook payloads,
// against the in-memory FakeGitHub. Each delivery is then redelivered (same id, same payload).
import nock from 'nock';
import { performance } from 'node:perf_hooks';
import type { Probot } from 'probot';
import { FakeGitHub, type FakeUser } from '../support/fake-github/fake-github.js';
import { commentPayload, labeledPayload, pullRequestPayload } from '../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../support/test-probot.js';
import { examplePayload } from '../support/webhook-examples.js';
import { echoesOf } from './support/echo-webhooks.js';
import { round } from './support/stats.js';
import {
  bindTimedToNock,
  criticalPath,
  isTokenRequest,
  type TimedBinding,
  type TimedRequest,
} from './support/timed-nock.js';

/** Simulated round-trip time: long enough that requests sent together overlap, so round-trips can be counted. */
const LATENCY_MS = 5;

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const ISSUE = 12;
/** An unrelated issue, whose label is the installation's first event. */
const OTHER_ISSUE = 7;
const BODY = [
  '## Requirements',
  '- Owners and admins can invite people by email from the **Members** page',
  '- Each invite has a single-use link that expires after 7 days',
  '- The Members page lists pending invites with a button to revoke each',
  '',
  '## Acceptance criteria',
  '- [ ] An expired link shows "This invite has expired"',
  '',
  '## Out of scope',
  '- SSO / SCIM provisioning',
].join('\n');

type Delivery = Parameters<typeof deliver>;

/**
 * The fewest counted requests an operation could make while keeping what it promises (state read fresh, settings
 * from the repository, every write find-or-create), webhooks of its own writes included, and why, in one line.
 * Conditional reads answered 304 are free and not counted. `S` is the settings: the repository's
 * `.github/agent-os.yml` through its root listing (a 304 while the default branch stays), then the owner's `.github`
 * repository's (a 404 when it has none: GitHub gives a 404 no ETag, so the App remembers it for a TTL and S costs
 * 0 counted requests in the steady state; the first event of an installation pays both, see `settings (first event)`).
 */
export interface LowerBound {
  reads: number;
  writes: number;
  roundTrips: number;
  /** Reads a redelivery needs to see that nothing is left to do (its writes: 0). */
  redeliveryReads: number;
  why: string;
}

export interface RequestCount {
  /** Requests that count against the rate limit: every one but the 304s (installation tokens apart). */
  requests: number;
  /** Counted reads (GETs answered with anything but 304). */
  reads: number;
  writes: number;
  /** Conditional reads answered `304 Not Modified`: sent, but free of the rate limit. */
  notModified: number;
  /** Requests on the critical path: each starts after the previous one was answered. */
  roundTrips: number;
  /** Installation-token exchanges (Probot's, cached per installation), not counted above. */
  tokenRequests: number;
  /** Handling time with LATENCY_MS per request. */
  ms: number;
  /** `METHOD /path` of each request (repository prefix dropped), in the order they were answered. */
  log: string[];
  /** Set when the delivery threw (the App or the bench is broken): the counts are then of what it did before. */
  error?: string;
}

export interface RequestsPerOperation {
  /** Simulated round-trip time per request. */
  latencyMs: number;
  operations: OperationResult[];
}

export interface OperationResult {
  operation: string;
  trigger: string;
  /** The delivery alone. */
  first: RequestCount;
  /**
   * The delivery and the webhooks GitHub sends back for the App's own writes (its pull request opened, its
   * commits on a pull request, its comments and labels), delivered until the App is quiet: what an installation pays.
   */
  cascade: RequestCount & { deliveries: number };
  redelivery: RequestCount;
  lowerBound: LowerBound;
}

interface Operation {
  operation: string;
  trigger: string;
  lowerBound: LowerBound;
  /** Change the fake as a person would, and say what GitHub then delivers. */
  prepare: (fake: FakeGitHub) => Delivery;
}

function specPullRequest(fake: FakeGitHub): number {
  return [...fake.issues.values()].find((i) => i.pull_request)?.number ?? 0;
}

/** Someone pushes a commit to the spec pull request's branch; GitHub delivers `pull_request.synchronize`. */
function push(
  probot: Probot,
  fake: FakeGitHub,
  change: (files: Map<string, string>) => void,
  message: string,
  id: string,
): Delivery {
  const pr = specPullRequest(fake);
  fake.git.commitOnBranch(fake.issues.get(pr)?.pull_request?.head ?? '', change, message);
  return [probot, 'pull_request', pullRequestPayload(fake, pr), id];
}

function checklistComment(fake: FakeGitHub, pr: number) {
  const comment = fake.comments.find(
    (c) => c.issue === pr && c.user.type === 'Bot' && c.body.startsWith('<!-- agent-os-github:checklist'),
  );
  if (!comment) throw new Error(`no checklist comment on #${pr}`);
  return comment;
}

/** A person comments; GitHub delivers `issue_comment.created`. */
function comment(probot: Probot, fake: FakeGitHub, number: number, body: string, user: FakeUser, id: string): Delivery {
  const created = fake.addComment(number, body, user);
  return [probot, 'issue_comment', commentPayload(fake, number, created), id];
}

function operations(probot: Probot): Operation[] {
  return [
    {
      operation: 'settings (first event)',
      trigger: "issues.labeled bug on another issue: the installation's first event reads the settings",
      lowerBound: {
        reads: 2,
        writes: 0,
        roundTrips: 2,
        redeliveryReads: 0,
        why: "the repository's root listing (no ETag yet) ‖ the owner's .github file (a 404, remembered for AGENT_OS_SETTINGS_ABSENCE_TTL): paid once, not by each operation below. Redelivery: claimed and dropped",
      },
      prepare: (fake) => {
        fake.addIssue({ number: OTHER_ISSUE, title: 'Crash on save', body: 'Steps to reproduce…', user: LEE });
        fake.issues.get(OTHER_ISSUE)?.labels.push('bug');
        return [probot, 'issues', labeledPayload(fake, OTHER_ISSUE, 'bug'), 'bug-1'];
      },
    },
    {
      operation: 'shape-spec',
      trigger: 'issues.labeled shape-spec',
      lowerBound: {
        reads: 3,
        writes: 7,
        roundTrips: 7,
        redeliveryReads: 4,
        why: 'S, then spec branch ‖ base branch (the payload has the issue; a merged spec and the roadmap on the default branch come from its root listing, a 304), then tree → commit → ref → PR (a branch just made has none to find) → questions comment ‖ label ‖ check run of the new head (gated from what was written). Its own PR opened, comment and label cost 0. Redelivery: S + comments + branch + PR',
      },
      prepare: (fake) => {
        fake.issues.get(ISSUE)?.labels.push('shape-spec');
        return [probot, 'issues', labeledPayload(fake, ISSUE, 'shape-spec'), 'shape-1'];
      },
    },
    {
      operation: 'answer fold',
      trigger: 'issue_comment.created (answers)',
      lowerBound: {
        reads: 4,
        writes: 3,
        roundTrips: 4,
        redeliveryReads: 4,
        why: "S ‖ the comment read fresh, then spec branch, then requirements.md, then one commit ‖ 🚀; the commit's synchronize (sent by the App): PR files, then the check run of the new head. Redelivery: the same reads find the answers already in requirements.md",
      },
      prepare: (fake) => comment(probot, fake, ISSUE, '1. Owners and admins only.\n2. Seven days.', MARA, 'answer-1'),
    },
    {
      operation: 'write-spec',
      trigger: 'issue_comment.created /write-spec',
      lowerBound: {
        reads: 6,
        writes: 7,
        roundTrips: 5,
        redeliveryReads: 2,
        why: "S ‖ permission ‖ comments, then 👀 ‖ spec branch, then requirements.md ‖ spec.md, then one commit, then label add ‖ remove ‖ reply ‖ 🚀; the commit's synchronize: the check run of the new head. Redelivery: S + comments (our reply for this comment)",
      },
      prepare: (fake) => comment(probot, fake, ISSUE, '/write-spec', LEE, 'write-spec-1'),
    },
    {
      operation: 'create-tasks',
      trigger: 'issue_comment.created /create-tasks on the spec PR',
      lowerBound: {
        reads: 8,
        writes: 6,
        roundTrips: 4,
        redeliveryReads: 2,
        why: 'S ‖ permission ‖ comments ‖ PR (its branch names the issue) ‖ PR files, then 👀 ‖ issue ‖ spec.md ‖ tasks.md, then one commit, then check run ‖ checklist ‖ reply ‖ 🚀 (a commit just made has no check runs; its tasks.md is the text just written; its synchronize costs 0). Redelivery: S + comments',
      },
      prepare: (fake) => comment(probot, fake, specPullRequest(fake), '/create-tasks', LEE, 'create-tasks-1'),
    },
    {
      operation: 'gate (push)',
      trigger: 'pull_request.synchronize after a push ticking 1.1',
      lowerBound: {
        reads: 3,
        writes: 2,
        roundTrips: 2,
        redeliveryReads: 3,
        why: 'S ‖ PR files, then tasks.md (its blob changed), then check run ‖ checklist: head SHA and description from the current payload, comments a 304, no check run to list on a new head. Redelivery: S + check runs + comments (both changed by our writes; PR files a 304)',
      },
      prepare: (fake) => {
        const pr = specPullRequest(fake);
        const branch = fake.issues.get(pr)?.pull_request?.head ?? '';
        fake.git.commitOnBranch(
          branch,
          (files) => {
            for (const [path, text] of files)
              if (path.endsWith('/tasks.md')) files.set(path, text.replace('- [ ] 1.1', '- [x] 1.1'));
          },
          'Tick 1.1 by hand',
        );
        return [probot, 'pull_request', pullRequestPayload(fake, pr), 'push-1'];
      },
    },
    {
      operation: 'comment tick',
      trigger: 'issue_comment.edited: a person ticks 1.2 in the checklist',
      lowerBound: {
        reads: 5,
        writes: 3,
        roundTrips: 4,
        redeliveryReads: 6,
        why: 'S ‖ permission ‖ PR (its branch) ‖ PR files, then tasks.md, then one commit, then check run ‖ checklist (the checklist is in the payload); its synchronize costs 0. Redelivery: + check runs + comments, to finish a run cut short',
      },
      prepare: (fake) => {
        const pr = specPullRequest(fake);
        const checklist = checklistComment(fake, pr);
        const before = checklist.body;
        checklist.body = before.replace(/- \[ \] 1\.2 /, '- [x] 1.2 ');
        const payload = commentPayload(fake, pr, checklist, 'edited');
        (payload as unknown as { changes: object }).changes = { body: { from: before } };
        Object.assign(payload.sender, { login: LEE.login, type: LEE.type });
        return [probot, 'issue_comment', payload, 'tick-1'];
      },
    },
    {
      operation: 'gate after the tick',
      trigger: 'pull_request.synchronize for the tick commit',
      lowerBound: {
        reads: 1,
        writes: 0,
        roundTrips: 2,
        redeliveryReads: 1,
        why: "S; PR files, check runs and comments are 304s, the tick's tasks.md is known by its blob: the tick already reported this commit",
      },
      prepare: (fake) => [probot, 'pull_request', pullRequestPayload(fake, specPullRequest(fake)), 'push-2'],
    },
    {
      operation: 'orchestrate-tasks',
      trigger: 'issue_comment.created /orchestrate-tasks on the spec PR (3 task groups)',
      lowerBound: {
        // Corrected: the bound once read tasks.md, orchestration.yml, the branch, the prompts and visuals folders one
        // by one (10 reads); the head's tree is one read, missing files cost nothing. It also left out the gate of
        // its own commit (PR files, and the checklist edit: its links name the new head).
        reads: 8,
        writes: 13,
        roundTrips: 17,
        redeliveryReads: 2,
        why: "S, then permission ‖ comments ‖ PR, then 👀 ‖ issue, then spec branch (its head), then that commit's tree (tasks.md by its blob, known from the App's own writes; orchestration.yml, prompts and visuals from the same listing), then tree → commit → ref, then sub-issues ‖ recent issues (a group's issue made but not attached), then per group issue → attach (in order), then sub-issues again (duplicates from a race), then reply ‖ 🚀; its commit's synchronize: PR files, then check run ‖ checklist. Redelivery: S + comments",
      },
      prepare: (fake) => comment(probot, fake, specPullRequest(fake), '/orchestrate-tasks', LEE, 'orchestrate-1'),
    },
    {
      operation: 'sub-issue closed',
      trigger: 'issues.closed (completed) on the sub-issue of Task Group 2',
      lowerBound: {
        reads: 8,
        writes: 4,
        roundTrips: 9,
        redeliveryReads: 2,
        why: 'S ‖ comments (handled before?), then parent, then its issue, then spec branch, then PR ‖ permission ‖ tasks.md, then one commit, then reply ‖ check run ‖ checklist (+ PR files, comments and check runs to gate it). Redelivery: S + comments',
      },
      prepare: (fake) => {
        const child = [...fake.issues.values()]
          .filter((i) => i.parent === ISSUE)
          .sort((a, b) => a.number - b.number)[1];
        if (!child) throw new Error('no sub-issue of Task Group 2');
        child.state = 'closed';
        child.state_reason = 'completed';
        const payload = examplePayload(
          'issues.closed',
          (p) => {
            (p as { action: string }).action = 'closed';
            p.issue.number = child.number;
            p.issue.title = child.title;
            p.issue.body = child.body;
            (p.issue as { state_reason?: string | null }).state_reason = 'completed';
            Object.assign(p.sender, { login: LEE.login, type: LEE.type });
            p.repository.default_branch = fake.defaultBranch;
          },
          'reopened',
        );
        return [probot, 'issues', payload, 'close-2'];
      },
    },
    {
      operation: 'push, steady: ticks a task',
      trigger: 'pull_request.synchronize after a push ticking the next open task (the App has gated this PR before)',
      lowerBound: {
        reads: 2,
        writes: 2,
        roundTrips: 2,
        redeliveryReads: 0,
        why: 'PR files (changed), then tasks.md by its new blob SHA, then check run ‖ checklist: S, head and description from the current payload, the check run created on a new head, the checklist edited by the id the App remembers. Both writes are the product (a new head needs its check run; the checklist shows the tick)',
      },
      prepare: (fake) =>
        push(
          probot,
          fake,
          (files) => {
            for (const [path, text] of files)
              if (path.endsWith('/tasks.md')) files.set(path, text.replace('- [ ] ', '- [x] '));
          },
          'Tick the next task',
          'push-3',
        ),
    },
    {
      operation: 'push, steady: no task change',
      trigger: 'pull_request.synchronize after a push changing only code (tasks.md as it was)',
      lowerBound: {
        reads: 1,
        writes: 2,
        roundTrips: 2,
        redeliveryReads: 0,
        why: "PR files (changed), then check run ‖ checklist (its links name the new head): tasks.md's blob is unchanged, so it comes from the store",
      },
      prepare: (fake) =>
        push(
          probot,
          fake,
          (files) => files.set('src/invites.ts', 'export const invites = [];\n'),
          'Code only',
          'push-4',
        ),
    },
  ];
}

function count(made: readonly TimedRequest[], ms: number, fake: FakeGitHub): RequestCount {
  const own = made.filter((r) => !isTokenRequest(r));
  const prefix = `/repos/${fake.owner}/${fake.repo}`;
  const counted = own.filter((r) => r.status !== 304);
  return {
    requests: counted.length,
    reads: counted.filter((r) => r.method === 'GET').length,
    writes: counted.filter((r) => r.method !== 'GET').length,
    notModified: own.length - counted.length,
    roundTrips: criticalPath(own),
    tokenRequests: made.length - own.length,
    ms: round(ms, 1),
    log: own.map((r) => `${r.method} ${r.path.replace(prefix, '')}${r.status >= 300 ? ` → ${r.status}` : ''}`),
  };
}

async function measure(binding: TimedBinding, fake: FakeGitHub, delivery: Delivery): Promise<RequestCount> {
  const before = binding.requests.length;
  const t0 = performance.now();
  let error: string | undefined;
  try {
    await deliver(...delivery);
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  const counted = count(binding.requests.slice(before), performance.now() - t0, fake);
  return error === undefined ? counted : { ...counted, error };
}

/** At most this many rounds of echoes (an App answering its own events forever would stop here). */
const ECHO_ROUNDS = 6;

/** The delivery, then the webhooks for the App's writes, round after round, until it writes nothing more. */
async function measureCascade(
  binding: TimedBinding,
  fake: FakeGitHub,
  delivery: Delivery,
  ids: { next: number },
): Promise<{ first: RequestCount; cascade: OperationResult['cascade'] }> {
  const before = binding.requests.length;
  const t0 = performance.now();
  let seen = fake.requests.length;
  const first = await measure(binding, fake, delivery);
  let deliveries = 1;
  let error = first.error;
  for (let round = 0; round < ECHO_ROUNDS; round += 1) {
    const echoes = echoesOf(delivery[0], fake, fake.requests.slice(seen), ids);
    seen = fake.requests.length;
    if (echoes.length === 0) break;
    for (const echo of echoes) {
      deliveries += 1;
      const result = await measure(binding, fake, echo);
      error ??= result.error;
    }
  }
  const all = count(binding.requests.slice(before), performance.now() - t0, fake);
  return { first, cascade: { ...all, deliveries, ...(error === undefined ? {} : { error }) } };
}

/** Run the lifecycle once, operation by operation, each followed by its redelivery. */
export async function requestsPerOperation(): Promise<RequestsPerOperation> {
  nock.disableNetConnect();
  try {
    const fake = new FakeGitHub();
    fake.addIssue({ number: ISSUE, title: 'Team invites by email', body: BODY, user: MARA });
    fake.permissions.set('mara', 'write');
    fake.permissions.set('lee', 'write');
    const binding = bindTimedToNock(fake, LATENCY_MS);
    const probot = await createTestProbot();
    const results: OperationResult[] = [];
    const ids = { next: 0 };
    for (const op of operations(probot)) {
      const delivery = op.prepare(fake);
      const { first, cascade } = await measureCascade(binding, fake, delivery, ids);
      const redelivery = await measure(binding, fake, delivery);
      results.push({
        operation: op.operation,
        trigger: op.trigger,
        first,
        cascade,
        redelivery,
        lowerBound: op.lowerBound,
      });
    }
    return { latencyMs: LATENCY_MS, operations: results };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
  }
}
