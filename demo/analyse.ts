// What the App did during one webhook delivery, read from the fake GitHub's request log and state: a line per
// change it made, and the webhooks GitHub would send because of those changes (the fake sends none by itself).
import { BOT, type FakeComment } from '../support/fake-github/fake-github.js';
import {
  checkRunCreated,
  checkSuiteRequested,
  commentEvent,
  labelEvent,
  pullRequestEvent,
  type Delivery,
} from './payloads.js';
import type { Exchange, RecordingGitHub } from './stage.js';

/** What the App did, one line each, with an optional quote of what it wrote. */
export interface Did {
  ok: boolean;
  text: string;
  quote?: string[];
}

export interface Analysis {
  did: Did[];
  echoes: Delivery[];
  reads: number;
  writes: number;
  tokens: number;
}

/** The parts of the fake's state a delivery's writes are compared against. */
export interface Snapshot {
  exchanges: number;
  heads: Map<string, string>;
  comments: Map<number, string>;
  labels: Map<number, string[]>;
  bodies: Map<number, string>;
  /** Open pull requests by head branch. */
  pulls: Map<string, number>;
}

export function snapshot(fake: RecordingGitHub): Snapshot {
  return {
    exchanges: fake.exchanges.length,
    heads: new Map(fake.git.refs),
    comments: new Map(fake.comments.map((c) => [c.id, c.body])),
    labels: new Map([...fake.issues.values()].map((i) => [i.number, [...i.labels]])),
    bodies: new Map([...fake.issues.values()].map((i) => [i.number, i.body])),
    pulls: new Map(
      [...fake.issues.values()].flatMap((i) =>
        i.pull_request && i.state === 'open' ? [[i.pull_request.head, i.number] as const] : [],
      ),
    ),
  };
}

const EMOJI: Record<string, string> = {
  eyes: '👀',
  rocket: '🚀',
  confused: '😕',
  '+1': '👍',
  hooray: '🎉',
  heart: '❤️',
};

type Body = Record<string, unknown>;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Body)[key] : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A spec folder's file by its path inside the folder; other paths as they are. */
export function shortPath(path: string): string {
  return path.replace(/^agent-os\/specs\/[^/]+\//, '');
}

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** The lines of a comment or file a person would read first: no hidden markers, no blank lines. */
export function readableLines(body: string): string[] {
  return body
    .split('\n')
    .filter((line) => !/^\s*<!--.*-->\s*$/.test(line))
    .filter((line) => line.trim() !== '');
}

/** A markdown line as it reads: inline hidden markers dropped, links shown by their text. */
export function plain(line: string): string {
  return line
    .replace(/\s*<!--.*?-->/g, '')
    .replace(/\[([^\]]*)\]\([^)\s]+\)/g, '$1')
    .trimEnd();
}

export function clip(line: string, width = 110): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

