import { AgentOsError } from '../core/errors.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { githubSpecWorkspace } from '../github/github-spec-workspace.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { draftingDeps, blobUrl, type LifecycleContext } from './lifecycle-context.js';
import { showPhase } from './show-phase.js';
import { locateSpec } from './locate-spec.js';
import { writeSpecFile } from './write-spec-file.js';

export interface WriteSpecResult {
  status: 'written' | 'updated' | 'unchanged' | 'kept-edited';
  location: SpecLocation;
  specUrl: string;
  counts: { requirements: number; acceptance: number; decisions: number; defaults: number; outOfScope: number };
  /** How a model drafted it, when a model is configured and wanted. */
  drafting?: DraftingNote;
}

/**
 * write-spec on an issue: spec.md on the issue's spec branch (`writeSpecFile` on the branch's workspace), then the
 * phase label. A spec.md someone changed since the App wrote it is kept unless `force`.
 */
export async function writeSpec(
  ctx: LifecycleContext,
  issue: IssueSnapshot,
  options: { force: boolean; deterministic?: boolean },
): Promise<WriteSpecResult> {
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) {
    throw new AgentOsError(
      'user-input',
      `Issue #${issue.number} has no spec yet. Label it \`${ctx.settings.labels.shapeSpec}\` or comment \`/shape-spec\` first, answer the questions, then comment \`/write-spec\`.`,
    );
  }
  const { location } = spec;
  const written = await writeSpecFile(
    githubSpecWorkspace(ctx.client, ctx.repo, location.branch),
    draftingDeps(ctx, options.deterministic),
    {
      ...location,
      force: options.force,
      message: (drafting) =>
        `Write spec for #${issue.number}: ${issue.title}\n\nFrom ${location.requirementsPath}${drafting?.by === 'model' ? `, drafted by ${drafting.model}` : ''}.`,
    },
  );
  if (written.status === 'missing-requirements') {
    throw new AgentOsError(
      'not-found',
      `The branch \`${location.branch}\` has no \`${location.requirementsPath}\`, which spec.md is written from. Comment \`/shape-spec --force\` to write it again from the issue.`,
    );
  }
  const { doc, status, drafting } = written;
  const summary = doc.sections;
  const count = (key: string) => (summary[key] ?? []).filter((b) => !/^_.*_$/.test(b.text)).length;
  const result = {
    location,
    specUrl: blobUrl(ctx, location.branch, location.specPath),
    counts: {
      requirements: count('Requirements Summary/Functional Requirements'),
      acceptance: count('Requirements Summary/Acceptance Criteria'),
      decisions: doc.discussion.length,
      defaults: doc.discussion.filter((d) => d.defaulted).length,
      outOfScope: (summary['Requirements Summary/Scope Boundaries/Out of Scope'] ?? []).filter(
        (b) => b.text !== 'Anything not listed above.',
      ).length,
    },
  };
  // A spec.md kept as edited leaves the label as it is, as before.
  if (status === 'kept-edited') return { ...result, status };
  await showPhase(ctx, issue, ctx.settings.labels.specWritten);
  return { ...result, status, ...(drafting === undefined ? {} : { drafting }) };
}
