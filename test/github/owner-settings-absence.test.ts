// The owner's `.github` settings repository, when there is none: GitHub's 404 has no ETag, so the App remembers it
// for a while (an injected clock, never wall time) instead of paying a counted request on every event.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { useConditionalRequests } from '../../src/github/conditional-requests.js';
import { forgetSettingsRepoAbsent } from '../../src/github/owner-settings-absence.js';
import { readConfigFile } from '../../src/github/read-config-file.js';
import { memoryStore, type ResponseStore } from '../../src/github/response-store.js';
import { FakeGitHub } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';

const REPO = { owner: 'acme', repo: 'app' };
const TTL_MS = 60_000;

let fake: FakeGitHub;
let store: ResponseStore;
let time: number;

/** A client per event, as Probot gives one per delivery, sharing the App's store and clock. */
function client() {
  const octokit = new Octokit({ request: { fetch: globalThis.fetch } });
  useConditionalRequests(octokit, store, { now: () => time, ttlMs: TTL_MS });
  return octokit;
}

/** Counted requests to the owner's `.github` repository so far. */
function ownerReads(): string[] {
  return fake.requests.filter((r) => r.path.startsWith('/repos/acme/.github/')).map((r) => `${r.method} ${r.path}`);
}

beforeEach(() => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  bindToNock(fake);
  store = memoryStore();
  time = Date.parse('2026-12-01T00:00:00Z');
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("the owner's missing .github repository", () => {
  it('is asked for once, then believed missing until the TTL has passed', async () => {
    expect(await readConfigFile(client(), REPO)).toEqual({ config: null, files: [] });
    expect(ownerReads()).toEqual(['GET /repos/acme/.github/contents/.github/agent-os.yml']);

    time += TTL_MS - 1;
    expect(await readConfigFile(client(), REPO)).toEqual({ config: null, files: [] });
    expect(ownerReads()).toHaveLength(1);

    time += 1;
    await readConfigFile(client(), REPO);
    expect(ownerReads()).toHaveLength(2);
  });

  it('is asked for again after an installation event forgets it', async () => {
    await readConfigFile(client(), REPO);
    await forgetSettingsRepoAbsent(store, 'acme');
    await readConfigFile(client(), REPO);
    expect(ownerReads()).toHaveLength(2);
  });

  it('is asked for on every event with a TTL of 0', async () => {
    const zero = () => {
      const octokit = new Octokit({ request: { fetch: globalThis.fetch } });
      useConditionalRequests(octokit, store, { now: () => time, ttlMs: 0 });
      return octokit;
    };
    await readConfigFile(zero(), REPO);
    await readConfigFile(zero(), REPO);
    expect(ownerReads()).toHaveLength(2);
  });

  it("still reads the repository's own file on every event (a 304 while the default branch stays)", async () => {
    await readConfigFile(client(), REPO);
    fake.git.commitOnBranch(
      'main',
      (files) => files.set('.github/agent-os.yml', 'gate:\n  check_name: Tasks\n'),
      'Settings',
    );
    const { files } = await readConfigFile(client(), REPO);
    expect(files).toEqual(['acme/app:.github/agent-os.yml']);
  });
});
