import type { ResponseStore } from './response-store.js';

/**
 * How long the App believes an owner has no settings file in its `.github` repository (`<owner>/.github`, or the
 * file in it, missing or unreadable) once GitHub said so, unless an installation event says the App's repositories
 * changed first. GitHub's `404` has no ETag, so asking again would be a counted request on every event.
 */
export const DEFAULT_SETTINGS_ABSENCE_TTL_MS = 5 * 60 * 1000;

/** The clock and the time to trust a missing settings repository (injected, so tests never wait on time). */
export interface AbsenceClock {
  now: () => number;
  /** 0: never trust it, ask GitHub each time. */
  ttlMs: number;
}

export const SYSTEM_ABSENCE_CLOCK: AbsenceClock = { now: Date.now, ttlMs: DEFAULT_SETTINGS_ABSENCE_TTL_MS };

/** One installation per account: the owner's login names it. */
function keyOf(owner: string): string {
  return `absent-owner-settings:${owner.toLowerCase()}`;
}

/** Whether GitHub said, less than the clock's TTL ago, that the owner's `.github` repository has no settings file for the App. */
export async function isSettingsRepoAbsent(store: ResponseStore, owner: string, clock: AbsenceClock): Promise<boolean> {
  if (clock.ttlMs <= 0) return false;
  const until = Number(await store.get(keyOf(owner)));
  return Number.isFinite(until) && until > clock.now();
}

export async function rememberSettingsRepoAbsent(
  store: ResponseStore,
  owner: string,
  clock: AbsenceClock,
): Promise<void> {
  if (clock.ttlMs <= 0) return;
  await store.set(keyOf(owner), String(clock.now() + clock.ttlMs));
}

/** The App's repositories changed (installed, repositories added): the owner's `.github` may be readable now. */
export async function forgetSettingsRepoAbsent(store: ResponseStore, owner: string): Promise<void> {
  await store.set(keyOf(owner), '0');
}
