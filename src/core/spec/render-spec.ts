import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import { markFile } from './file-marker.js';
import type { Bullet, DiscussionEntry, RequirementsDocument } from './parse-requirements.js';
import { firstSentence, requirementMatcher, routeAnswers, type RoutedAnswers } from './route-answers.js';
import { goalOf, parseIssueDescription } from './spec-goal.js';
import { userStoriesOf } from './user-stories.js';

/** spec.md's Agent OS sections, in order. */
export const SPEC_SECTIONS = [
  'Goal',
  'User Stories',
  'Specific Requirements',
  'Visual Design',
  'Existing Code to Leverage',
  'Out of Scope',
] as const;

const SUMMARY = 'Requirements Summary';

/** Continuation lines indented under a bullet, so multi-line text stays inside it. */
function indentContinuation(text: string, by: number): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${' '.repeat(by)}${line}`))
    .join('\n');
}

function blockLines(blocks: readonly string[] | undefined, indent: string): string[] {
  return (blocks ?? []).flatMap((b) => ['', ...b.split('\n').map((l) => (l === '' ? '' : `${indent}${l}`)), '']);
}

function list(items: readonly Bullet[]): string[] {
  return items.flatMap((b) => [
    `${'  '.repeat(b.depth)}- ${b.text}`,
    ...blockLines(b.blocks, '  '.repeat(b.depth + 1)),
  ]);
}

/** A bullet holding text as written (several paragraphs, lists), with where it came from. */
function sourced(text: string, question: number, indent = ''): string {
  const block = text.includes('\n') || /^([-*+>#|]|\d{1,3}[.)]|```|~~~)/.test(text);
  return block
    ? `${indent}- From the answer to Q${question}:\n\n${indent}  ${indentContinuation(text, indent.length + 2)}\n`
    : `${indent}- ${text} (from the answer to Q${question})`;
}

/** Drop our own placeholder lines (`_None listed …_`, `No visual assets provided.`) when carrying sections over. */
function real(items: readonly Bullet[] | undefined): Bullet[] {
  return (items ?? []).filter(
    (b) => !/^_.*_$/.test(b.text) && !/^(No |None )/.test(b.text) && b.text !== 'Anything not listed above.',
  );
}

/** Group bullets under their top-level item: one specific requirement each. */
function groups(items: readonly Bullet[]): Bullet[][] {
  const out: Bullet[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.depth === 0 || last === undefined) out.push([item]);
    else last.push(item);
  }
  return out;
}

