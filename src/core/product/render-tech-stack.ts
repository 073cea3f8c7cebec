import { escapeLineStart, escapeMarkdown } from '../markdown/escape-markdown.js';
import { STACK_FILE_PATHS } from './product-files.js';
import type { StackEntry } from './stack-entry.js';

/**
 * tech-stack.md: the detected entries grouped by category (in the order given), each saying where it was found.
 * Without entries it says plainly that no manifest was found and what was looked for.
 */
export function renderTechStack(entries: readonly StackEntry[]): string {
  if (entries.length === 0) {
    const looked = [...STACK_FILE_PATHS, '.github/workflows/*.yml'].map((p) => `\`${p}\``).join(', ');
    return [
      '# Tech Stack',
      '',
      'No manifests were found in this repository, so nothing could be detected.',
      '',
      `Looked for: ${looked}.`,
      '',
      'List the stack here by hand: language, framework, database, testing, hosting, CI/CD.',
      '',
    ].join('\n');
  }
  const categories = [...new Set(entries.map((e) => e.category))];
  const sources = [...new Set(entries.map((e) => e.source))];
  return [
    '# Tech Stack',
    '',
    `Detected from ${sources.map((s) => `\`${s}\``).join(', ')}. Edit this file to add what the manifests do not show (hosting, services, conventions); it takes precedence over them.`,
    '',
    ...categories.flatMap((category) => [
      `## ${escapeMarkdown(category)}`,
      '',
      ...entries.filter((e) => e.category === category).map((e) => `- ${escapeLineStart(e.name)} (found in \`${e.source}\`)`),
      '',
    ]),
  ].join('\n');
}