function firstLine(body: string): string {
  return clip(plain(readableLines(body)[0] ?? '').replace(/^#+\s*/, ''), 100);
}

function numberedCount(lines: readonly string[]): number {
  return lines.filter((line) => /^\d+\. /.test(line)).length;
}

/** How a comment of the App reads in one line, from the hidden marker on its first line. */
function describeComment(body: string, where: string): Did {
  const lines = readableLines(body);
  const kind = /^<!-- agent-os-github:([a-z-]+)/.exec(body)?.[1] ?? '';
  if (kind === 'questions') {
    const reuseAt = lines.findIndex((line) => line.startsWith('**Existing code to reuse**'));
    const clarifying = numberedCount(reuseAt < 0 ? lines : lines.slice(0, reuseAt));
    const requests = numberedCount(lines) - clarifying;
    const asks = lines.flatMap(
      (line) => /^\*\*(Existing code to reuse|Visual assets)\*\*$/.exec(line)?.[1]?.toLowerCase() ?? [],
    );
    const extra =
      requests > 0 ? ` and ${String(requests)} request${requests === 1 ? '' : 's'} (${asks.join(', ')})` : '';
    return { ok: true, text: `commented ${String(clarifying)} clarifying questions${extra} on ${where}` };
  }
  if (kind === 'follow-ups') {
    const count = numberedCount(lines);
    return {
      ok: true,
      text: `replied on ${where} with ${count} follow-up question${count === 1 ? '' : 's'}`,
      quote: lines.filter((l) => /^\d+\. /.test(l)).map((l) => clip(plain(l), 200)),
    };
  }
  if (kind === 'checklist') return { ok: true, text: `posted the checklist comment on ${where}: “${firstLine(body)}”` };
  if (kind === 'failed')
    return { ok: false, text: `reported a failure on ${where}`, quote: lines.slice(0, 2).map((l) => clip(plain(l))) };
  return { ok: true, text: `replied on ${where}`, quote: lines.slice(0, 2).map((l) => clip(plain(l), 150)) };
}

/**
 * Walks the requests one delivery made, in order: each change the App made becomes a line, and each change that
 * makes GitHub send a webhook (a commit, a pull request, a comment, a label, a check run) becomes that delivery.
 */
export function analyse(fake: RecordingGitHub, before: Snapshot): Analysis {
  const exchanges: Exchange[] = fake.exchanges.slice(before.exchanges);
  const prefix = `/repos/${fake.owner}/${fake.repo}`;
  const did: Did[] = [];
  const echoes: Delivery[] = [];
  const heads = new Map(before.heads);
  const comments = new Map(before.comments);
  const labels = new Map([...before.labels].map(([n, l]) => [n, [...l]]));
  const pulls = new Map(before.pulls);
  const where = (n: number) => (fake.issues.get(n)?.pull_request ? `PR #${n}` : `#${n}`);
  let reads = 0;
  let writes = 0;
  let tokens = 0;

  const pushed = (branch: string, sha: string) => {
    const previous = heads.get(`heads/${branch}`) ?? '0'.repeat(40);
    heads.set(`heads/${branch}`, sha);
    // GitHub sends these for every push; only pull requests open at the time of the push are named.
    const pr = pulls.get(branch);
    if (pr !== undefined) echoes.push(pullRequestEvent(fake, pr, BOT, 'synchronize', { before: previous, head: sha }));
    echoes.push(checkSuiteRequested(fake, branch, previous, sha, pr === undefined ? [] : [pr]));
  };

  const committed = (sha: string) => {
    const commit = fake.git.commits.get(sha);
    const parent = commit?.parents[0] === undefined ? undefined : fake.git.commits.get(commit.parents[0]);
    const files = fake.git.trees.get(commit?.tree ?? '') ?? new Map<string, string>();
    const old = fake.git.trees.get(parent?.tree ?? '') ?? new Map<string, string>();
    const changed = [...new Set([...files.keys(), ...old.keys()])]
      .filter((p) => files.get(p) !== old.get(p))
      .map(shortPath);
    const [subject = '', ...rest] = (commit?.message ?? '').split('\n');
    did.push({
      ok: true,
      text: `committed ${changed.join(', ') || 'nothing'} (1 commit, ${short(sha)}): “${clip(subject, 80)}”`,
      quote: rest.filter((l) => l.trim() !== '').map((l) => clip(l)),
    });
  };

  for (const { request, response } of exchanges) {
    const path = request.path.startsWith(prefix) ? request.path.slice(prefix.length) : request.path;
    const route = `${request.method} ${path}`;
    const body = request.body;
    const ok = response.status >= 200 && response.status < 300;
    if (/^POST \/app\/installations\/\d+\/access_tokens$/.test(route)) {
      tokens += 1;
      continue;
    }
    if (request.method === 'GET') {
      reads += 1;
      continue;
    }
    writes += 1;
    if (!ok) {
      did.push({ ok: false, text: `${route} → ${String(response.status)} ${text(field(response.body, 'message'))}` });
      continue;
    }
    let match: RegExpExecArray | null;
    if (route === 'POST /git/trees' || route === 'POST /git/commits') continue;
    if (route === 'POST /git/refs') {
      const branch = text(field(body, 'ref')).replace(/^refs\/heads\//, '');
      const sha = text(field(body, 'sha'));
      const base = fake.git.commits.get(sha)?.parents[0] ?? '';
      const from = [...before.heads].find(([, s]) => s === base)?.[0].replace(/^heads\//, '') ?? short(base);
      did.push({ ok: true, text: `created branch ${branch} from ${from}` });
      committed(sha);
      pushed(branch, sha);
    } else if ((match = /^PATCH \/git\/refs\/heads\/(.+)$/.exec(route))) {
      const sha = text(field(body, 'sha'));
      committed(sha);
      pushed(match[1] ?? '', sha);
    } else if ((match = /^PUT \/contents\/(.+)$/.exec(route))) {
      const branch = text(field(body, 'branch')) || fake.defaultBranch;
      const sha = text(field(field(response.body, 'commit'), 'sha'));
      committed(sha);
      pushed(branch, sha);
    } else if (route === 'POST /pulls') {
      const number = Number(field(response.body, 'number'));
      const draft = field(body, 'draft') === true ? 'draft ' : '';
      const links = readableLines(text(field(body, 'body'))).filter((l) => /#\d+|^Spec:/.test(l));
      did.push({
        ok: true,
        text: `opened ${draft}PR #${number} “${text(field(body, 'title'))}” → ${text(field(response.body, 'html_url'))}`,
        quote: links.slice(0, 3).map((l) => clip(l)),
      });
      pulls.set(text(field(body, 'head')), number);
      echoes.push(pullRequestEvent(fake, number, BOT, 'opened'));
    } else if ((match = /^PATCH \/pulls\/(\d+)$/.exec(route))) {
      const number = Number(match[1]);
      did.push({ ok: true, text: `edited the description of PR #${number}` });
      echoes.push(pullRequestEvent(fake, number, BOT, 'edited', { previousBody: before.bodies.get(number) ?? '' }));
    } else if ((match = /^POST \/issues\/(\d+)\/comments$/.exec(route))) {
      const number = Number(match[1]);
      const id = Number(field(response.body, 'id'));
      const comment: FakeComment = {
        id,
        issue: number,
        body: text(field(body, 'body')),
        user: BOT,
        created_at: text(field(response.body, 'created_at')),
      };
      comments.set(id, comment.body);
      const line = describeComment(comment.body, where(number));
      did.push({ ...line, text: `${line.text} → ${text(field(response.body, 'html_url'))}` });
      echoes.push(commentEvent(fake, comment, BOT, 'created'));
    } else if ((match = /^PATCH \/issues\/comments\/(\d+)$/.exec(route))) {
      const id = Number(match[1]);
      const previous = comments.get(id) ?? '';
      const next = text(field(body, 'body'));
      comments.set(id, next);
      const comment = fake.comments.find((c) => c.id === id);
      const on = comment ? ` on ${where(comment.issue)}` : '';
      const isChecklist = next.startsWith('<!-- agent-os-github:checklist');
      did.push({
        ok: true,
        text: isChecklist
          ? `updated the checklist comment${on}: “${firstLine(next)}”`
          : `edited its comment${on}: “${firstLine(next)}”`,
      });
      if (comment) echoes.push(commentEvent(fake, { ...comment, body: next }, BOT, 'edited', previous));
    } else if ((match = /^DELETE \/issues\/comments\/(\d+)$/.exec(route))) {
      did.push({ ok: true, text: `deleted comment ${match[1] ?? ''}` });
    } else if ((match = /^POST \/issues\/comments\/(\d+)\/reactions$/.exec(route))) {
      const content = text(field(body, 'content'));
      const comment = fake.comments.find((c) => c.id === Number(match?.[1]));
      did.push({
        ok: true,
        text: `reacted ${EMOJI[content] ?? content} to ${comment ? `@${comment.user.login}'s comment` : 'the comment'}`,
      });
    } else if ((match = /^POST \/issues\/(\d+)\/labels$/.exec(route))) {
      const number = Number(match[1]);
      const had = labels.get(number) ?? [];
      const added = ((field(body, 'labels') as string[] | undefined) ?? []).filter((l) => !had.includes(l));
      labels.set(number, [...had, ...added]);
      if (added.length > 0)
        did.push({ ok: true, text: `labelled ${where(number)} ${added.map((l) => `“${l}”`).join(', ')}` });
      for (const label of added) echoes.push(labelEvent(fake, number, label, BOT, 'labeled'));
    } else if ((match = /^DELETE \/issues\/(\d+)\/labels\/(.+)$/.exec(route))) {
      const number = Number(match[1]);
      const label = match[2] ?? '';
      labels.set(
        number,
        (labels.get(number) ?? []).filter((l) => l !== label),
      );
      did.push({ ok: true, text: `removed the label “${label}” from ${where(number)}` });
      echoes.push(labelEvent(fake, number, label, BOT, 'unlabeled'));
    } else if (route === 'POST /check-runs' || /^PATCH \/check-runs\/\d+$/.test(route)) {
      const id = route.startsWith('POST') ? Number(field(response.body, 'id')) : Number(path.split('/').pop());
      const run = fake.checkRuns.find((r) => r.id === id);
      if (!run) continue;
      const output = field(body, 'output');
      const title = text(field(output, 'title')) || run.output.title;
      const conclusion = text(field(body, 'conclusion')) || run.conclusion || run.status;
      const annotations = (field(output, 'annotations') as unknown[] | undefined)?.length ?? 0;
      const note = annotations > 0 ? ` (${annotations} annotation${annotations === 1 ? '' : 's'} on task lines)` : '';
      const verb = route.startsWith('POST') ? 'check run' : 'updated check run';
      did.push({ ok: true, text: `${verb} “${run.name}” on ${short(run.head_sha)}: ${conclusion} — ${title}${note}` });
      if (route.startsWith('POST')) echoes.push(checkRunCreated(fake, run));
    } else if (route === 'POST /issues') {
      did.push({
        ok: true,
        text: `opened issue #${String(field(response.body, 'number'))} “${clip(text(field(body, 'title')), 60)}”`,
      });
    } else if ((match = /^POST \/issues\/(\d+)\/sub_issues$/.exec(route))) {
      did.push({ ok: true, text: `attached it as a sub-issue of #${match[1] ?? ''}` });
    } else if ((match = /^PATCH \/issues\/(\d+)$/.exec(route))) {
      const state = text(field(body, 'state'));
      const reason = text(field(body, 'state_reason'));
      did.push({
        ok: true,
        text:
          state === ''
            ? `edited ${where(Number(match[1]))}`
            : `${state === 'closed' ? 'closed' : 'reopened'} ${where(Number(match[1]))}${reason === '' ? '' : ` as ${reason.replace('_', ' ')}`}`,
      });
    } else {
      did.push({ ok: true, text: route });
    }
  }
  return { did, echoes, reads, writes, tokens };
}
