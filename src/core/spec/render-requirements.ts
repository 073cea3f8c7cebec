import type { IssueItem, ParsedIssue } from '../issue/parse-issue.js';
import { itemsOfKind } from '../issue/parse-issue.js';
import { findIssueRequirements, type IssueRequirement } from '../issue/find-issue-requirements.js';
import { embedVerbatim } from '../markdown/embed-verbatim.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import type { ClarifyingQuestion, RecordedAnswer } from './clarifying-question.js';
import { markFile } from './file-marker.js';
import { findCodePaths } from './find-code-paths.js';
import type { ShapingState } from './shaping-state.js';

export interface RequirementsInput {
  issue: ParsedIssue;
  issueNumber: number;
  issueUrl: string;
  branch: string;
  state: ShapingState;
}

/** Marks where the issue's own text starts and ends, so reading requirements.md back never mistakes it for ours. */
export const INITIAL_DESCRIPTION_START = '<!-- agent-os-github:initial-description -->';
export const INITIAL_DESCRIPTION_END = '<!-- /agent-os-github:initial-description -->';
/** Wrap what people wrote (a multi-line answer, a note), so its headings or lists are never read as our structure. */
export const VERBATIM_START = '<!-- agent-os-github:verbatim -->';
export const VERBATIM_END = '<!-- /agent-os-github:verbatim -->';

/** Text as written, between the verbatim markers (blank lines around them keep them HTML blocks of their own). */
export function verbatimBlock(text: string): string {
  return `${VERBATIM_START}

${text}

${VERBATIM_END}`;
}

/** How an unanswered question's answer reads; reading the file back recognises it. */
export const DEFAULT_STANDS = '_No answer yet: the proposed default stands._';

/** Section kinds whose items are functional requirements (items before any heading included). */
export const FUNCTIONAL_KINDS = ['requirements', 'preamble'] as const;

/** Items of other sections (problem, open questions, anything else): kept as context, never dropped. */
const CONTEXT_KINDS = ['problem', 'questions', 'other', 'context'] as const;

function bullets(items: readonly { text: string; depth: number }[]): string[] {
  return items.map((i) => `${'  '.repeat(i.depth)}- ${i.text}`);
}

/** A requirement as a bullet, with its contract (code, tables) indented under it so it stays its own. */
function requirementLines(requirement: IssueRequirement): string[] {
  const indent = '  '.repeat(requirement.depth);
  const blocks = requirement.blocks.flatMap((b) => [
    '',
    ...embedVerbatim(b)
      .split('\n')
      .map((l) => (l === '' ? '' : `${indent}  ${l}`)),
  ]);
  return [`${indent}- ${requirement.text}`, ...blocks, ...(blocks.length > 0 ? [''] : [])];
}

/** Everything a section of these kinds says: its items, its paragraphs as bullets, then its tables and code. */
function carried(issue: ParsedIssue, kinds: readonly string[]): string[] {
  const sections = issue.sections.filter((s) => kinds.includes(s.kind));
  const lines = [...bullets(sections.flatMap((s) => s.items)), ...bullets(paragraphItems(issue, kinds))];
  const blocks = sections.flatMap((s) => s.blocks);
  return blocks.length === 0 ? lines : [...lines, ...blocks.flatMap((b) => ['', embedVerbatim(b)])];
}

function paragraphItems(issue: ParsedIssue, kinds: readonly string[]): Array<Pick<IssueItem, 'text' | 'depth'>> {
  return issue.sections
    .filter((s) => kinds.includes(s.kind))
    .flatMap((s) => s.paragraphs.map((text) => ({ text, depth: 0 })));
}

