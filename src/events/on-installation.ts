import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import {
  ensureLabels,
  labelDefinitions,
  listInstallationRepositories,
  type EnsureLabelsResult,
} from '../phases/ensure-labels.js';
import type { InstallationEvent } from './event-types.js';

/** The repositories an installation event is about: all of the installation's, or those just added. */
export async function installationRepositories(client: GitHubClient, event: InstallationEvent): Promise<RepoRef[]> {
  return event.repositories === 'all' ? listInstallationRepositories(client) : event.repositories;
}

/** The App's labels, created where it was just installed (the default names: no settings are read yet). */
export function onInstallation(client: GitHubClient, repos: readonly RepoRef[]): Promise<EnsureLabelsResult> {
  return ensureLabels(client, repos, labelDefinitions(DEFAULT_SETTINGS.lifecycle.labels));
}
