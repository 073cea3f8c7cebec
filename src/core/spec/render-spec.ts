import type { RootContent } from 'mdast';
import type { ParsedIssue } from '../issue/parse-issue.js';
import { bulletList, emphasis, heading, paragraph, raw, root, text } from '../markdown/build-mdast.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { BLOCKS_IN_ITEMS_WRITER, writeMarkdown } from '../markdown/write-markdown.js';
import { markFile } from './file-marker.js';
import type { ReadBullet, RequirementsDocument } from './parse-requirements.js';
import { extrasOf, groups, specificRequirementsContent, SUMMARY } from './render-specific-requirements.js';
import { routeAnswers } from './route-answers.js';
import { bulletItems, listOf, sourcedItem } from './spec-items.js';
import { goalOf } from './spec-goal.js';
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

/** Drop our own placeholder lines (`_None listed …_`, `No visual assets provided.`) when carrying sections over. */
function real(items: readonly ReadBullet[] | undefined): ReadBullet[] {
  return (items ?? []).filter(
    (b) => !/^_.*_$/.test(b.text) && !/^(No |None )/.test(b.text) && b.text !== 'Anything not listed above.',
  );
}

function section(title: string, content: readonly RootContent[], empty: RootContent): RootContent[] {
  return [heading(2, [text(title)]), ...(content.length > 0 ? content : [empty])];
}

/** The goal in the issue's own words, and what the issue gives as context. */
function goal(doc: RequirementsDocument, issue: ParsedIssue): RootContent[] {
  const context = real(doc.sections[`${SUMMARY}/Context from the Issue`]);
  return [
    paragraph([text(goalOf(issue))]),
    ...(context.length > 0 ? [paragraph([text('Context from the issue:')]), ...listOf(bulletItems(context))] : []),
  ];
}

/** Code to reuse: the paths requirements.md names (each once), then the answers about reuse. */
function reuse(doc: RequirementsDocument, answers: ReturnType<typeof routeAnswers>['reuse']): RootContent[] {
  const codePaths = [
    ...real(doc.sections['Requirements Discussion/Existing Code to Reference']),
    ...real(doc.sections[`${SUMMARY}/Reusability Opportunities`]),
  ];
  const once = codePaths.filter((b, i) => codePaths.findIndex((o) => o.text === b.text) === i);
  return listOf([...bulletItems(once), ...answers.map((r) => sourcedItem(r))]);
}

/**
 * spec.md in the Agent OS layout, from requirements.md. Every requirement of the issue becomes a specific
 * requirement named by its first sentence in full; every answer goes to the section it answers (scope to Out of
 * Scope, reuse to Existing Code to Leverage, acceptance to the requirement it names, behaviour to a requirement of
 * its own); nothing people wrote is dropped or reworded.
 */
export function renderSpec(doc: RequirementsDocument): string {
  const s = doc.sections;
  const functional = real(s[`${SUMMARY}/Functional Requirements`]);
  const visuals = [...real(s['Visual Assets/Files Provided']), ...real(s['Visual Assets/Visual Insights'])];
  const issue = doc.description;
  // Each requirement's title and plain text, as parsed with requirements.md: no second parse per requirement.
  const titles = groups(functional).map((g) => g[0]?.text ?? '');
  const seen = groups(functional).map((g) => g[0]?.plain ?? '');
  const routed = routeAnswers(doc.discussion, titles, seen);
  const specific = specificRequirementsContent(doc, routed, {
    functional,
    seen,
    acceptance: real(s[`${SUMMARY}/Acceptance Criteria`]),
    users: real(s[`${SUMMARY}/Users and Permissions`]),
    technical: real(s[`${SUMMARY}/Technical Considerations`]),
  });
  const exclusions = [
    ...listOf([
      ...bulletItems(real(s[`${SUMMARY}/Scope Boundaries/Out of Scope`])),
      ...routed.outOfScope.map((o) => sourcedItem(o)),
    ]),
    ...extrasOf(doc)('Scope Boundaries/Out of Scope'),
  ];
  const tree = root([
    heading(1, [text('Specification: '), raw(escapeMarkdown(doc.title))]),
    ...section('Goal', goal(doc, issue), paragraph([])),
    ...section('User Stories', [bulletList(userStoriesOf(doc, issue, routed))], paragraph([])),
    ...section(
      'Specific Requirements',
      specific,
      paragraph([
        emphasis([
          text('No specific requirements yet: add them to planning/requirements.md and run /write-spec again.'),
        ]),
      ]),
    ),
    ...section(
      'Visual Design',
      listOf([...bulletItems(visuals), ...routed.visuals.map((v) => sourcedItem(v))]),
      paragraph([text('No visual assets provided.')]),
    ),
    ...section(
      'Existing Code to Leverage',
      reuse(doc, routed.reuse),
      paragraph([text('No existing code identified for reuse.')]),
    ),
    ...section('Out of Scope', exclusions, bulletList([[text('Anything not listed under Specific Requirements.')]])),
  ]);
  return markFile('spec', writeMarkdown(tree, BLOCKS_IN_ITEMS_WRITER), {});
}