function decision(entry: DiscussionEntry): string[] {
  const label =
    entry.followUpOn === undefined
      ? `**Q${entry.number}.**`
      : `**Q${entry.number}** (follow-up on Q${entry.followUpOn}).`;
  const answer = entry.defaulted ? `_Default accepted:_ ${entry.answer}` : entry.answer;
  const block = /^(\s{4}|[-*+>#|]|\d{1,3}[.)]|```|~~~|<)/.test(answer);
  return [
    `- ${label} ${entry.question}`,
    block ? `\n  **Answer:**\n\n  ${indentContinuation(answer, 2)}` : `  **Answer:** ${indentContinuation(answer, 2)}`,
  ];
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [`## ${title}`, '', ...(lines.length > 0 ? lines : [empty]), ''];
}

interface Requirement {
  title: string;
  lines: string[];
  acceptance: string[];
}

/** The requirements of the issue, then those the answers add, each with the acceptance criteria that name it. */
function specificRequirements(
  functional: readonly Bullet[],
  seen: readonly string[],
  routed: RoutedAnswers,
  acceptanceFromIssue: readonly Bullet[],
): { requirements: Requirement[]; general: string[] } {
  const fromIssue = groups(functional);
  const titles = fromIssue.map((g) => g[0]?.text ?? '');
  const requirements: Requirement[] = fromIssue.map((group, i) => ({
    title: firstSentence(group[0]?.text ?? '', seen[i]),
    lines: list(group),
    acceptance: [],
  }));
  for (const answer of routed.requirements) {
    requirements.push({ title: answer.title, lines: [sourced(answer.text, answer.question)], acceptance: [] });
  }
  const general: string[] = [];
  const match = requirementMatcher(titles, seen);
  for (const criterion of acceptanceFromIssue) {
    const index = criterion.depth === 0 ? match(criterion.text) : undefined;
    const target = index === undefined ? undefined : requirements[index];
    if (target) target.acceptance.push(`- ${criterion.text}`);
    else general.push(`${'  '.repeat(criterion.depth)}- ${criterion.text}`);
  }
  for (const criterion of routed.acceptance) {
    const target = criterion.requirement === undefined ? undefined : requirements[criterion.requirement];
    if (target) target.acceptance.push(sourced(criterion.text, criterion.question));
    else general.push(sourced(criterion.text, criterion.question));
  }
  return { requirements, general };
}

function renderRequirement(requirement: Requirement, number: number): string[] {
  const acceptance =
    requirement.acceptance.length === 0
      ? []
      : ['- Acceptance criteria:', ...requirement.acceptance.map((l) => indentContinuation(`  ${l}`, 2))];
  return [`**${number}. ${escapeMarkdown(requirement.title)}**`, '', ...requirement.lines, ...acceptance, ''];
}

/** A section's text that fits no known heading of requirements.md, block by block, for one of its keys. */
function extrasOf(doc: RequirementsDocument): (key: string) => string[] {
  return (key: string) => (doc.extras[`${SUMMARY}/${key}`] ?? []).flatMap((b) => [b, '']);
}

/**
 * What follows the specific requirements: more from the requirements, the general acceptance criteria, users and
 * permissions, technical considerations, the decisions of the discussion and the notes of the answers.
 */
function closingBlocks(
  doc: RequirementsDocument,
  { general, users, technical }: { general: string[]; users: Bullet[]; technical: Bullet[] },
): string[] {
  const out: string[] = [];
  const extras = extrasOf(doc);
  if (extras('Functional Requirements').length > 0)
    out.push('**More from the requirements**', '', ...extras('Functional Requirements'));
  if (general.length > 0 || extras('Acceptance Criteria').length > 0)
    out.push('**Acceptance criteria**', '', ...general, '', ...extras('Acceptance Criteria'));
  const nonStoryUsers = users.filter((u) => !/^as an? /i.test(plainText(u.text)));
  if (nonStoryUsers.length > 0) out.push('**Users and permissions**', '', ...list(nonStoryUsers), '');
  if (technical.length > 0 || extras('Technical Considerations').length > 0) {
    out.push('**Technical considerations**', '', ...list(technical), '', ...extras('Technical Considerations'));
  }
  if (doc.discussion.length > 0)
    out.push('**Decisions from the requirements discussion**', '', ...doc.discussion.flatMap(decision), '');
  if (doc.notes.length > 0) {
    out.push(
      '**Notes from the answers**',
      '',
      ...doc.notes.map((n) => `- From @${n.author}:\n\n  ${indentContinuation(n.text, 2)}\n`),
      '',
    );
  }

  return out;
}

/**
 * spec.md in the Agent OS layout, from requirements.md. Every requirement of the issue becomes a specific
 * requirement named by its first sentence in full; every answer goes to the section it answers (scope to Out of
 * Scope, reuse to Existing Code to Leverage, acceptance to the requirement it names, behaviour to a requirement of
 * its own); nothing people wrote is dropped or reworded.
 */
export function renderSpec(doc: RequirementsDocument): string {
  const s = doc.sections;
  const issue = parseIssueDescription(doc.title, doc.initialDescription);
  const functional = real(s[`${SUMMARY}/Functional Requirements`]);
  const issueAcceptance = real(s[`${SUMMARY}/Acceptance Criteria`]);
  const technical = real(s[`${SUMMARY}/Technical Considerations`]);
  const context = real(s[`${SUMMARY}/Context from the Issue`]);
  const outOfScope = real(s[`${SUMMARY}/Scope Boundaries/Out of Scope`]);
  const users = real(s[`${SUMMARY}/Users and Permissions`]);
  const visuals = [...real(s['Visual Assets/Files Provided']), ...real(s['Visual Assets/Visual Insights'])];
  const codePaths = [
    ...real(s['Requirements Discussion/Existing Code to Reference']),
    ...real(s[`${SUMMARY}/Reusability Opportunities`]),
  ];
  // Each requirement's plain text is read once here, not again by every matcher and title.
  const titles = groups(functional).map((g) => g[0]?.text ?? '');
  const seen = titles.map((t) => plainText(t));
  const routed = routeAnswers(doc.discussion, titles, seen);
  const { requirements, general } = specificRequirements(functional, seen, routed, issueAcceptance);

  const specific = requirements.flatMap((r, i) => renderRequirement(r, i + 1));
  specific.push(...closingBlocks(doc, { general, users, technical }));
  const extras = extrasOf(doc);

  const reuse = [
    ...codePaths.filter((b, i) => codePaths.findIndex((o) => o.text === b.text) === i).flatMap((b) => list([b])),
    ...routed.reuse.map((r) => sourced(r.text, r.question)),
  ];
  const exclusions = [
    ...list(outOfScope),
    ...routed.outOfScope.map((o) => sourced(o.text, o.question)),
    ...extras('Scope Boundaries/Out of Scope'),
  ];
  const lines = [
    `# Specification: ${escapeMarkdown(doc.title)}`,
    '',
    ...section(
      'Goal',
      [goalOf(issue), ...(context.length > 0 ? ['', 'Context from the issue:', '', ...list(context)] : [])],
      '',
    ),
    ...section('User Stories', userStoriesOf(doc, issue, routed), ''),
    ...section(
      'Specific Requirements',
      specific,
      '_No specific requirements yet: add them to planning/requirements.md and run /write-spec again._',
    ),
    ...section(
      'Visual Design',
      [...list(visuals), ...routed.visuals.map((v) => sourced(v.text, v.question))],
      'No visual assets provided.',
    ),
    ...section('Existing Code to Leverage', reuse, 'No existing code identified for reuse.'),
    ...section('Out of Scope', exclusions, '- Anything not listed under Specific Requirements.'),
  ];
  return markFile('spec', lines.join('\n'), {});
}
