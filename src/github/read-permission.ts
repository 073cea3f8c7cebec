import { PERMISSION_LEVELS, type PermissionLevel } from '../core/config/lifecycle-settings.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { toAgentOsError } from './to-agent-os-error.js';

/** A person's permission on the repository (`none` when they are not a collaborator). */
export async function readPermission(client: GitHubClient, repo: RepoRef, username: string): Promise<PermissionLevel> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      ...repo,
      username,
    });
    // `role_name` tells maintain and triage apart; `permission` folds them into write and read.
    const role = (data as { role_name?: string }).role_name;
    if (role !== undefined && (PERMISSION_LEVELS as readonly string[]).includes(role)) return role as PermissionLevel;
    return (PERMISSION_LEVELS as readonly string[]).includes(data.permission)
      ? (data.permission as PermissionLevel)
      : 'none';
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return 'none';
    throw toAgentOsError(error, `Reading ${username}'s permission`);
  }
}
