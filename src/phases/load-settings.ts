import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import type { Settings } from '../core/config/parse-config.js';
import { AgentOsError } from '../core/errors.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { CONFIG_PATH, readConfigFile } from '../github/read-config-file.js';

/**
 * The repository's settings: `.github/agent-os.yml` (or the owner's `.github` repository's), validated, over the
 * defaults. A file with problems is an error that names every problem, for a comment or a check run to show.
 */
export async function loadSettings(client: GitHubClient, repo: RepoRef): Promise<Settings> {
  const { config, files } = await readConfigFile(client, repo);
  if (config === null) return DEFAULT_SETTINGS;
  // The schema (zod) is loaded only for a repository that has a file: most events on most repositories run without.
  const { parseConfig, renderConfigProblems } = await import('../core/config/parse-config.js');
  const parsed = parseConfig(config);
  if (parsed.ok) return parsed.settings;
  const where = files.length > 0 ? (files[files.length - 1] ?? CONFIG_PATH).replace(/^[^:]*:/, '') : CONFIG_PATH;
  throw new AgentOsError('user-input', renderConfigProblems(where, parsed.problems));
}
