// People's actions on the in-memory GitHub, delivered to the App server as GitHub delivers them: the webhook for
// the action, then the webhooks GitHub sends because of the App's own writes (pull_request.opened/.synchronize,
// check_suite.requested, its comments and labels, …), derived by demo/analyse.ts, and theirs in turn.
import { randomUUID } from 'node:crypto';
import { analyse, snapshot } from '../../../demo/analyse.js';
import {
  checkSuiteRequested,
  commentEvent,
  labelEvent,
  pullRequestEvent,
  type Delivery,
} from '../../../demo/payloads.js';
import { ANSWERS, ISSUE_BODY, ISSUE_NUMBER, ISSUE_TITLE, LEE, MARA } from '../../../demo/sample.js';
import type { FakeComment, FakeUser } from '../../../support/fake-github/fake-github.js';
import { RecordingGitHub } from '../../../demo/stage.js';
import type { AppStage, Signature } from './app-stage.js';

export { ANSWERS, ISSUE_NUMBER, LEE, MARA };

/** A collaborator with read access only. */
export const RITA: FakeUser = { login: 'rita', type: 'User' };

export const CHECK = 'Agent OS: tasks';
export const BRANCH = 'agent-os/12-team-invites-by-email';
export const FOLDER = 'agent-os/specs/2026-03-14-team-invites-by-email';
export const REQUIREMENTS = `${FOLDER}/planning/requirements.md`;
export const SPEC = `${FOLDER}/spec.md`;
export const TASKS = `${FOLDER}/tasks.md`;
export const VERIFICATION = `${FOLDER}/verifications/final-verification.md`;
/** Webhooks caused by webhooks caused by … the App's writes: a loop would stop here. */
const MAX_ECHO_DEPTH = 4;

/**
 * `once`: each webhook is delivered once, as GitHub does. `redelivered`: each is delivered 3 times with the same
 * `X-GitHub-Delivery`, all to one server: two copies at the same moment, then a redelivery (as after a timeout or
 * a "Redeliver" click). `replicas`: the same, but the two simultaneous copies go to two replicas of the server
 * behind a load balancer (the redelivery to the first).
 */
export type Mode = 'once' | 'redelivered' | 'replicas';

export interface Answered {
  describe: string;
  status: number;
}

/** The sample repository of the demo: mara (maintain) wrote issue #12, lee (write) builds it, rita can read. */
export function sampleRepository(repo = 'app'): RecordingGitHub {
  const fake = new RecordingGitHub('acme', repo, 'main');
  fake.permissions.set(MARA.login, 'maintain');
  fake.permissions.set(LEE.login, 'write');
  fake.permissions.set(RITA.login, 'read');
  fake.addIssue({ number: ISSUE_NUMBER, title: ISSUE_TITLE, body: ISSUE_BODY, user: MARA });
  return fake;
}

export class Story {
  /** Every delivery and the HTTP status the App answered it with. */
  readonly answered: Answered[] = [];
  /** Whether the webhooks GitHub sends for the App's own writes are delivered too. */
  echoes = true;
  /** In `once` mode, which replica receives a delivery (`depth` 0: a person's action; more: GitHub's echoes). */
  replicaFor: (delivery: Delivery, depth: number) => number = () => 0;
  /** The last webhook a person's action caused, with its `X-GitHub-Delivery`, for `redeliver`. */
  private last: { delivery: Delivery; id: string } | undefined;

  constructor(
    readonly stage: AppStage,
    readonly fake: RecordingGitHub,
    readonly mode: Mode = 'once',
  ) {}

