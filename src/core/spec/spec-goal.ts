import type { ParsedIssue } from '../issue/parse-issue.js';
import { noiseOf } from '../issue/find-issue-requirements.js';
import { splitSentences } from '../issue/prose.js';

/** Section kinds whose prose states the problem, in the order a goal is looked for. */
const GOAL_KINDS = ['problem', 'preamble', 'requirements', 'users', 'other'] as const;

/**
 * The spec's goal: the problem the issue states, in its own words — the first paragraph of prose of its problem
 * statement (or, without one, of its description), up to two whole sentences. Never a form heading, never cut
 * mid-sentence; an issue with no prose gets a goal named after its title.
 */
export function goalOf(issue: ParsedIssue): string {
  for (const kind of GOAL_KINDS) {
    for (const section of issue.sections.filter((s) => s.kind === kind)) {
      for (const [index, paragraph] of section.paragraphs.entries()) {
        const seen = section.paragraphsPlain[index] ?? '';
        const plain = seen.replace(/\s+/g, ' ').trim();
        // Form prompts ("Is your feature request related to a problem?", "**The feature would affect:** …") are not the problem.
        if (
          plain.length < 20 ||
          noiseOf(paragraph, seen) !== undefined ||
          /[:?]$/.test(plain) ||
          /^\*\*[^*]+[:?]\*\*/.test(paragraph)
        )
          continue;
        return splitSentences(plain).slice(0, 2).join(' ');
      }
    }
  }
  return issue.title === ''
    ? 'Deliver the feature described in the issue.'
    : `Deliver “${issue.title}” as shaped in planning/requirements.md.`;
}
