import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { rememberBlob, storeOf, useConditionalRequests } from '../../src/github/conditional-requests.js';
import { gitBlobSha } from '../../src/github/git-blob-sha.js';
import { isPayloadCurrent } from '../../src/github/pull-request-memory.js';
import { readDefaultBranchFile } from '../../src/github/read-default-branch-file.js';
import { memoryStore } from '../../src/github/response-store.js';
import { FakeGitHub } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';

const REPO = { owner: 'acme', repo: 'app' };

function client(store = memoryStore()) {
  const octokit = new Octokit({ request: { fetch: globalThis.fetch } });
  useConditionalRequests(octokit, store);
  return octokit;
}

/** The requests the fake saw, as `GET /path → status`-free summaries, and whether each was conditional. */
function sent(fake: FakeGitHub) {
  return fake.requests.map(
    (r) =>
      `${r.method} ${r.path.replace('/repos/acme/app', '')}${r.headers['if-none-match'] === undefined ? '' : ' (if-none-match)'}`,
  );
}

let fake: FakeGitHub;

beforeEach(() => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  bindToNock(fake);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('conditional reads', () => {
  it('sends the last ETag of the same read and answers a 304 from the store, with the same data', async () => {
    const octokit = client();
    const first = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    const second = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    expect(second.data).toEqual(first.data);
    expect(second.status).toBe(200);
    expect(sent(fake)).toEqual(['GET /contents/README.md', 'GET /contents/README.md (if-none-match)']);
  });

  it('reads a changed resource again: a new ETag, the new text', async () => {
    const octokit = client();
    await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    fake.git.commitOnBranch('main', (files) => files.set('README.md', '# app, changed\n'), 'Change');
    const again = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    expect(again.data).toBe('# app, changed\n');
  });

  it('keeps the media type apart: a raw read is not answered with the JSON one', async () => {
    const octokit = client();
    await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { ...REPO, path: 'README.md' });
    const raw = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    expect(raw.data).toBe('# app\n');
    expect(sent(fake)).toEqual(['GET /contents/README.md', 'GET /contents/README.md']);
  });

  it('never sends a request for a git blob it has, and knows the blobs of texts the App read or wrote', async () => {
    const octokit = client();
    await rememberBlob(octokit, REPO, '# app\n');
    const sha = '0e1c9a8b4e0c6d1c2f3d7c2b1a9b8f0e4d3c2b1a';
    const known = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      ...REPO,
      file_sha: gitBlobSha('# app\n'),
      mediaType: { format: 'raw' },
    });
    expect(known.data).toBe('# app\n');
    expect(fake.requests).toEqual([]);
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        ...REPO,
        file_sha: sha,
        mediaType: { format: 'raw' },
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('leaves writes and clients without a store alone', async () => {
    const plain = new Octokit({ request: { fetch: globalThis.fetch } });
    expect(storeOf(plain)).toBeUndefined();
    await plain.request('GET /repos/{owner}/{repo}/contents/{path}', { ...REPO, path: 'README.md' });
    await plain.request('GET /repos/{owner}/{repo}/contents/{path}', { ...REPO, path: 'README.md' });
    expect(sent(fake)).toEqual(['GET /contents/README.md', 'GET /contents/README.md']);
  });
});

describe('a file on the default branch, from the root listing', () => {
  it('proves a missing file with 304s once the listing is known, and sees the file once it is added', async () => {
    const octokit = client();
    expect(await readDefaultBranchFile(octokit, REPO, '.github/agent-os.yml')).toEqual({ found: false });
    expect(await readDefaultBranchFile(octokit, REPO, '.github/agent-os.yml')).toEqual({ found: false });
    expect(fake.log()).toEqual(['GET /contents', 'GET /contents']);
    expect(fake.requests.map((r) => r.headers['if-none-match'] !== undefined)).toEqual([false, true]);

    fake.git.commitOnBranch('main', (files) => files.set('.github/agent-os.yml', 'check_name: Tasks\n'), 'Configure');
    expect(await readDefaultBranchFile(octokit, REPO, '.github/agent-os.yml')).toEqual({
      found: true,
      text: 'check_name: Tasks\n',
    });
    // Then nothing but the root listing's 304: the folder and the file are known by their SHAs.
    const before = fake.requests.length;
    expect(await readDefaultBranchFile(octokit, REPO, '.github/agent-os.yml')).toEqual({
      found: true,
      text: 'check_name: Tasks\n',
    });
    expect(fake.log().slice(before)).toEqual(['GET /contents']);
  });
});

describe('whether a pull request payload is current', () => {
  const seen = { updatedAt: '2026-04-01T10:00:05Z', headSha: 'a'.repeat(40), bodyHash: '' };
  it('trusts nothing before the App has seen the pull request', () => {
    expect(isPayloadCurrent(undefined, { headSha: 'a'.repeat(40), body: 'x', updatedAt: '2026-04-01T10:00:09Z' })).toBe(
      false,
    );
  });
  it('trusts a newer payload and refuses an older one (a replay)', () => {
    expect(isPayloadCurrent(seen, { headSha: 'b'.repeat(40), body: 'x', updatedAt: '2026-04-01T10:00:09Z' })).toBe(
      true,
    );
    expect(isPayloadCurrent(seen, { headSha: 'b'.repeat(40), body: 'x', updatedAt: '2026-04-01T10:00:01Z' })).toBe(
      false,
    );
  });
  it('at the same second, trusts only the same head and description', () => {
    expect(isPayloadCurrent(seen, { headSha: 'b'.repeat(40), body: null, updatedAt: '2026-04-01T10:00:05Z' })).toBe(
      false,
    );
  });
});
