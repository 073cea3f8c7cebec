import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import type { ParsedIssue } from '../issue/parse-issue.js';
import { itemsOfKind } from '../issue/parse-issue.js';
import { findIssueRequirements, type IssueRequirement } from '../issue/find-issue-requirements.js';
import {
  emphasis,
  heading,
  link,
  code,
  nestedList,
  paragraph,
  raw,
  root,
  strong,
  text,
  type FlatItem,
} from '../markdown/build-mdast.js';
import { embedVerbatim } from '../markdown/embed-verbatim.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { BLOCKS_IN_ITEMS_WRITER, writeMarkdown } from '../markdown/write-markdown.js';
import type { ClarifyingQuestion, RecordedAnswer } from './clarifying-question.js';
import { markFile } from './file-marker.js';
import { answerImages, answerNotes, codePathItems, visualFiles } from './requirements-from-answers.js';
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

/** Text as written, between the verbatim markers (each an HTML block of its own). */
export function verbatimBlocks(text: string): RootContent[] {
  return [raw(VERBATIM_START), raw(text), raw(VERBATIM_END)];
}

/** How an unanswered question's answer reads; reading the file back recognises it. */
export const DEFAULT_STANDS = '_No answer yet: the proposed default stands._';
const defaultStands = (): PhrasingContent => emphasis([text('No answer yet: the proposed default stands.')]);

/** Section kinds whose items are functional requirements (items before any heading included). */
export const FUNCTIONAL_KINDS = ['requirements', 'preamble'] as const;

/** Items of other sections (problem, open questions, anything else): kept as context, never dropped. */
const CONTEXT_KINDS = ['problem', 'questions', 'other', 'context'] as const;

/** A bullet holding one line of someone's markdown, as written. */
export function rawItem(depth: number, markdown: string): FlatItem {
  return { depth, children: [paragraph([raw(markdown)])] };
}

/** A requirement as a bullet, with its contract (code, tables) under it so it stays its own. */
function requirementItem(requirement: IssueRequirement): FlatItem {
  const blocks: BlockContent[] = requirement.blocks.map((b) => raw(embedVerbatim(b)));
  return { depth: requirement.depth, children: [paragraph([raw(requirement.text)]), ...blocks] };
}

/** Everything a section of these kinds says: its items, its paragraphs as bullets, then its tables and code. */
function carried(issue: ParsedIssue, kinds: readonly string[]): RootContent[] {
  const sections = issue.sections.filter((s) => kinds.includes(s.kind));
  const items = [
    ...sections.flatMap((s) => s.items.map((i) => rawItem(i.depth, i.text))),
    ...sections.flatMap((s) => s.paragraphs.map((p) => rawItem(0, p))),
  ];
  const blocks = sections.flatMap((s) => s.blocks).map((b) => raw(embedVerbatim(b)));
  return [...(items.length > 0 ? [nestedList(items)] : []), ...blocks];
}

