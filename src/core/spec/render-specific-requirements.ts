import type { RootContent } from 'mdast';
import { nestedList, paragraph, raw, strong, text, type FlatItem } from '../markdown/build-mdast.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import type { ReadBullet, RequirementsDocument } from './parse-requirements.js';
import { firstSentence, requirementMatcher, type RoutedAnswers } from './route-answers.js';
import { boldLine, bulletItem, bulletItems, decisionItem, listOf, noteItem, sourcedItem } from './spec-items.js';

/** spec.md's Specific Requirements: one per requirement of the issue or of an answer, then what holds for all. */

export const SUMMARY = 'Requirements Summary';

interface Requirement {
  title: string;
  items: FlatItem[];
  acceptance: FlatItem[];
}

/** Group bullets under their top-level item: one specific requirement each. */
export function groups(items: readonly ReadBullet[]): ReadBullet[][] {
  const out: ReadBullet[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.depth === 0 || last === undefined) out.push([item]);
    else last.push(item);
  }
  return out;
}

/** The requirements of the issue, then those the answers add, each with the acceptance criteria that name it. */
function specificRequirements(
  functional: readonly ReadBullet[],
  seen: readonly string[],
  routed: RoutedAnswers,
  acceptanceFromIssue: readonly ReadBullet[],
): { requirements: Requirement[]; general: FlatItem[] } {
  const fromIssue = groups(functional);
  const titles = fromIssue.map((g) => g[0]?.text ?? '');
  const requirements: Requirement[] = fromIssue.map((group, i) => ({
    title: firstSentence(group[0]?.text ?? '', seen[i]),
    items: bulletItems(group),
    acceptance: [],
  }));
  for (const answer of routed.requirements) {
    requirements.push({ title: answer.title, items: [sourcedItem(answer)], acceptance: [] });
  }
  const general: FlatItem[] = [];
  const match = requirementMatcher(titles, seen);
  for (const criterion of acceptanceFromIssue) {
    const index = criterion.depth === 0 ? match(criterion.text) : undefined;
    const target = index === undefined ? undefined : requirements[index];
    if (target) target.acceptance.push(bulletItem({ text: criterion.text, depth: 0 }));
    else general.push(bulletItem({ text: criterion.text, depth: criterion.depth }));
  }
  for (const criterion of routed.acceptance) {
    const target = criterion.requirement === undefined ? undefined : requirements[criterion.requirement];
    if (target) target.acceptance.push(sourcedItem(criterion));
    else general.push(sourcedItem(criterion));
  }
  return { requirements, general };
}

/** `**n. Title**`, its bullets, and the acceptance criteria that name it. */
function renderRequirement(requirement: Requirement, number: number): RootContent[] {
  const acceptance: FlatItem[] =
    requirement.acceptance.length === 0
      ? []
      : [{ depth: 0, children: [paragraph([text('Acceptance criteria:')]), nestedList(requirement.acceptance)] }];
  return [
    paragraph([strong([text(`${number}. `), raw(escapeMarkdown(requirement.title))])]),
    nestedList([...requirement.items, ...acceptance]),
  ];
}

/** A section's text that fits no known heading of requirements.md, block by block, for one of its keys. */
export function extrasOf(doc: RequirementsDocument): (key: string) => RootContent[] {
  return (key: string) => (doc.extras[`${SUMMARY}/${key}`] ?? []).map((b) => raw(b));
}

/** A bold lead and what follows it, or nothing when nothing follows. */
function led(title: string, content: readonly RootContent[]): RootContent[] {
  return content.length > 0 ? [boldLine(title), ...content] : [];
}

/**
 * What follows the specific requirements: more from the requirements, the general acceptance criteria, users and
 * permissions, technical considerations, the decisions of the discussion and the notes of the answers.
 */
function closingBlocks(
  doc: RequirementsDocument,
  { general, users, technical }: { general: FlatItem[]; users: ReadBullet[]; technical: ReadBullet[] },
): RootContent[] {
  const extras = extrasOf(doc);
  const nonStoryUsers = users.filter((u) => !/^as an? /i.test(u.plain));
  return [
    ...led('More from the requirements', extras('Functional Requirements')),
    ...led('Acceptance criteria', [...listOf(general), ...extras('Acceptance Criteria')]),
    ...led('Users and permissions', listOf(bulletItems(nonStoryUsers))),
    ...led('Technical considerations', [...listOf(bulletItems(technical)), ...extras('Technical Considerations')]),
    ...led('Decisions from the requirements discussion', listOf(doc.discussion.map(decisionItem))),
    ...led('Notes from the answers', listOf(doc.notes.map(noteItem))),
  ];
}

/** The Specific Requirements section's content (empty when there is none). */
export function specificRequirementsContent(
  doc: RequirementsDocument,
  routed: RoutedAnswers,
  parts: {
    functional: ReadBullet[];
    seen: string[];
    acceptance: ReadBullet[];
    users: ReadBullet[];
    technical: ReadBullet[];
  },
): RootContent[] {
  const { requirements, general } = specificRequirements(parts.functional, parts.seen, routed, parts.acceptance);
  return [
    ...requirements.flatMap((r, i) => renderRequirement(r, i + 1)),
    ...closingBlocks(doc, { general, users: parts.users, technical: parts.technical }),
  ];
}
