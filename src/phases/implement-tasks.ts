import { AgentOsError } from '../core/errors.js';
import { findDeclaredScope, setScopeLine } from '../core/spec/find-declared-scope.js';
import { readPullRequest } from '../github/read-pull-request.js';
import { toAgentOsError } from '../github/to-agent-os-error.js';
import { gatePullRequestAt, type GateOutcome } from './gate-tasks.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { syncChecklist } from './sync-checklist.js';

export interface ImplementTasksResult {
  status: 'declared' | 'unchanged';
  groups: string[];
  /** Declared groups no task file of the pull request has. */
  unknown: string[];
  gate: GateOutcome;
}

/**
 * implement-tasks: record in the pull request's description which task groups it implements
 * (`Implements: Task Groups 1, 3`), so the gate requires only those; then gate and refresh the checklist.
 */
export async function implementTasks(ctx: LifecycleContext, pullRequest: number, args: readonly string[]): Promise<ImplementTasksResult> {
  const groups = [...new Set(args.flatMap((a) => a.split(/[\s,]+/)).filter((a) => a !== '' && !/^(and|task|groups?)$/i.test(a)))];
  const invalid = groups.filter((g) => !/^\d{1,3}$/.test(g));
  if (groups.length === 0 || invalid.length > 0) {
    throw new AgentOsError(
      'user-input',
      `Name the task groups this pull request implements by number, e.g. \`/implement-tasks 1 3\`${invalid.length > 0 ? ` (not a group number: ${invalid.map((g) => `\`${g.replace(/`/g, "'")}\``).join(', ')})` : ''}.`,
    );
  }
  const numbers = groups.map((g) => String(Number(g))).sort((a, b) => Number(a) - Number(b));
  const pr = await readPullRequest(ctx.client, ctx.repo, pullRequest);
  const body = setScopeLine(pr.body, numbers);
  const already = JSON.stringify(findDeclaredScope(pr.body)) === JSON.stringify(numbers);
  if (!already) {
    try {
      await ctx.client.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...ctx.repo, pull_number: pullRequest, body });
    } catch (error) {
      throw toAgentOsError(error, `Updating the description of #${pullRequest}`);
    }
  }
  const gate = await gatePullRequestAt(ctx.client, ctx.repo, ctx.repoHtmlUrl, pullRequest, pr.headSha, ctx.gateSettings, body);
  await syncChecklist({ client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest }, gate);
  const known = new Set(gate.reads.flatMap((r) => (r.status === 'read' ? r.file.groups.flatMap((g) => (g.number === undefined ? [] : [g.number])) : [])));
  return { status: already ? 'unchanged' : 'declared', groups: numbers, unknown: numbers.filter((n) => !known.has(n)), gate };
}
