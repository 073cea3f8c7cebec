import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { gitBlobSha } from '../../src/github/git-blob-sha.js';
import { githubSpecWorkspace } from '../../src/github/github-spec-workspace.js';
import { FakeGitHub } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';

const REPO = { owner: 'acme', repo: 'app' };
const client = () => new Octokit({ request: { fetch: globalThis.fetch } });
const files = [
  { path: 'agent-os/product/mission.md', content: '# Mission\n' },
  { path: 'README.md', content: '# app\n' },
];

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

describe('githubSpecWorkspace writeFiles', () => {
  it('commits only the files whose content changes, in one commit; a second run writes nothing', async () => {
    const before = fake.git.resolve('main')?.sha ?? '';
    const workspace = githubSpecWorkspace(client(), REPO, 'main');
    const first = await workspace.writeFiles({ files, message: 'Plan product' });
    expect(first.written).toEqual(['agent-os/product/mission.md']);
    expect(fake.git.filesAt('main')?.get('agent-os/product/mission.md')).toBe('# Mission\n');
    expect(fake.log()).toEqual([
      'GET /branches/main',
      `GET /git/trees/${before}`,
      'POST /git/trees',
      'POST /git/commits',
      'PATCH /git/refs/heads/main',
    ]);
    fake.requests.length = 0;
    expect(await workspace.writeFiles({ files, message: 'Plan product' })).toEqual({ written: [] });
    expect(fake.writes()).toEqual([]);
  });

  it('with the branch as the phase read it, reads nothing before it commits', async () => {
    const head = fake.git.resolve('main');
    if (head === undefined) throw new Error('no main');
    const known = {
      head: { sha: head.sha, treeSha: head.tree },
      blobs: new Map([['README.md', gitBlobSha('# app\n')]]),
    };
    const written = await githubSpecWorkspace(client(), REPO, 'main', known).writeFiles({ files, message: 'm' });
    expect(written.written).toEqual(['agent-os/product/mission.md']);
    expect(fake.log()).toEqual(['POST /git/trees', 'POST /git/commits', 'PATCH /git/refs/heads/main']);
  });

  it('given the branch as read, writes the same files a second time as nothing (it reads the branch it moved)', async () => {
    const head = fake.git.resolve('main');
    if (head === undefined) throw new Error('no main');
    const known = {
      head: { sha: head.sha, treeSha: head.tree },
      blobs: new Map([['README.md', gitBlobSha('# app\n')]]),
    };
    const workspace = githubSpecWorkspace(client(), REPO, 'main', known);
    expect((await workspace.writeFiles({ files, message: 'm' })).written).toEqual(['agent-os/product/mission.md']);
    fake.requests.length = 0;
    expect(await workspace.writeFiles({ files, message: 'm' })).toEqual({ written: [] });
    expect(fake.writes()).toEqual([]);
  });

  it('with create, starts the branch from the given commit holding every file, the ref last', async () => {
    const head = fake.git.resolve('main');
    if (head === undefined) throw new Error('no main');
    const known = { head: { sha: head.sha, treeSha: head.tree }, blobs: new Map<string, string>(), create: true };
    const workspace = githubSpecWorkspace(client(), REPO, 'agent-os/product', known);
    const written = await workspace.writeFiles({ files, message: 'Plan product' });
    expect(written.written).toEqual(['agent-os/product/mission.md', 'README.md']);
    expect(fake.log()).toEqual(['POST /git/trees', 'POST /git/commits', 'POST /git/refs']);
    expect(fake.git.filesAt('agent-os/product')?.get('agent-os/product/mission.md')).toBe('# Mission\n');
  });
});