  /** Deliver one webhook (as the mode says), then the webhooks GitHub sends for what the App wrote. */
  async deliver(first: Delivery, firstId: string = randomUUID()): Promise<void> {
    this.last = { delivery: first, id: firstId };
    const queue: Array<{ delivery: Delivery; depth: number }> = [{ delivery: first, depth: 0 }];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { delivery, depth } = next;
      const before = snapshot(this.fake);
      const id = depth === 0 ? firstId : randomUUID();
      const send = async (replica: number) => {
        await this.post(delivery, { id, replica });
      };
      if (this.mode === 'once') {
        await send(this.replicaFor(delivery, depth));
      } else {
        await Promise.all([send(0), send(this.mode === 'replicas' ? 1 : 0)]);
        await send(0);
      }
      if (!this.echoes || depth >= MAX_ECHO_DEPTH) continue;
      queue.push(...analyse(this.fake, before).echoes.map((echo) => ({ delivery: echo, depth: depth + 1 })));
    }
  }

  /**
   * POST one webhook to one replica as GitHub would, for this story's repository; resolves once the App's work on
   * it is done, or with `answerOnly` as soon as the App answered.
   */
  async post(
    delivery: Delivery,
    options: { id?: string; replica?: number; signature?: Signature; answerOnly?: boolean } = {},
  ): Promise<number> {
    const payload = delivery.payload as { repository?: object };
    const { owner, repo, html } = this.fake;
    const moved: Record<string, unknown> = payload.repository
      ? { ...payload, repository: { ...payload.repository, name: repo, full_name: `${owner}/${repo}`, html_url: html } }
      : { ...payload };
    // A pull request's branches are this repository's too (a fork's head would name another).
    const pull = (payload as { pull_request?: { head?: { repo?: object | null }; base?: { repo?: object | null } } })
      .pull_request;
    if (pull?.head?.repo && pull.base?.repo) {
      const same = { name: repo, full_name: `${owner}/${repo}` };
      moved.pull_request = {
        ...pull,
        head: { ...pull.head, repo: { ...pull.head.repo, ...same } },
        base: { ...pull.base, repo: { ...pull.base.repo, ...same } },
      };
    }
    const { answerOnly = false, ...webhook } = options;
    const { status } = await (answerOnly ? this.stage.answer : this.stage.post)({
      event: delivery.event,
      payload: moved,
      ...webhook,
    });
    this.answered.push({ describe: delivery.describe, status });
    return status;
  }

  /** GitHub delivers the last person's webhook again, with the same `X-GitHub-Delivery` ("Redeliver"). */
  async redeliver(): Promise<void> {
    if (!this.last) throw new Error('nothing delivered yet');
    await this.deliver(this.last.delivery, this.last.id);
  }

  /** A person labels the issue (the label lands on it) and GitHub sends `issues.labeled`. */
  async label(number: number, name: string, who: FakeUser): Promise<void> {
    const issue = this.fake.issues.get(number);
    if (issue && !issue.labels.includes(name)) issue.labels.push(name);
    await this.deliver(labelEvent(this.fake, number, name, who));
  }

  /** A person writes a comment and GitHub sends `issue_comment.created`. */
  async comment(number: number, body: string, who: FakeUser): Promise<FakeComment> {
    const comment = this.fake.addComment(number, body, who);
    await this.deliver(commentEvent(this.fake, comment, who));
    return comment;
  }

  /** A person edits a comment (theirs, or ticks a box in the App's) and GitHub sends `issue_comment.edited`. */
  async edit(comment: FakeComment, body: string, who: FakeUser): Promise<void> {
    const previous = comment.body;
    comment.body = body;
    await this.deliver(commentEvent(this.fake, comment, who, 'edited', previous));
  }

  /** A person pushes a commit to a pull request's branch: `pull_request.synchronize` and `check_suite.requested`. */
  async push(
    pr: number,
    who: FakeUser,
    message: string,
    change: (files: Map<string, string>) => void,
  ): Promise<string> {
    const branch = this.fake.issues.get(pr)?.pull_request?.head;
    if (branch === undefined) throw new Error(`#${String(pr)} is not a pull request`);
    const before = this.fake.git.resolve(branch)?.sha ?? '';
    const commit = this.fake.git.commitOnBranch(branch, change, message);
    await this.deliver(pullRequestEvent(this.fake, pr, who, 'synchronize', { before }));
    await this.deliver(checkSuiteRequested(this.fake, branch, before));
    return commit.sha;
  }

  /** A person pushes to a branch that has no pull request (GitHub sends no webhook the App subscribes to). */
  commitByHand(branch: string, message: string, change: (files: Map<string, string>) => void): string {
    return this.fake.git.commitOnBranch(branch, change, message).sha;
  }

  // What people see, read back from the fake GitHub.

  files(ref = BRANCH): ReadonlyMap<string, string> {
    return this.fake.git.filesAt(ref) ?? new Map<string, string>();
  }

  file(path: string, ref = BRANCH): string | undefined {
    return this.files(ref).get(path);
  }

  head(branch = BRANCH): string {
    return this.fake.git.resolve(branch)?.sha ?? '';
  }

  /** Commits on the spec branch that are not on the default branch, oldest first. */
  specCommits(): Array<{ sha: string; message: string; changed: string[] }> {
    const base = new Set(this.fake.git.history(this.fake.defaultBranch).map((c) => c.sha));
    return this.fake.git
      .history(BRANCH)
      .filter((c) => !base.has(c.sha))
      .reverse()
      .map((c) => {
        const files = this.fake.git.trees.get(c.tree) ?? new Map<string, string>();
        const parent = this.fake.git.commits.get(c.parents[0] ?? '');
        const old = this.fake.git.trees.get(parent?.tree ?? '') ?? new Map<string, string>();
        const changed = [...new Set([...files.keys(), ...old.keys()])]
          .filter((p) => files.get(p) !== old.get(p))
          .sort();
        return { sha: c.sha, message: c.message, changed };
      });
  }

  branches(): string[] {
    return [...this.fake.git.refs.keys()]
      .filter((r) => r.startsWith('heads/agent-os/'))
      .map((r) => r.replace(/^heads\//, ''));
  }

  pullRequests(): number[] {
    return [...this.fake.issues.values()].filter((i) => i.pull_request).map((i) => i.number);
  }

  /** The App's comments on an issue or pull request, oldest first. */
  botComments(number: number): FakeComment[] {
    return this.fake.comments.filter((c) => c.issue === number && c.user.type === 'Bot');
  }

  /** The App's comments of one kind, by the hidden marker on their first line. */
  marked(number: number, kind: 'questions' | 'follow-ups' | 'reply' | 'failed' | 'checklist'): FakeComment[] {
    return this.botComments(number).filter((c) => c.body.startsWith(`<!-- agent-os-github:${kind}`));
  }

  checklist(pr: number): FakeComment | undefined {
    return this.marked(pr, 'checklist')[0];
  }

  /** Check runs of the gate on a commit, oldest first. */
  runsOn(sha: string) {
    return this.fake.checkRuns.filter((r) => r.head_sha === sha && r.name === CHECK);
  }

  reactionsTo(comment: FakeComment): string[] {
    return this.fake.reactions.filter((r) => r.comment === comment.id).map((r) => r.content);
  }

  labels(number: number): string[] {
    return [...(this.fake.issues.get(number)?.labels ?? [])];
  }

  /** Requests that changed something, as `METHOD /path` (repository prefix cut), from request `from` on. */
  writesSince(from: number): string[] {
    return this.fake.requests
      .slice(from)
      .filter((r) => r.method !== 'GET' && !/\/access_tokens$/.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(`/repos/${this.fake.owner}/${this.fake.repo}`, '')}`);
  }
}

/** The readable text of a comment: hidden marker lines dropped. */
export function visible(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\s*<!--.*-->\s*$/.test(line))
    .join('\n')
    .replace(/\s*<!--.*?-->/g, '');
}

/** A checklist comment with one more box ticked: the first open sub-task (`N.M`, M ≥ 1), or the one named. */
export function tickInChecklist(body: string, id?: string): { body: string; id: string } {
  const pattern =
    id === undefined
      ? /^( +- )\[ \] (\d+\.[1-9]\d*) /m
      : new RegExp(`^( *- )\\[ \\] (${id.replace('.', '\\.')}) `, 'm');
  const box = pattern.exec(body);
  if (!box) throw new Error(`no open box ${id ?? 'N.M'} in the checklist comment`);
  const ticked = box[0].replace('[ ]', '[x]');
  return { body: `${body.slice(0, box.index)}${ticked}${body.slice(box.index + box[0].length)}`, id: box[2] ?? '' };
}
