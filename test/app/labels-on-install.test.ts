import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { answer, appOf, createTestProbot, deliver, nockInstallationToken } from '../../support/test-probot.js';
import { examplePayload } from '../../support/webhook-examples.js';

const REPOS = Array.from({ length: 300 }, (_, i) => `repo-${i}`);
const APP_LABELS = ['shape-spec', 'agent-os: shaping', 'agent-os: spec written', 'agent-os: done'];

/**
 * An organisation's repositories and their labels, answering like GitHub. Each answer waits one turn of the event
 * loop (no timer), so requests the App makes at once overlap and the concurrency shows.
 */
function fakeOrg(labels: Map<string, string[]>) {
  let inFlight = 0;
  let maxInFlight = 0;
  const posts: Array<{ repo: string; body: { name: string; color: string; description: string } }> = [];
  const track = async <T>(work: () => T): Promise<T> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    return work();
  };
  nock('https://api.github.com')
    .persist()
    .get(/^\/repos\/acme\/([\w-]+)\/labels/)
    .reply(function (uri) {
      const repo = /\/repos\/acme\/([\w-]+)\/labels/.exec(uri)?.[1] ?? '';
      return track(() => [200, (labels.get(repo) ?? []).map((name) => ({ name }))]) as unknown as [number, object];
    })
    .post(/^\/repos\/acme\/([\w-]+)\/labels$/)
    .reply(function (uri, body) {
      const repo = /\/repos\/acme\/([\w-]+)\/labels/.exec(uri)?.[1] ?? '';
      const label = body as { name: string; color: string; description: string };
      posts.push({ repo, body: label });
      labels.set(repo, [...(labels.get(repo) ?? []), label.name]);
      return track(() => [201, label]) as unknown as [number, object];
    });
  return { posts, maxInFlight: () => maxInFlight };
}

let probot: Probot;

beforeEach(async () => {
  nock.disableNetConnect();
  probot = await createTestProbot();
});

afterEach(async () => {
  // No work of this test may run on into the next one.
  await appOf(probot).idle();
  expect(appOf(probot).metrics().queue).toMatchObject({ queued: 0, running: 0, inFlight: 0 });
  nock.cleanAll();
});

function addedPayload() {
  return examplePayload('installation_repositories.added', (p) => {
    p.repositories_added = REPOS.map((name, i) => ({
      id: i + 1,
      node_id: `R${i}`,
      name,
      full_name: `acme/${name}`,
      private: false,
    }));
  });
}

describe('labels on installation', () => {
  it('creates the missing labels in 300 repositories, a few at a time, and nothing on a repeat', async () => {
    const labels = new Map<string, string[]>([['repo-7', ['Shape-Spec', 'bug']]]);
    const org = fakeOrg(labels);
    nockInstallationToken();
    // The App answers the delivery before its work is done; the labels are written from its queue.
    await answer(probot, 'installation_repositories', addedPayload(), 'install-1');
    expect(org.posts.length).toBeLessThan(300 * 4 - 1);
    expect(appOf(probot).metrics().deliveries.accepted).toBe(1);
    await appOf(probot).idle();

    expect(org.posts).toHaveLength(300 * 4 - 1);
    expect(org.maxInFlight()).toBeLessThanOrEqual(4);
    expect(org.maxInFlight()).toBeGreaterThan(1);
    expect(labels.get('repo-7')).toEqual([
      'Shape-Spec',
      'bug',
      'agent-os: shaping',
      'agent-os: spec written',
      'agent-os: done',
    ]);
    expect(labels.get('repo-299')).toEqual(APP_LABELS);
    expect(org.posts[0]?.body).toEqual({
      name: 'shape-spec',
      color: '5319e7',
      description: 'Agent OS: shape this issue into a spec (clarifying questions, spec branch, draft PR)',
    });

    // A redelivery (same id) is claimed already and makes no request; a new delivery finds every label and creates none.
    await deliver(probot, 'installation_repositories', addedPayload(), 'install-1');
    expect(appOf(probot).metrics().deliveries).toMatchObject({ accepted: 1, duplicate: 1 });
    nockInstallationToken();
    await deliver(probot, 'installation_repositories', addedPayload(), 'install-1-again');
    expect(appOf(probot).metrics().deliveries).toMatchObject({ accepted: 2, duplicate: 1, failed: 0 });
    expect(org.posts).toHaveLength(300 * 4 - 1);
  });

  it('on a new installation, lists its repositories through the API (the payload may not list them all)', async () => {
    const labels = new Map<string, string[]>();
    const org = fakeOrg(labels);
    nockInstallationToken();
    nock('https://api.github.com')
      .get('/installation/repositories')
      .query({ per_page: '100' })
      .reply(200, {
        total_count: 2,
        repositories: [
          { name: 'one', owner: { login: 'acme' } },
          { name: 'two', owner: { login: 'acme' } },
        ],
      });
    await deliver(probot, 'installation', examplePayload('installation.created'), 'install-2');
    expect(org.posts.map((p) => `${p.repo}:${p.body.name}`).sort()).toEqual(
      ['one', 'two'].flatMap((repo) => APP_LABELS.map((name) => `${repo}:${name}`)).sort(),
    );
  });
});
