import { phaseLabels } from '../core/config/lifecycle-settings.js';
import { AgentOsError, isAgentOsError } from '../core/errors.js';
import type { DraftingNote } from '../core/model/render-drafting-note.js';
import { readMarkedFile } from '../core/spec/file-marker.js';
import { readRequirements } from '../core/spec/read-requirements.js';
import { renderSpec } from '../core/spec/render-spec.js';
import type { SpecLocation } from '../core/spec/spec-location.js';
import { setPhaseLabel } from '../github/labels.js';
import type { IssueSnapshot } from '../github/read-issue.js';
import { readFileOnBranch, writeFileOnBranch } from '../github/write-files.js';
import { draftSpecOnBranch } from './draft-spec-on-branch.js';
import { blobUrl, type LifecycleContext } from './lifecycle-context.js';
import { locateSpec } from './locate-spec.js';

export interface WriteSpecResult {
  status: 'written' | 'updated' | 'unchanged' | 'kept-edited';
  location: SpecLocation;
  specUrl: string;
  counts: { requirements: number; acceptance: number; decisions: number; defaults: number; outOfScope: number };
  /** How a model drafted it, when a model is configured and wanted. */
  drafting?: DraftingNote;
}

/**
 * write-spec: spec.md on the spec branch from planning/requirements.md (as people may have edited it). A spec.md
 * someone changed since the App wrote it is kept unless `force`.
 */
export async function writeSpec(ctx: LifecycleContext, issue: IssueSnapshot, options: { force: boolean; deterministic?: boolean }): Promise<WriteSpecResult> {
  const spec = await locateSpec(ctx, issue);
  if (spec === undefined) {
    throw new AgentOsError(
      'user-input',
      `Issue #${issue.number} has no spec yet. Label it \`${ctx.settings.labels.shapeSpec}\` or comment \`/shape-spec\` first, answer the questions, then comment \`/write-spec\`.`,
    );
  }
  const { location } = spec;
  const [requirements, existing] = await Promise.all([
    readFileOnBranch(ctx.client, ctx.repo, location.requirementsPath, location.branch),
    readFileOnBranch(ctx.client, ctx.repo, location.specPath, location.branch),
  ]);
  if (requirements === undefined) {
    throw new AgentOsError(
      'not-found',
      `The branch \`${location.branch}\` has no \`${location.requirementsPath}\`, which spec.md is written from. Comment \`/shape-spec --force\` to write it again from the issue.`,
    );
  }
  const doc = readRequirements(requirements.text);
  const floor = renderSpec(doc);
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
      outOfScope: (summary['Requirements Summary/Scope Boundaries/Out of Scope'] ?? []).filter((b) => b.text !== 'Anything not listed above.').length,
    },
  };

  let status: WriteSpecResult['status'] = 'written';
  if (existing !== undefined) {
    const marked = readMarkedFile<object>('spec', existing.text);
    if (!(marked.marked && marked.intact) && !options.force) return { ...result, status: 'kept-edited' };
  }
  let content = floor;
  let drafting: DraftingNote | undefined;
  if (ctx.model !== undefined && ctx.settings.drafter === 'model' && options.deterministic !== true) {
    ({ content, note: drafting } = await draftSpecOnBranch(ctx, ctx.model, { location, doc, floor, existing }));
  }
  if (existing !== undefined) status = existing.text === content ? 'unchanged' : 'updated';
  if (status !== 'unchanged') {
    try {
      await writeFileOnBranch(ctx.client, ctx.repo, {
        branch: location.branch,
        path: location.specPath,
        content,
        message: `Write spec for #${issue.number}: ${issue.title}\n\nFrom ${location.requirementsPath}${drafting?.by === 'model' ? `, drafted by ${drafting.model}` : ''}.`,
        ...(existing ? { sha: existing.sha } : {}),
      });
    } catch (error) {
      // GitHub's 409: spec.md changed meanwhile. If to exactly this text (the same command handled at the same
      // moment elsewhere), that is success, not a failure to report.
      if (!isAgentOsError(error) || error.kind !== 'conflict') throw error;
      const now = await readFileOnBranch(ctx.client, ctx.repo, location.specPath, location.branch);
      if (now?.text !== content) throw error;
      status = 'unchanged';
    }
  }
  const { labels } = ctx.settings;
  await setPhaseLabel(ctx.client, ctx.repo, { number: issue.number, current: issue.labels, target: labels.specWritten, phaseLabels: phaseLabels(labels) });
  return { ...result, status, ...(drafting === undefined ? {} : { drafting }) };
}