/** A block of text that starts like a block of its own (a list, a quote, code, a heading) cannot follow a label. */
function startsWithBlock(text: string): boolean {
  return /^(\s{4}|[-*+>#|]|\d{1,3}[.)]|```|~~~|<)/.test(text) || text.includes('\n');
}

/** `**Answer:** …` with the answer as written (or the default that stands). */
export function renderAnswer(question: ClarifyingQuestion, answer: RecordedAnswer | undefined): string {
  if (answer === undefined) return `**Answer:** ${DEFAULT_STANDS} ${question.default}`;
  const text = embedVerbatim(answer.text);
  if (text === '') return `**Answer:** _(left empty)_ ${DEFAULT_STANDS} ${question.default}`;
  return startsWithBlock(text) ? `**Answer:**\n\n${verbatimBlock(text)}` : `**Answer:** ${text}`;
}

function discussion(questions: readonly ClarifyingQuestion[], answers: ShapingState['answers']): string[] {
  return questions.flatMap((q) => {
    const label = q.about === undefined ? `**Q${q.number}:**` : `**Q${q.number}:** _(follow-up on Q${q.about})_`;
    return [`${label} ${q.text}`, renderAnswer(q, answers[String(q.number)]), ''];
  });
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [title, '', ...(lines.length > 0 ? lines : [empty]), ''];
}

/** requirements.md in the Agent OS layout, from the issue and the questions and answers so far. */
export function renderRequirements(input: RequirementsInput): string {
  const { issue, state } = input;
  const rounds = state.questions.filter((q) => q.topic !== 'follow-up');
  const followUps = state.questions.filter((q) => q.topic === 'follow-up');
  const answerTo = (topic: string) => {
    const q = state.questions.find((x) => x.topic === topic);
    return q === undefined ? undefined : state.answers[String(q.number)];
  };
  const reuse = answerTo('reuse');
  const visualsAnswer = answerTo('visuals');
  const notes = Object.entries(state.notes ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  const answerImages = [
    ...Object.values(state.answers).flatMap((a) => a.images),
    ...notes.flatMap(([, n]) => n.images),
  ];
  const answerLinks = [...(visualsAnswer?.links ?? []), ...notes.flatMap(([, n]) => n.links)];

  const codePaths = [
    ...(reuse ? findCodePaths(reuse.text).map((p) => `- \`${p}\` (from the answer to the reuse question)`) : []),
    ...notes.flatMap(([, n]) => findCodePaths(n.text).map((p) => `- \`${p}\` (from @${n.author}'s notes)`)),
  ];
  const existingCode = [...codePaths, ...bullets(itemsOfKind(issue, ['existing-code']))];
  const files = [
    ...issue.images.map((i) => `- ![${escapeMarkdown(i.alt)}](${i.url}) (from the issue)`),
    ...answerImages.map((url) => `- ![](${url}) (from the answers)`),
    ...[...new Set(answerLinks)]
      .filter((url) => !answerImages.includes(url))
      .map((url) => `- <${url}> (from the answers)`),
  ];
  const insights = carried(issue, ['visuals']);
  const found = findIssueRequirements(issue);
  const functional = found.requirements.flatMap(requirementLines);
  const context = [...itemsOfKind(issue, CONTEXT_KINDS).map((i) => i.text), ...found.context].filter(
    (t, i, all) => all.indexOf(t) === i,
  );

  const lines = [
    `# Spec Requirements: ${escapeMarkdown(issue.title)}`,
    '',
    `Shaped from issue [#${input.issueNumber}](${input.issueUrl}) on the branch \`${input.branch}\`. Answer the clarifying questions on the issue; the answers are folded in here.`,
    '',
    '## Initial Description',
    '',
    INITIAL_DESCRIPTION_START,
    '',
    embedVerbatim(issue.body) || '_The issue has no description._',
    '',
    INITIAL_DESCRIPTION_END,
    '',
    '## Requirements Discussion',
    '',
    '### First Round Questions',
    '',
    ...discussion(rounds, state.answers),
    ...section(
      '### Existing Code to Reference',
      existingCode,
      'No similar existing features identified for reference.',
    ),
    ...(followUps.length > 0 ? ['### Follow-up Questions', '', ...discussion(followUps, state.answers)] : []),
    ...(notes.some(([, n]) => n.text !== '')
      ? [
          '### Notes from the Answers',
          '',
          ...notes
            .filter(([, n]) => n.text !== '')
            .flatMap(([, n]) => [`**From @${n.author}:**`, '', verbatimBlock(embedVerbatim(n.text)), '']),
        ]
      : []),
    '## Visual Assets',
    '',
    ...section('### Files Provided:', files, 'No visual assets provided.'),
    ...section('### Visual Insights:', insights, 'No visual insights yet.'),
    '## Requirements Summary',
    '',
    ...section('### Functional Requirements', functional, '_None listed in the issue yet; see the answers above._'),
    ...section(
      '### Acceptance Criteria',
      carried(issue, ['acceptance']),
      '_None listed in the issue yet; see the answers above._',
    ),
    ...(found.stories.length > 0
      ? section(
          '### User Stories',
          found.stories.map((t) => `- ${t}`),
          '',
        )
      : []),
    ...section('### Users and Permissions', carried(issue, ['users']), '_See the answers above._'),
    ...section('### Reusability Opportunities', existingCode, 'None identified yet.'),
    '### Scope Boundaries',
    '',
    '**In Scope:**',
    '',
    '- Everything under Functional Requirements and Acceptance Criteria.',
    '',
    '**Out of Scope:**',
    '',
    ...(carried(issue, ['out-of-scope']).length > 0
      ? carried(issue, ['out-of-scope'])
      : ['- Anything not listed above.']),
    '',
    ...section('### Technical Considerations', carried(issue, ['technical']), 'None noted yet.'),
    ...(context.length > 0
      ? section(
          '### Context from the Issue',
          context.map((t) => `- ${t}`),
          '',
        )
      : []),
  ];
  return markFile('requirements', lines.join('\n'), state);
}
