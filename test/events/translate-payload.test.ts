import { describe, expect, it } from '@jest/globals';
import { translatePayload } from '../../src/events/translate-payload.js';

// The App and the Action read payloads through this one translator: what each webhook becomes, and what is not ours.

const repository = { full_name: 'acme/app', name: 'app', owner: { login: 'acme' } };
const mara = { login: 'mara', type: 'User' };
const bot = { login: 'agent-os-github[bot]', type: 'Bot' };

describe('translatePayload', () => {
  it('turns issues.labeled into an issue-labeled event keyed by the delivery', () => {
    const payload = {
      action: 'labeled',
      label: { name: 'shape-spec' },
      issue: { number: 12, body: 'x', labels: [] },
      sender: mara,
      repository,
    };
    expect(translatePayload({ name: 'issues', payload, eventKey: 'delivery-1' })).toEqual({
      kind: 'issue-labeled',
      issueNumber: 12,
      isPullRequest: false,
      label: 'shape-spec',
      sender: { login: 'mara', isBot: false },
      eventKey: 'delivery-1',
    });
  });

  it('turns a closed issue into an issue-state event with its body and reason', () => {
    const payload = {
      action: 'closed',
      issue: { number: 31, body: null, state_reason: 'completed' },
      sender: bot,
      repository,
    };
    expect(translatePayload({ name: 'issues', payload, eventKey: 'run-7' })).toEqual({
      kind: 'issue-state',
      action: 'closed',
      issueNumber: 31,
      body: '',
      stateReason: 'completed',
      sender: { login: 'agent-os-github[bot]', isBot: true },
      eventKey: 'run-7',
    });
  });

  it('turns an edited comment into an issue-comment event with the text before the edit; labels as objects or names', () => {
    const payload = {
      action: 'edited',
      changes: { body: { from: '- [ ] a' } },
      issue: { number: 4, pull_request: { url: 'u' }, labels: [{ name: 'spec-written' }, 'shaping'] },
      comment: { id: 99, body: '- [x] a', user: bot },
      sender: mara,
      repository,
    };
    expect(translatePayload({ name: 'issue_comment', payload, eventKey: 'd' })).toEqual({
      kind: 'issue-comment',
      action: 'edited',
      issueNumber: 4,
      isPullRequest: true,
      labels: ['spec-written', 'shaping'],
      comment: { id: 99, body: '- [x] a', author: 'agent-os-github[bot]', authorIsBot: true },
      sender: { login: 'mara', isBot: false },
      previousBody: '- [ ] a',
      eventKey: 'd',
    });
  });

  it('says whether a pull request head is in the repository: the payload repository, or the one the Action names', () => {
    const pull_request = {
      number: 8,
      merged: true,
      html_url: 'https://github.com/acme/app/pull/8',
      head: { ref: 'agent-os/12-x', sha: 'abc', repo: { full_name: 'acme/app' } },
    };
    const closed = translatePayload({
      name: 'pull_request',
      payload: { action: 'closed', pull_request, repository },
      eventKey: 'd',
    });
    expect(closed).toEqual({
      kind: 'pull-request-closed',
      number: 8,
      headRef: 'agent-os/12-x',
      headInRepository: true,
      merged: true,
      htmlUrl: 'https://github.com/acme/app/pull/8',
    });
    const fork = translatePayload({
      name: 'pull_request_target',
      payload: { action: 'closed', pull_request },
      eventKey: 'd',
      repository: 'other/app',
    });
    expect(fork).toMatchObject({ kind: 'pull-request-closed', headInRepository: false });
  });

  it('marks a title-only edit of a pull request as not changing what the gate reads', () => {
    const pull_request = {
      number: 8,
      body: 'b',
      updated_at: '2026-12-06T00:00:00Z',
      head: { ref: 'f', sha: 'abc', repo: null },
    };
    const edited = (changes: object) =>
      translatePayload({
        name: 'pull_request',
        payload: { action: 'edited', changes, pull_request, repository, sender: mara },
        eventKey: 'd',
      });
    expect(edited({ title: { from: 't' } })).toMatchObject({
      kind: 'pull-request',
      changesGate: false,
      head: { sha: 'abc', ref: 'f', inRepository: false },
    });
    expect(edited({ body: { from: 'a' } })).toMatchObject({ changesGate: true });
    expect(edited({ base: { ref: { from: 'main' } } })).toMatchObject({ changesGate: true });
  });

  it('turns merge groups, re-runs and installations into their events', () => {
    expect(
      translatePayload({
        name: 'merge_group',
        payload: {
          action: 'checks_requested',
          merge_group: { head_sha: 'h', base_sha: 'b', head_ref: 'gh-readonly-queue/main/pr-8-b' },
        },
        eventKey: 'd',
      }),
    ).toEqual({
      kind: 'merge-group',
      headSha: 'h',
      baseSha: 'b',
      headRef: 'gh-readonly-queue/main/pr-8-b',
    });
    const run = { name: 'Agent OS tasks', head_sha: 'h', pull_requests: [{ number: 8 }] };
    expect(
      translatePayload({ name: 'check_run', payload: { action: 'rerequested', check_run: run }, eventKey: 'd' }),
    ).toEqual({ kind: 'check-rerun', checkName: 'Agent OS tasks', headSha: 'h', pullRequests: [8] });
    expect(
      translatePayload({
        name: 'check_suite',
        payload: { action: 'rerequested', check_suite: { head_sha: 'h', pull_requests: [] } },
        eventKey: 'd',
      }),
    ).toEqual({ kind: 'check-rerun', headSha: 'h', pullRequests: [] });
    expect(
      translatePayload({
        name: 'installation',
        payload: { action: 'created', installation: { id: 5 }, repositories: [repository] },
        eventKey: 'd',
      }),
    ).toEqual({ kind: 'installation', installationId: 5, repositories: 'all' });
    const added = {
      action: 'added',
      installation: { id: 5 },
      repositories_added: [{ full_name: 'acme/web', name: 'web' }],
    };
    expect(translatePayload({ name: 'installation_repositories', payload: added, eventKey: 'd' })).toEqual({
      kind: 'installation',
      installationId: 5,
      repositories: [{ owner: 'acme', repo: 'web' }],
    });
  });

  it('returns nothing for events and actions that are not ours, or payloads without what they need', () => {
    expect(translatePayload({ name: 'push', payload: { ref: 'refs/heads/main' }, eventKey: 'd' })).toBeUndefined();
    expect(
      translatePayload({ name: 'issues', payload: { action: 'opened', issue: { number: 1 } }, eventKey: 'd' }),
    ).toBeUndefined();
    expect(
      translatePayload({
        name: 'issue_comment',
        payload: { action: 'deleted', issue: { number: 1 }, comment: { id: 2 } },
        eventKey: 'd',
      }),
    ).toBeUndefined();
    expect(translatePayload({ name: 'pull_request', payload: { action: 'opened' }, eventKey: 'd' })).toBeUndefined();
  });
});
