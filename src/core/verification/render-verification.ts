import { fingerprint } from '../markdown/fingerprint.js';
import { escapeLineStart, escapeMarkdown } from '../markdown/escape-markdown.js';
import { markFile } from '../spec/file-marker.js';
import type { TaskFile } from '../tasks/types.js';

/** Another check run on the pull request's head commit (tests, lint, builds): what the verification reports. */
export interface OtherCheck {
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  url: string;
}

export interface VerificationInput {
  specTitle: string;
  specFolder: string;
  issueNumber: number;
  pullRequest: number;
  /** `YYYY-MM-DD`. */
  date: string;
  tasks: TaskFile;
  /** Files of the spec folder this pull request holds (to report the implementation documentation). */
  specFiles: readonly string[];
  /** The roadmap item this spec delivers, if the product roadmap names one, and how a merge updates it. */
  roadmap: { file: 'found' | 'absent'; item?: { number: number; title: string; checked: boolean }; update: 'pull-request' | 'push' | 'off' };
  checks: readonly OtherCheck[];
}

const PASSING = new Set(['success', 'neutral', 'skipped']);

/** The state of the tasks the report was written for: the report is rewritten only when it changes. */
export function verificationKey(tasks: TaskFile): string {
  return fingerprint(JSON.stringify(tasks.tasks.map((t) => [t.id ?? '', t.text, t.complete, t.required])));
}

function checkLine(check: OtherCheck): string {
  const state = check.status === 'completed' ? (check.conclusion ?? 'unknown') : check.status.replace('_', ' ');
  return `- [${escapeMarkdown(check.name)}](${check.url}): ${state}`;
}

/**
 * `verifications/final-verification.md` in the Agent OS layout: overall status, tasks, documentation, roadmap
 * and the test-suite results as the pull request's other check runs report them. Ends with the App's marker
 * (the tasks' state it was written for), so it is rewritten only when the tasks change and never over a
 * person's edit.
 */
export function renderVerification(input: VerificationInput): string {
  const { tasks } = input;
  const required = tasks.tasks.filter((t) => t.required);
  const incomplete = required.filter((t) => !t.complete);
  const finished = input.checks.filter((c) => c.status === 'completed');
  const failing = finished.filter((c) => !PASSING.has(c.conclusion ?? ''));
  const passing = finished.filter((c) => PASSING.has(c.conclusion ?? ''));
  const pending = input.checks.filter((c) => c.status !== 'completed');
  // Implementation reports, not the prompts orchestrate-tasks writes.
  const docs = input.specFiles.filter((f) => f.includes('/implementation/') && !f.includes('/implementation/prompts/'));

  const testStatus =
    input.checks.length === 0
      ? '⚠️ No other checks reported on this commit'
      : failing.length > 0
        ? '❌ Some checks failing'
        : pending.length > 0
          ? '⏳ Some checks still running'
          : '✅ All passing';
  const status = incomplete.length > 0 || failing.length > 0 ? '❌ Failed' : pending.length > 0 || input.checks.length === 0 ? '⚠️ Passed with issues' : '✅ Passed';

  const taskLines = tasks.groups
    .filter((g) => g.tasks.length > 0)
    .flatMap((g) => {
      const groupTasks = g.tasks.map((i) => tasks.tasks[i]).filter((t) => t !== undefined);
      const done = groupTasks.filter((t) => t.complete).length;
      return [`- [${done === groupTasks.length ? 'x' : ' '}] ${escapeMarkdown(g.title)} (${done} of ${groupTasks.length})`];
    });

  const roadmap =
    input.roadmap.file === 'absent'
      ? ['**Status:** ⚠️ No product roadmap', '', 'The repository has no `roadmap.md`; comment `/plan-product` on an issue describing the product to make one.']
      : input.roadmap.item === undefined
        ? ['**Status:** ⚠️ No matching roadmap item', '', `No item of the roadmap matches “${escapeMarkdown(input.specTitle)}”; tick one by hand if this spec delivers it.`]
        : [
            `**Status:** ${
              input.roadmap.item.checked
                ? '✅ Already ticked'
                : input.roadmap.update === 'push'
                  ? '✅ Will be ticked when this pull request merges'
                  : input.roadmap.update === 'pull-request'
                    ? '✅ A pull request ticking it opens when this pull request merges'
                    : '⚠️ Not ticked automatically (`roadmap_update: off`): tick it by hand'
            }`,
            '',
            `- [${input.roadmap.item.checked ? 'x' : ' '}] ${input.roadmap.item.number}. ${escapeMarkdown(input.roadmap.item.title)}`,
          ];

  const content = [
    `# Verification Report: ${escapeMarkdown(input.specTitle)}`,
    '',
    `**Spec:** \`${input.specFolder}\``,
    `**Date:** ${input.date}`,
    '**Verifier:** agent-os-github',
    `**Status:** ${status}`,
    '',
    '---',
    '',
    '## Executive Summary',
    '',
    `${required.length - incomplete.length} of ${required.length} required tasks are complete on pull request #${input.pullRequest} (issue #${input.issueNumber}). ` +
      `${passing.length} of ${input.checks.length} other checks pass${failing.length > 0 ? `, ${failing.length} fail` : ''}${pending.length > 0 ? `, ${pending.length} still running` : ''}.`,
    '',
    '---',
    '',
    '## 1. Tasks Verification',
    '',
    `**Status:** ${incomplete.length === 0 ? '✅ All complete' : `⚠️ ${incomplete.length} incomplete`}`,
    '',
    '### Task Groups',
    '',
    ...(taskLines.length > 0 ? taskLines : ['- (no task groups)']),
    '',
    '### Incomplete or Issues',
    '',
    ...(incomplete.length === 0 ? ['None'] : incomplete.map((t) => (t.id === undefined ? `- ${escapeLineStart(t.text)}` : `- ${t.id} ${escapeMarkdown(t.text)}`))),
    '',
    '---',
    '',
    '## 2. Documentation Verification',
    '',
    `**Status:** ${docs.length > 0 ? '✅ Complete' : '⚠️ No implementation documents'}`,
    '',
    ...(docs.length > 0 ? docs.map((d) => `- \`${d}\``) : ['The spec folder has no `implementation/` documents on this pull request.']),
    '',
    '---',
    '',
    '## 3. Roadmap Updates',
    '',
    ...roadmap,
    '',
    '---',
    '',
    '## 4. Test Suite Results',
    '',
    `**Status:** ${testStatus}`,
    '',
    '### Test Summary',
    '',
    `- **Total checks:** ${input.checks.length}`,
    `- **Passing:** ${passing.length}`,
    `- **Failing:** ${failing.length}`,
    `- **Still running:** ${pending.length}`,
    '',
    '### Failed Checks',
    '',
    ...(failing.length === 0 ? ['None'] : failing.map(checkLine)),
    ...(pending.length === 0 ? [] : ['', '### Still Running', '', ...pending.map(checkLine)]),
    ...(passing.length === 0 ? [] : ['', '### Passing Checks', '', ...passing.map(checkLine)]),
    '',
    '### Notes',
    '',
    'Results are those of the commit this report was written for; the pull request’s Checks tab has the latest.',
  ].join('\n');
  return markFile('verification', content, { tasks: verificationKey(tasks) });
}
