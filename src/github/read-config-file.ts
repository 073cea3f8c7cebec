import { composeConfigGet } from '@probot/octokit-plugin-config';
import { AgentOsError } from '../core/errors.js';
import { absenceClockOf, storeOf } from './conditional-requests.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { isSettingsRepoAbsent, rememberSettingsRepoAbsent } from './owner-settings-absence.js';
import { readDefaultBranchFile } from './read-default-branch-file.js';
import type { ResponseStore } from './response-store.js';
import { toAgentOsError } from './to-agent-os-error.js';

/** Where the configuration lives in a repository (and, failing that, in the owner's `.github` repository). */
export const CONFIG_PATH = '.github/agent-os.yml';

export interface ConfigFile {
  /** The combined configuration (`_extends` followed), or `null` when there is no file anywhere. */
  config: unknown;
  /** The files it was read from, `owner/repo:path`, for messages. */
  files: string[];
}

/**
 * Read `.github/agent-os.yml` with Probot's config loader: the repository's default branch, falling back to
 * the owner's `.github` repository, following `_extends`. Invalid YAML is the user's to fix, said so.
 */
export async function readConfigFile(client: GitHubClient, repo: RepoRef): Promise<ConfigFile> {
  try {
    // The loader only uses `request` (and `request.endpoint`), which every client here has.
    const store = storeOf(client);
    const loader = (store === undefined ? client : listingLoader(client, repo, store)) as unknown as Parameters<
      typeof composeConfigGet
    >[0];
    const { config, files } = await composeConfigGet(loader, { ...repo, path: CONFIG_PATH });
    const found = files.filter((f) => f.config !== null);
    return { config: found.length === 0 ? null : config, files: found.map((f) => `${f.owner}/${f.repo}:${f.path}`) };
  } catch (error) {
    if (error instanceof AgentOsError) throw error;
    const http = error as { status?: unknown; name?: unknown; message?: unknown };
    if (typeof http.status === 'number') throw toAgentOsError(error, `Reading ${CONFIG_PATH}`);
    const detail = typeof http.message === 'string' ? (http.message.split('\n')[0] ?? '') : String(error);
    throw new AgentOsError(
      'user-input',
      `\`${CONFIG_PATH}\` could not be read as YAML: ${detail}. Fix the file on the default branch.`,
      { cause: error },
    );
  }
}

interface LoaderEndpoint {
  method?: string;
  url?: string;
  owner?: string;
  repo?: string;
  path?: string;
  ref?: string;
}

/** Probot's config loader reads a missing file as a `404`. */
const notFound = () => Object.assign(new Error('Not Found'), { status: 404 });

/**
 * The loader's client for an App that keeps conditional answers. The repository's own configuration file is found
 * from the root listing (`304`s while the default branch has not moved, even when there is no file, where a direct
 * read is a counted `404` on every event). The owner's `.github` repository is read directly; its `404` (no such
 * repository or file, or none the App can read) has no ETag, so it is remembered for the clock's TTL, or until an
 * installation event, rather than asked again on every event. Other reads (`_extends`, a ref) go to GitHub as asked.
 */
function listingLoader(client: GitHubClient, repo: RepoRef, store: ResponseStore) {
  const request = async (endpoint: LoaderEndpoint) => {
    const read =
      endpoint.method === 'GET' &&
      endpoint.url === '/repos/{owner}/{repo}/contents/{path}' &&
      endpoint.ref === undefined &&
      endpoint.path !== undefined;
    const own = read && endpoint.owner === repo.owner && endpoint.repo === repo.repo;
    const ownerSettings =
      read && !own && endpoint.owner === repo.owner && endpoint.repo === '.github' && endpoint.path === CONFIG_PATH;
    if (ownerSettings) return readOwnerSettings(client, repo.owner, store, endpoint);
    if (!own) return client.request(endpoint as Parameters<GitHubClient['request']>[0]);
    const file = await readDefaultBranchFile(client, repo, endpoint.path ?? '');
    if (!file.found) throw notFound();
    return { status: 200, url: '', headers: { 'content-type': 'text/plain; charset=utf-8' }, data: file.text };
  };
  return { request: Object.assign(request, { endpoint: client.request.endpoint }) };
}

async function readOwnerSettings(client: GitHubClient, owner: string, store: ResponseStore, endpoint: LoaderEndpoint) {
  const clock = absenceClockOf(client);
  if (await isSettingsRepoAbsent(store, owner, clock)) throw notFound();
  try {
    return await client.request(endpoint as Parameters<GitHubClient['request']>[0]);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) await rememberSettingsRepoAbsent(store, owner, clock);
    throw error;
  }
}
