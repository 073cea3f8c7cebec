import { MARKERS, markedAs } from '../core/spec/render-comments.js';
import type { SpecPhase } from '../core/spec/render-spec-status.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { countTasks } from '../core/tasks/summarize-tasks.js';
import { parseTaskFile } from '../core/tasks/parse-task-file.js';
import { findOurComments, type IssueComment } from '../github/issue-comments.js';
import { readFileOnBranch } from '../github/write-files.js';
import { blobUrl, type LifecycleContext } from './lifecycle-context.js';

/**
 * Where a spec stands, from the files on its branch (read through the API, never from a payload): shaping until
 * `spec.md` exists, then spec written until `tasks.md` exists, then its tasks' progress (and whether
 * `orchestration.yml` exists). Up to three reads.
 */
export async function readSpecPhase(
  ctx: LifecycleContext,
  location: SpecLocation,
  issue: { htmlUrl: string },
  comments: readonly IssueComment[],
): Promise<SpecPhase> {
  const read = (path: string) => readFileOnBranch(ctx.client, ctx.repo, path, location.branch);
  const [spec, tasks] = await Promise.all([read(location.specPath), read(location.tasksPath)]);
  if (tasks !== undefined) {
    const orchestration = await read(`${location.folder}/orchestration.yml`);
    const counts = countTasks(
      parseTaskFile(tasks.text, { path: location.tasksPath, skipMarkers: ctx.gateSettings.skipMarkers }).tasks,
    );
    return {
      phase: 'tasks-created',
      tasksUrl: blobUrl(ctx, location.branch, location.tasksPath),
      required: counts.required,
      complete: counts.complete,
      orchestrated: orchestration !== undefined,
    };
  }
  if (spec !== undefined) return { phase: 'spec-written', specUrl: blobUrl(ctx, location.branch, location.specPath) };
  const [questions] = findOurComments(comments, (body) => markedAs(body, MARKERS.questions));
  return {
    phase: 'shaping',
    ...(questions === undefined ? {} : { questionsUrl: `${issue.htmlUrl}#issuecomment-${questions.id}` }),
  };
}
