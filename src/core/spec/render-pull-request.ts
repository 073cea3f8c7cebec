import { bulletList, code, paragraph, raw, root, strong, text } from '../markdown/build-mdast.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { writeMarkdown } from '../markdown/write-markdown.js';
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

/** Text already escaped (people's text through escapeMarkdown), written as it is: a raw node the writer leaves alone. */

const DRAFT_NOTE =
  "These files are a deterministic draft: a starting point to review, not a finished spec. They are built from what the issue and the answers say; the App cannot read your codebase beyond the file names it is shown, so check the requirements, the code to reuse and the task groups before work starts, and edit the files freely (the App never overwrites a person's edits).";

/** The spec pull request's description: the issue it shapes, its `Spec:` line (which the task gate reads), next steps. */
export function renderSpecPullRequestBody(
  issueNumber: number,
  issueTitle: string,
  location: SpecLocation,
  roadmap?: RoadmapLink,
): string {
  const tree = root([
    // The issue's title keeps escapeMarkdown's escapes (`\>` and all), as the App always wrote it.
    paragraph([text(`Spec for #${issueNumber}: `), raw(escapeMarkdown(issueTitle))]),
    paragraph([text('Spec: '), code(location.folder)]),
    ...(roadmap === undefined
      ? []
      : [
          paragraph([
            text(`Roadmap: delivers item ${roadmap.number}, `),
            strong([raw(escapeMarkdown(roadmap.title))]),
            text(', of '),
            code(roadmap.path),
            text(' (ticked when this pull request merges).'),
          ]),
        ]),
    paragraph([text('The Agent OS App keeps this spec folder in step with the conversation on the issue:')]),
    bulletList([
      [
        code('planning/requirements.md'),
        text(': the issue, the clarifying questions and the answers (answer on the issue)'),
      ],
      [
        code('spec.md'),
        text(': comment '),
        code('/write-spec'),
        text(' on the issue or here once the questions are answered'),
      ],
      [code('tasks.md'), text(': the task list that gates the merge, once the spec is reviewed')],
    ]),
    paragraph([text(DRAFT_NOTE)]),
  ]);
  return writeMarkdown(tree).replace(/\n$/, '');
}
