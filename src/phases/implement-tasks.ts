import { taskRulesOf } from '../core/config/settings.js';
import { AgentOsError } from '../core/errors.js';
import { findDeclaredScope, setScopeLine } from '../core/spec/find-declared-scope.js';
import { parseOrchestration } from '../core/orchestration/orchestration-file.js';
import { renderImplementationHandOff } from '../core/orchestration/render-hand-off.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { listDirectory } from '../github/list-directory.js';
import { readFileAtRef } from '../github/read-file-at-ref.js';
import { readPullRequest } from '../github/read-pull-request.js';
import { planGroups } from './plan-groups.js';
import { updatePullRequestBody } from '../github/pull-requests.js';
import { gatePullRequestAt, type GateOutcome } from './gate-tasks.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { syncChecklist } from './sync-checklist.js';

export interface ImplementTasksResult {
  status: 'declared' | 'unchanged';
  groups: string[];
  /** Declared groups no task file of the pull request has. */
  unknown: string[];
  gate: GateOutcome;
  /** The implementation prompts of the declared groups, ready for a coding agent (markdown), when a spec's tasks.md names them. */
  handOff?: string;
}

/**
 * implement-tasks: record in the pull request's description which task groups it implements
 * (`Implements: Task Groups 1, 3`), so the gate requires only those; then gate and refresh the checklist.
 */
export async function implementTasks(
  ctx: LifecycleContext,
  pullRequest: number,
  args: readonly string[],
): Promise<ImplementTasksResult> {
  const groups = [
    ...new Set(args.flatMap((a) => a.split(/[\s,]+/)).filter((a) => a !== '' && !/^(and|task|groups?)$/i.test(a))),
  ];
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
    await updatePullRequestBody(ctx.client, ctx.repo, pullRequest, body);
  }
  const gate = await gatePullRequestAt(
    ctx.client,
    ctx.repo,
    ctx.repoHtmlUrl,
    pullRequest,
    pr.headSha,
    ctx.gateSettings,
    body,
  );
  await syncChecklist({ client: ctx.client, repo: ctx.repo, repoHtmlUrl: ctx.repoHtmlUrl, pullRequest }, gate);
  const known = new Set(
    gate.reads.flatMap((r) =>
      r.status === 'read' ? r.file.groups.flatMap((g) => (g.number === undefined ? [] : [g.number])) : [],
    ),
  );
  const handOff = await renderHandOff(ctx, { headRef: pr.headRef, gate, groups: numbers });
  return {
    status: already ? 'unchanged' : 'declared',
    groups: numbers,
    unknown: numbers.filter((n) => !known.has(n)),
    gate,
    ...(handOff === undefined ? {} : { handOff }),
  };
}

/**
 * The declared groups' implementation prompts (as orchestrate-tasks writes them) for the spec whose tasks.md
 * the gate read, with the commands that hand them to a coding agent. Nothing here runs a model.
 */
async function renderHandOff(
  ctx: LifecycleContext,
  input: { headRef: string; gate: GateOutcome; groups: readonly string[] },
): Promise<string | undefined> {
  const specs = `${ctx.settings.specRoot}/specs/`;
  const read = input.gate.reads.find(
    (r) => r.status === 'read' && r.path.startsWith(specs) && r.path.endsWith('/tasks.md'),
  );
  if (read === undefined) return undefined;
  const folder = read.path.slice(0, -'/tasks.md'.length);
  const [source, plan, visuals, prompts] = await Promise.all([
    readFileAtRef(ctx.client, ctx.repo, read.path, input.gate.headSha),
    readFileAtRef(ctx.client, ctx.repo, `${folder}/orchestration.yml`, input.gate.headSha),
    listDirectory(ctx.client, ctx.repo, `${folder}/planning/visuals`, input.gate.headSha),
    listDirectory(ctx.client, ctx.repo, `${folder}/implementation/prompts`, input.gate.headSha),
  ]);
  if (!source.found) return undefined;
  const tasks = parseTaskFile(source.text, { path: read.path, ...taskRulesOf(ctx.gateSettings) });
  const orchestration = plan.found ? parseOrchestration(plan.text).groups : [];
  const links = {
    specFolder: folder,
    spec: `${folder}/spec.md`,
    requirements: `${folder}/planning/requirements.md`,
    tasks: read.path,
    visuals: visuals.filter((v) => v.type === 'file').map((v) => v.path),
  };
  const title = folder.slice(folder.lastIndexOf('/') + 1);
  const chosen = planGroups({ tasks, tasksSource: source.text, orchestration, links, specTitle: title }).filter((g) =>
    input.groups.includes(g.key),
  );
  if (chosen.length === 0) return undefined;
  const committed = new Set(prompts.map((p) => p.path));
  return renderImplementationHandOff({
    groups: chosen.map((g) => ({ key: g.key, title: g.group.title, prompt: g.prompt, promptPath: g.promptPath })),
    branch: input.headRef,
    checkName: input.gate.checkName,
    committed: chosen.every((g) => committed.has(g.promptPath)),
  });
}
