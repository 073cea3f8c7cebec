import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EmitterWebhookEvent, EmitterWebhookEventName } from '@octokit/webhooks';

export type Payload<E extends EmitterWebhookEventName> = EmitterWebhookEvent<E>['payload'];

interface ExampleSet {
  name: string;
  examples: unknown[];
}

const require = createRequire(import.meta.url);
const examples = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as ExampleSet[];

export const OWNER = 'acme';
export const REPO = 'app';
export const INSTALLATION_ID = 4242;

function hasAction(example: unknown, action: string): boolean {
  return typeof example === 'object' && example !== null && (example as { action?: unknown }).action === action;
}

/**
 * A real webhook payload from `@octokit/webhooks-examples` for `event.action`, deep-copied, moved to acme/app and
 * given the `installation` most examples lack; `change` edits it further. Where the package has no example of an
 * action, `from` names the action whose example is used (with `action` set to the one asked for).
 */
export function examplePayload<E extends EmitterWebhookEventName>(
  name: E,
  change: (payload: Payload<E>) => void = () => undefined,
  from?: string,
): Payload<E> {
  const [event = '', action = ''] = name.split('.');
  const example = examples.find((e) => e.name === event)?.examples.find((e) => hasAction(e, from ?? action));
  if (!example) throw new Error(`no ${event}.${from ?? action} example in @octokit/webhooks-examples`);
  const payload = structuredClone(example) as Payload<E> & {
    action?: string;
    installation?: { id: number; node_id: string };
    repository?: { name: string; full_name: string; html_url: string; owner: { login: string } };
  };
  payload.action = action;
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==' };
  if (payload.repository) {
    payload.repository.name = REPO;
    payload.repository.full_name = `${OWNER}/${REPO}`;
    payload.repository.owner.login = OWNER;
    payload.repository.html_url = `https://github.com/${OWNER}/${REPO}`;
  }
  // A pull request's branches live in the same repository (a fork's would name another).
  const pull = (
    payload as {
      pull_request?: {
        head?: { repo?: { full_name?: string; name?: string } | null };
        base?: { repo?: { full_name?: string; name?: string } };
      };
    }
  ).pull_request;
  for (const side of [pull?.head, pull?.base]) {
    if (side?.repo) Object.assign(side.repo, { full_name: `${OWNER}/${REPO}`, name: REPO });
  }
  change(payload);
  return payload;
}

/** A pull request as check suites and check runs list it. */
export function pullRequestRef(number: number, headSha: string) {
  const repo = { id: 1, name: REPO, url: `https://api.github.com/repos/${OWNER}/${REPO}` };
  return {
    id: number,
    number,
    url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`,
    head: { ref: 'feature', sha: headSha, repo },
    base: { ref: 'main', sha: '0'.repeat(40), repo },
  };
}
