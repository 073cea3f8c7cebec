// The webhooks GitHub sends back for the App's own writes, so an operation is measured as an installation pays
// for it: the delivery, then every event its writes cause, delivered to the App until it is quiet.
import type { Probot } from 'probot';
import { BOT, type FakeGitHub, type FakeRequest } from '../../support/fake-github/fake-github.js';
import { commentPayload, labeledPayload, pullRequestPayload } from '../../support/lifecycle-events.js';
import type { deliver } from '../../support/test-probot.js';
import { examplePayload } from '../../support/webhook-examples.js';

type Delivery = Parameters<typeof deliver>;
type Body = Record<string, unknown>;

function asBot<T extends { sender: object }>(payload: T): T {
  Object.assign(payload.sender, { login: BOT.login, type: BOT.type });
  return payload;
}

function openPullRequestOf(fake: FakeGitHub, branch: string): number | undefined {
  return [...fake.issues.values()].find((i) => i.state === 'open' && i.pull_request?.head === branch)?.number;
}

/** A branch a write moved: `PATCH /git/refs/heads/<branch>` or `PUT /contents/…` on `branch`. */
function movedBranch(request: FakeRequest, prefix: string): string | undefined {
  const ref = new RegExp(`^${prefix}/git/refs/heads/(.+)$`).exec(request.path);
  if (request.method === 'PATCH' && ref?.[1] !== undefined) return ref[1];
  if (request.method === 'PUT' && request.path.startsWith(`${prefix}/contents/`))
    return typeof (request.body as Body).branch === 'string' ? ((request.body as Body).branch as string) : '';
  return undefined;
}

/**
 * The deliveries GitHub makes for these requests of the App (the events the App subscribes to): its pull request
 * opened, its commits on a pull request's branch (`synchronize`), its comments created, the labels it adds, the
 * issues it closes. Each is sent by the App's bot, as GitHub sends them.
 */
export function echoesOf(
  probot: Probot,
  fake: FakeGitHub,
  requests: readonly FakeRequest[],
  ids: { next: number },
): Delivery[] {
  const prefix = `/repos/${fake.owner}/${fake.repo}`;
  const out: Delivery[] = [];
  const id = () => `echo-${(ids.next += 1)}`;
  const synchronized = new Set<number>();
  for (const request of requests) {
    const path = request.path.startsWith(prefix) ? request.path.slice(prefix.length) : '';
    const body = (request.body ?? {}) as Body;
    if (request.method === 'POST' && path === '/pulls') {
      const number = openPullRequestOf(fake, String(body.head));
      if (number === undefined) continue;
      const payload = asBot(pullRequestPayload(fake, number, 'opened'));
      Object.assign(payload.pull_request.user, { login: BOT.login, type: BOT.type });
      out.push([probot, 'pull_request', payload, id()]);
      synchronized.add(number);
      continue;
    }
    const branch = movedBranch(request, prefix);
    if (branch !== undefined) {
      const number = openPullRequestOf(fake, branch);
      if (number !== undefined && !synchronized.has(number)) {
        synchronized.add(number);
        out.push([probot, 'pull_request', asBot(pullRequestPayload(fake, number, 'synchronize')), id()]);
      }
      continue;
    }
    const commented = /^\/issues\/(\d+)\/comments$/.exec(path);
    if (request.method === 'POST' && commented?.[1] !== undefined) {
      const number = Number(commented[1]);
      const comment = [...fake.comments]
        .reverse()
        .find((c) => c.issue === number && c.body === body.body && c.user.type === 'Bot');
      if (comment) out.push([probot, 'issue_comment', commentPayload(fake, number, comment), id()]);
      continue;
    }
    const labelled = /^\/issues\/(\d+)\/labels$/.exec(path);
    if (request.method === 'POST' && labelled?.[1] !== undefined) {
      for (const name of (body.labels as string[] | undefined) ?? [])
        out.push([probot, 'issues', asBot(labeledPayload(fake, Number(labelled[1]), name)), id()]);
      continue;
    }
    const edited = /^\/issues\/(\d+)$/.exec(path);
    if (request.method === 'PATCH' && edited?.[1] !== undefined && (body.state === 'closed' || body.state === 'open')) {
      const issue = fake.issues.get(Number(edited[1]));
      if (!issue) continue;
      const action = body.state === 'closed' ? 'closed' : 'reopened';
      const payload = examplePayload(
        'issues.closed',
        (p) => {
          (p as { action: string }).action = action;
          p.issue.number = issue.number;
          p.issue.title = issue.title;
          p.issue.body = issue.body;
          (p.issue as { state_reason?: string | null }).state_reason = issue.state_reason ?? null;
          p.repository.default_branch = fake.defaultBranch;
        },
        'reopened',
      );
      out.push([probot, 'issues', asBot(payload), id()]);
    }
  }
  return out;
}
