import pLimit from 'p-limit';
import type { LifecycleLabels } from '../core/config/lifecycle-settings.js';
import type { GitHubClient, RepoRef } from '../github/github-client.js';
import { createMissingLabels, listInstallationRepositories, type LabelDefinition } from '../github/labels.js';
import { toAgentOsError } from '../github/to-agent-os-error.js';

export type { LabelDefinition };
export { listInstallationRepositories };

/** The App's labels, with colours and descriptions people see in the label picker. */
export function labelDefinitions(labels: LifecycleLabels): LabelDefinition[] {
  return [
    {
      name: labels.shapeSpec,
      color: '5319e7',
      description: 'Agent OS: shape this issue into a spec (clarifying questions, spec branch, draft PR)',
    },
    {
      name: labels.shaping,
      color: 'fbca04',
      description: 'Agent OS: clarifying questions asked; answers are folded into requirements.md',
    },
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

/**
 * Create the App's labels in each repository that lacks them, a few repositories at a time. Labels that exist
 * (under any letter case) are left alone, so a repeat creates nothing; one repository failing does not stop the rest.
 */
export async function ensureLabels(
  client: GitHubClient,
  repos: readonly RepoRef[],
  definitions: readonly LabelDefinition[],
): Promise<EnsureLabelsResult> {
  const limit = pLimit(LABEL_CONCURRENCY);
  const result: EnsureLabelsResult = { repositories: repos.length, created: 0, failed: [] };
  await Promise.all(
    repos.map((repo) =>
      limit(async () => {
        try {
          result.created += await createMissingLabels(client, repo, definitions);
        } catch (error) {
          result.failed.push({
            repo: `${repo.owner}/${repo.repo}`,
            reason: toAgentOsError(error, 'Creating labels').message,
          });
        }
      }),
    ),
  );
  return result;
}
