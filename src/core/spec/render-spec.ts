import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import { markFile } from './file-marker.js';
import type { Bullet, DiscussionEntry, RequirementsDocument } from './read-requirements.js';

/** spec.md's Agent OS sections, in order. */
export const SPEC_SECTIONS = ['Goal', 'User Stories', 'Specific Requirements', 'Visual Design', 'Existing Code to Leverage', 'Out of Scope'] as const;

const SUMMARY = 'Requirements Summary';

function list(items: readonly Bullet[]): string[] {
  return items.map((b) => `${'  '.repeat(b.depth)}- ${b.text}`);
}

/** Drop our own placeholder lines (`_None listed …_`, `No visual assets provided.`) when carrying sections over. */
function real(items: readonly Bullet[] | undefined): Bullet[] {
  return (items ?? []).filter((b) => !/^_.*_$/.test(b.text) && !/^(No |None )/.test(b.text) && b.text !== 'Anything not listed above.');
}

/** A short name for a requirement: its plain text, cut at a word near 60 characters. */
function nameOf(text: string): string {
  const plain = plainText(text).replace(/\s+/g, ' ').replace(/[.:;]$/, '');
  if (plain.length <= 60) return plain;
  const cut = plain.slice(0, 60);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 30))}…`;
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

function indentContinuation(text: string, by: number): string {
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : `${' '.repeat(by)}${line}`)).join('\n');
}

function decision(entry: DiscussionEntry): string[] {
  const label = entry.followUpOn === undefined ? `**Q${entry.number}.**` : `**Q${entry.number}** (follow-up on Q${entry.followUpOn}).`;
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

/** The goal: the issue's first paragraph of prose, shortened to two sentences. */
function goalOf(doc: RequirementsDocument): string {
  const prose = plainText(doc.initialDescription).split(/\n+/).map((l) => l.trim()).find((l) => l.length > 20 && !/^[-*+]|^\d+[.)]/.test(l));
  if (prose === undefined) return `Deliver ${doc.title === '' ? 'the feature described in the issue' : `“${doc.title}”`} as shaped in planning/requirements.md.`;
  const sentences = prose.match(/[^.!?]+[.!?]+/g) ?? [prose];
  return sentences.slice(0, 2).map((x) => x.trim()).join(' ');
}

/**
 * spec.md in the Agent OS layout, from requirements.md. Every functional requirement, acceptance criterion,
 * answer, out-of-scope item and visual asset of the requirements is carried over as written.
 */
export function renderSpec(doc: RequirementsDocument): string {
  const s = doc.sections;
  const functional = real(s[`${SUMMARY}/Functional Requirements`]);
  const acceptance = real(s[`${SUMMARY}/Acceptance Criteria`]);
  const users = real(s[`${SUMMARY}/Users and Permissions`]);
  const technical = real(s[`${SUMMARY}/Technical Considerations`]);
  const context = real(s[`${SUMMARY}/Context from the Issue`]);
  const outOfScope = real(s[`${SUMMARY}/Scope Boundaries/Out of Scope`]);
  const visuals = [...real(s['Visual Assets/Files Provided']), ...real(s['Visual Assets/Visual Insights'])];
  const reuse = [...real(s['Requirements Discussion/Existing Code to Reference']), ...real(s[`${SUMMARY}/Reusability Opportunities`])];
  const uniqueReuse = reuse.filter((b, i) => reuse.findIndex((o) => o.text === b.text) === i);
  const userStories = users.filter((u) => /^as an? /i.test(plainText(u.text)));
  const specific: string[] = [];
  for (const [i, group] of groups(functional).entries()) {
    specific.push(`**${i + 1}. ${escapeMarkdown(nameOf(group[0]?.text ?? ''))}**`, '', ...list(group), '');
  }
  const extras = (key: string) => (doc.extras[`${SUMMARY}/${key}`] ?? []).flatMap((b) => [b, '']);
  if (extras('Functional Requirements').length > 0) specific.push('**More from the requirements**', '', ...extras('Functional Requirements'));
  if (acceptance.length > 0 || extras('Acceptance Criteria').length > 0) {
    specific.push('**Acceptance criteria**', '', ...list(acceptance), '', ...extras('Acceptance Criteria'));
  }
  if (users.length > userStories.length) specific.push('**Users and permissions**', '', ...list(users.filter((u) => !userStories.includes(u))), '');
  if (technical.length > 0 || extras('Technical Considerations').length > 0) {
    specific.push('**Technical considerations**', '', ...list(technical), '', ...extras('Technical Considerations'));
  }
  if (doc.discussion.length > 0) specific.push('**Decisions from the requirements discussion**', '', ...doc.discussion.flatMap(decision), '');
  if (doc.notes.length > 0) {
    specific.push('**Notes from the answers**', '', ...doc.notes.map((n) => `- From @${n.author}:\n\n  ${indentContinuation(n.text, 2)}\n`), '');
  }

  const lines = [
    `# Specification: ${escapeMarkdown(doc.title)}`,
    '',
    ...section('Goal', [goalOf(doc), ...(context.length > 0 ? ['', ...list(context)] : [])], ''),
    ...section(
      'User Stories',
      userStories.length > 0
        ? list(userStories)
        : [`- As a user, I want ${doc.title === '' ? 'this feature' : `“${escapeMarkdown(doc.title)}”`} so that the problem described in the issue is solved.`],
      '',
    ),
    ...section('Specific Requirements', specific, '_No specific requirements yet: add them to planning/requirements.md and run /write-spec again._'),
    ...section('Visual Design', list(visuals), 'No visual assets provided.'),
    ...section('Existing Code to Leverage', list(uniqueReuse), 'No existing code identified for reuse.'),
    ...section('Out of Scope', [...list(outOfScope), ...extras('Scope Boundaries/Out of Scope')], '- Anything not listed under Specific Requirements.'),
  ];
  return markFile('spec', lines.join('\n'), {});
}
