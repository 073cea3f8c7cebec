import pLimit from 'p-limit';
import type { LifecycleLabels } from '../core/config/lifecycle-settings.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { toAgentOsError } from '../github/to-agent-os-error.js';

export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

/** The App's labels, with colours and descriptions people see in the label picker. */
export function labelDefinitions(labels: LifecycleLabels): LabelDefinition[] {
  return [
    { name: labels.shapeSpec, color: '5319e7', description: 'Agent OS: shape this issue into a spec (clarifying questions, spec branch, draft PR)' },
    { name: labels.shaping, color: 'fbca04', description: 'Agent OS: clarifying questions asked; answers are folded into requirements.md' },
    { name: labels.specWritten, color: '0e8a16', description: 'Agent OS: spec.md is written' },
    { name: labels.done, color: '6f42c1', description: 'Agent OS: the spec pull request merged; the spec is done' },
  ];
}

export interface EnsureLabelsResult {
  repositories: number;
  created: number;
  /** Repositories whose labels could not be read or created, with the reason. */
  failed: Array<{ repo: string; reason: string }>;
}

/** Repositories handled at once: enough to finish a large organisation, few enough to stay within rate limits. */
export const LABEL_CONCURRENCY = 4;

async function ensureIn(client: GitHubClient, repo: RepoRef, definitions: readonly LabelDefinition[]): Promise<number> {
  const existing = await client.paginate('GET /repos/{owner}/{repo}/labels', { ...repo, per_page: 100 });
  const names = new Set(existing.map((l) => l.name.toLowerCase()));
  let created = 0;
  for (const label of definitions) {
    if (names.has(label.name.toLowerCase())) continue;
    try {
      await client.request('POST /repos/{owner}/{repo}/labels', { ...repo, ...label });
      created += 1;
    } catch (error) {
      // Created meanwhile (a redelivery, another replica): that is what we wanted.
      if ((error as { status?: unknown }).status !== 422) throw error;
    }
  }
  return created;
}

/**
 * Create the App's labels in each repository that lacks them, a few repositories at a time. Labels that exist
 * (under any letter case) are left alone, so a repeat creates nothing; one repository failing does not stop the rest.
 */
export async function ensureLabels(client: GitHubClient, repos: readonly RepoRef[], definitions: readonly LabelDefinition[]): Promise<EnsureLabelsResult> {
  const limit = pLimit(LABEL_CONCURRENCY);
  const result: EnsureLabelsResult = { repositories: repos.length, created: 0, failed: [] };
  await Promise.all(
    repos.map((repo) =>
      limit(async () => {
        try {
          result.created += await ensureIn(client, repo, definitions);
        } catch (error) {
          result.failed.push({ repo: `${repo.owner}/${repo.repo}`, reason: toAgentOsError(error, 'Creating labels').message });
        }
      }),
    ),
  );
  return result;
}

/** Every repository an installation can see (paginated), for an installation whose payload may not list them all. */
export async function listInstallationRepositories(client: GitHubClient): Promise<RepoRef[]> {
  const repos = await client.paginate('GET /installation/repositories', { per_page: 100 });
  return repos.map((r) => ({ owner: r.owner.login, repo: r.name }));
}
