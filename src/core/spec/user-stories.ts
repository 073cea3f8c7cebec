import { isStory } from '../issue/find-issue-requirements.js';
import type { ParsedIssue } from '../issue/parse-issue.js';
import type { PhrasingContent } from 'mdast';
import { raw, text } from '../markdown/build-mdast.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import type { RequirementsDocument } from './parse-requirements.js';
import type { RoutedAnswers } from './route-answers.js';

/** User segments an issue or an answer may name, singular then plural. */
const SEGMENTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['workspace admin', /\bworkspace admins?\b/i],
  ['admin', /\b(admins?|administrators?)\b/i],
  ['owner', /\bowners?\b/i],
  ['maintainer', /\bmaintainers?\b/i],
  ['manager', /\bmanagers?\b/i],
  ['moderator', /\bmoderators?\b/i],
  ['editor', /\beditors?\b/i],
  ['reviewer', /\breviewers?\b/i],
  ['developer', /\bdevelopers?\b/i],
  ['operator', /\boperators?\b/i],
  ['customer', /\bcustomers?\b/i],
  ['guest', /\bguests?\b/i],
  ['viewer', /\bviewers?\b/i],
  ['member', /\b(team members?|members (can|should|must|will|get|see))\b/i],
];

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

/** The segments named, in the order of the list above, at most three ("workspace admin" hides "admin"). */
export function segmentsIn(text: string): string[] {
  const found = SEGMENTS.filter(([, words]) => words.test(text)).map(([name]) => name);
  return found.filter((name) => !(name === 'admin' && found.includes('workspace admin'))).slice(0, 3);
}

/**
 * User stories: the issue's own "As a … I want …" stories where it has them; else one per user segment the issue
 * or the answers about users name; else one story for the feature as a whole.
 */
export function userStoriesOf(
  doc: RequirementsDocument,
  issue: ParsedIssue,
  routed: RoutedAnswers,
): PhrasingContent[][] {
  const own = [
    ...(doc.sections['Requirements Summary/User Stories'] ?? []),
    ...(doc.sections['Requirements Summary/Users and Permissions'] ?? []),
  ]
    .filter((b) => isStory(b.text, b.plain))
    .map((b) => b.text);
  if (own.length > 0) return own.filter((s, i) => own.indexOf(s) === i).map((s) => [raw(s)]);
  const want = doc.title === '' ? [text('this feature')] : [text('“'), raw(escapeMarkdown(doc.title)), text('”')];
  const segments = segmentsIn([routed.users.map((u) => u.text).join('\n'), issue.prose, doc.title].join('\n'));
  if (segments.length === 0)
    return [[text('As a user, I want '), ...want, text(' so that the problem described in the issue is solved.')]];
  return segments.map((segment) => [
    text(`As ${article(segment)} ${segment}, I want `),
    ...want,
    text(' so that the problem described in the issue is solved for me.'),
  ]);
}
