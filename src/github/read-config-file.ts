import { composeConfigGet } from '@probot/octokit-plugin-config';
import { AgentOsError } from '../core/errors.js';
import type { GitHubClient, RepoRef } from './github-client.js';
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
    const loader = client as unknown as Parameters<typeof composeConfigGet>[0];
    const { config, files } = await composeConfigGet(loader, { ...repo, path: CONFIG_PATH });
    const found = files.filter((f) => f.config !== null);
    return { config: found.length === 0 ? null : config, files: found.map((f) => `${f.owner}/${f.repo}:${f.path}`) };
  } catch (error) {
    const http = error as { status?: unknown; name?: unknown; message?: unknown };
    if (typeof http.status === 'number') throw toAgentOsError(error, `Reading ${CONFIG_PATH}`);
    const detail = typeof http.message === 'string' ? http.message.split('\n')[0] ?? '' : String(error);
    throw new AgentOsError('user-input', `\`${CONFIG_PATH}\` could not be read as YAML: ${detail}. Fix the file on the default branch.`, { cause: error });
  }
}