/** A block of text that starts like a block of its own (a list, a quote, code, a heading) cannot follow a label. */
function startsWithBlock(text: string): boolean {
  return /^(\s{4}|[-*+>#|]|\d{1,3}[.)]|```|~~~|<)/.test(text) || text.includes('\n');
}

/** `**Qn:** question` then `**Answer:** …` on the next line, or the answer's blocks after the label. */
function discussionEntry(question: ClarifyingQuestion, answer: RecordedAnswer | undefined): RootContent[] {
  const label: PhrasingContent[] = [strong([text(`Q${question.number}:`)]), text(' ')];
  if (question.about !== undefined) label.push(emphasis([text(`(follow-up on Q${question.about})`)]), text(' '));
  const asked = [...label, raw(question.text), text('\n'), strong([text('Answer:')])];
  const stands = [defaultStands(), text(' '), raw(question.default)];
  if (answer === undefined) return [paragraph([...asked, text(' '), ...stands])];
  const written = embedVerbatim(answer.text);
  if (written === '') return [paragraph([...asked, text(' '), emphasis([text('(left empty)')]), text(' '), ...stands])];
  if (startsWithBlock(written)) return [paragraph(asked), ...verbatimBlocks(written)];
  return [paragraph([...asked, text(' '), raw(written)])];
}

function discussion(questions: readonly ClarifyingQuestion[], answers: ShapingState['answers']): RootContent[] {
  return questions.flatMap((q) => discussionEntry(q, answers[String(q.number)]));
}

/** A section: its heading, then its content, or a line saying it is empty. */
function section(
  depth: 2 | 3,
  title: string,
  content: readonly RootContent[],
  empty: () => RootContent,
): RootContent[] {
  return [heading(depth, [text(title)]), ...(content.length > 0 ? content : [empty()])];
}

const line = (value: string) => (): RootContent => paragraph([text(value)]);
const aside = (value: string) => (): RootContent => paragraph([emphasis([text(value)])]);
const listOf = (items: readonly FlatItem[]): RootContent[] => (items.length > 0 ? [nestedList(items)] : []);

/** The title, where the file comes from, and the issue's own text between its markers. */
function opening(input: RequirementsInput): RootContent[] {
  const { issue } = input;
  const description = issue.verbatim; // made safe when the issue was parsed, from the same tree
  return [
    heading(1, [text('Spec Requirements: '), raw(escapeMarkdown(issue.title))]),
    paragraph([
      text('Shaped from issue '),
      link(input.issueUrl, [text(`#${input.issueNumber}`)]),
      text(' on the branch '),
      code(input.branch),
      text('. Answer the clarifying questions on the issue; the answers are folded in here.'),
    ]),
    heading(2, [text('Initial Description')]),
    raw(INITIAL_DESCRIPTION_START),
    description === '' ? aside('The issue has no description.')() : raw(description),
    raw(INITIAL_DESCRIPTION_END),
  ];
}

/** The questions and answers so far, the code they point to, follow-ups, and what replies said beyond them. */
function requirementsDiscussion(state: ShapingState, existingCode: readonly FlatItem[]): RootContent[] {
  const rounds = state.questions.filter((q) => q.topic !== 'follow-up');
  const followUps = state.questions.filter((q) => q.topic === 'follow-up');
  const notes = answerNotes(state).filter((n) => n.text !== '');
  return [
    heading(2, [text('Requirements Discussion')]),
    heading(3, [text('First Round Questions')]),
    ...discussion(rounds, state.answers),
    ...section(
      3,
      'Existing Code to Reference',
      listOf(existingCode),
      line('No similar existing features identified for reference.'),
    ),
    ...(followUps.length > 0
      ? [heading(3, [text('Follow-up Questions')]), ...discussion(followUps, state.answers)]
      : []),
    ...(notes.length > 0
      ? [
          heading(3, [text('Notes from the Answers')]),
          ...notes.flatMap((n) => [
            paragraph([strong([text(`From @${n.author}:`)])]),
            ...verbatimBlocks(embedVerbatim(n.text)),
          ]),
        ]
      : []),
  ];
}

/** Scope: in scope is what is listed; out of scope what the issue excludes. */
function scopeBoundaries(issue: ParsedIssue): RootContent[] {
  const outOfScope = carried(issue, ['out-of-scope']);
  return [
    heading(3, [text('Scope Boundaries')]),
    paragraph([strong([text('In Scope:')])]),
    nestedList([
      { depth: 0, children: [paragraph([text('Everything under Functional Requirements and Acceptance Criteria.')])] },
    ]),
    paragraph([strong([text('Out of Scope:')])]),
    ...(outOfScope.length > 0
      ? outOfScope
      : listOf([{ depth: 0, children: [paragraph([text('Anything not listed above.')])] }])),
  ];
}

/** The summary: functional requirements, acceptance criteria, stories, users, reuse, scope, technical notes. */
function requirementsSummary(issue: ParsedIssue, existingCode: readonly FlatItem[]): RootContent[] {
  const found = findIssueRequirements(issue);
  const context = [...itemsOfKind(issue, CONTEXT_KINDS).map((i) => i.text), ...found.context].filter(
    (t, i, all) => all.indexOf(t) === i,
  );
  const noneYet = aside('None listed in the issue yet; see the answers above.');
  return [
    heading(2, [text('Requirements Summary')]),
    ...section(3, 'Functional Requirements', listOf(found.requirements.map(requirementItem)), noneYet),
    ...section(3, 'Acceptance Criteria', carried(issue, ['acceptance']), noneYet),
    ...(found.stories.length > 0
      ? section(3, 'User Stories', listOf(found.stories.map((t) => rawItem(0, t))), line(''))
      : []),
    ...section(3, 'Users and Permissions', carried(issue, ['users']), aside('See the answers above.')),
    ...section(3, 'Reusability Opportunities', listOf(existingCode), line('None identified yet.')),
    ...scopeBoundaries(issue),
    ...section(3, 'Technical Considerations', carried(issue, ['technical']), line('None noted yet.')),
    ...(context.length > 0
      ? section(3, 'Context from the Issue', listOf(context.map((t) => rawItem(0, t))), line(''))
      : []),
  ];
}

/** requirements.md in the Agent OS layout, from the issue and the questions and answers so far. */
export function renderRequirements(input: RequirementsInput): string {
  const { issue, state } = input;
  const existingCode = [
    ...codePathItems(state),
    ...itemsOfKind(issue, ['existing-code']).map((i) => rawItem(i.depth, i.text)),
  ];
  const tree = root([
    ...opening(input),
    ...requirementsDiscussion(state, existingCode),
    heading(2, [text('Visual Assets')]),
    ...section(
      3,
      'Files Provided:',
      listOf(visualFiles(issue, state, answerImages(state))),
      line('No visual assets provided.'),
    ),
    ...section(3, 'Visual Insights:', carried(issue, ['visuals']), line('No visual insights yet.')),
    ...requirementsSummary(issue, existingCode),
  ]);
  return markFile('requirements', writeMarkdown(tree, BLOCKS_IN_ITEMS_WRITER), state);
}
