import { createHash } from 'node:crypto';
import type { RepoRef } from './github-client.js';
import type { ResponseStore } from './response-store.js';

/** What a webhook payload (or the API) said of a pull request at a moment. */
export interface PullRequestSnapshot {
  headSha: string;
  body: string | null;
  /** `updated_at`: GitHub moves it on every change to the pull request (push, edit of its description). */
  updatedAt: string;
}

/** The newest snapshot of a pull request the App has seen, from payloads or the API. */
interface Seen {
  updatedAt: string;
  headSha: string;
  bodyHash: string;
}

function hashOf(body: string | null): string {
  return createHash('sha256')
    .update(body ?? '\0null')
    .digest('hex')
    .slice(0, 32);
}

function keyOf(repo: RepoRef, number: number): string {
  return `pull:${repo.owner}/${repo.repo}#${number}`;
}

/**
 * Whether a payload's pull request is the newest state the App knows of, so its head and description can stand
 * for a read. A redelivered (replayed) payload is older than what a later event or read showed: it is then not
 * trusted, and the state is read through the API. With nothing seen yet (a new process without Redis) nothing is
 * trusted. Equal times trust only the same head and description (two changes within GitHub's one-second clock).
 */
export function isPayloadCurrent(seen: Seen | undefined, payload: PullRequestSnapshot): boolean {
  if (seen === undefined) return false;
  const then = Date.parse(seen.updatedAt);
  const now = Date.parse(payload.updatedAt);
  if (Number.isNaN(then) || Number.isNaN(now)) return false;
  if (now > then) return true;
  return now === then && seen.headSha === payload.headSha && seen.bodyHash === hashOf(payload.body);
}

export async function recallPullRequest(
  store: ResponseStore,
  repo: RepoRef,
  number: number,
): Promise<Seen | undefined> {
  return recallJson<Seen>(store, keyOf(repo, number));
}

/** Keep a snapshot unless a newer one is already kept. */
export async function rememberPullRequest(
  store: ResponseStore,
  repo: RepoRef,
  number: number,
  snapshot: PullRequestSnapshot,
): Promise<void> {
  const seen = await recallPullRequest(store, repo, number);
  if (seen !== undefined && Date.parse(seen.updatedAt) > Date.parse(snapshot.updatedAt)) return;
  const next: Seen = { updatedAt: snapshot.updatedAt, headSha: snapshot.headSha, bodyHash: hashOf(snapshot.body) };
  await store.set(keyOf(repo, number), JSON.stringify(next));
}

/** The pull request's checklist comment as the App last wrote or saw it. */
interface ChecklistSeen {
  id: number;
  bodyHash: string;
}

function checklistKeyOf(repo: RepoRef, number: number): string {
  return `checklist:${repo.owner}/${repo.repo}#${number}`;
}

/**
 * The checklist comment the App last wrote (or found) on a pull request: its id, and a hash of its text. A person's
 * edit of it forgets it (`forgetChecklist`), so the comments are listed again; the App's own writes keep it.
 */
export async function recallChecklist(
  store: ResponseStore,
  repo: RepoRef,
  number: number,
): Promise<ChecklistSeen | undefined> {
  return recallJson<ChecklistSeen>(store, checklistKeyOf(repo, number));
}

export async function rememberChecklist(
  store: ResponseStore,
  repo: RepoRef,
  number: number,
  id: number,
  body: string,
): Promise<void> {
  await store.set(checklistKeyOf(repo, number), JSON.stringify({ id, bodyHash: hashOf(body) } satisfies ChecklistSeen));
}

export async function forgetChecklist(store: ResponseStore, repo: RepoRef, number: number): Promise<void> {
  await store.set(checklistKeyOf(repo, number), '');
}

/** Whether this text is the one remembered (the hash `rememberChecklist` kept). */
export function isRememberedText(seen: ChecklistSeen, body: string): boolean {
  return seen.bodyHash === hashOf(body);
}

/** A value kept as JSON; nothing when none is kept, or when what is kept is not JSON (an old or damaged entry). */
async function recallJson<T>(store: ResponseStore, key: string): Promise<T | undefined> {
  const text = await store.get(key);
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
