import { escapeMarkdown } from '../markdown/escape-markdown.js';
import type { SpecLocation } from './spec-location.js';

/** The spec pull request's title: `Spec: <issue title>`. */
export function specPullRequestTitle(issueTitle: string, issueNumber: number): string {
  const title = issueTitle.trim() === '' ? `issue #${issueNumber}` : issueTitle.trim();
  return `Spec: ${title}`.slice(0, 256);
}

/** The product roadmap item a spec delivers (matched by the issue's title when it was shaped). */
export interface RoadmapLink {
  number: number;
  title: string;
  /** Where the roadmap is, e.g. `agent-os/product/roadmap.md`. */
  path: string;
}

/** The spec pull request's description: the issue it shapes, its `Spec:` line (which the task gate reads), next steps. */
export function renderSpecPullRequestBody(issueNumber: number, issueTitle: string, location: SpecLocation, roadmap?: RoadmapLink): string {
  return [
    `Spec for #${issueNumber}: ${escapeMarkdown(issueTitle)}`,
    '',
    `Spec: \`${location.folder}\``,
    '',
    ...(roadmap === undefined
      ? []
      : [`Roadmap: delivers item ${roadmap.number}, **${escapeMarkdown(roadmap.title)}**, of \`${roadmap.path}\` (ticked when this pull request merges).`, '']),
    'The Agent OS App keeps this spec folder in step with the conversation on the issue:',
    '',
    '- `planning/requirements.md`: the issue, the clarifying questions and the answers (answer on the issue)',
    '- `spec.md`: comment `/write-spec` on the issue or here once the questions are answered',
    '- `tasks.md`: the task list that gates the merge, once the spec is reviewed',
    '',
    "These files are a deterministic draft: a starting point to review, not a finished spec. They are built from what the issue and the answers say; the App cannot read your codebase beyond the file names it is shown, so check the requirements, the code to reuse and the task groups before work starts, and edit the files freely (the App never overwrites a person's edits).",
  ].join('\n');
}
