import { bulletList, code, codeList, heading, paragraph, root, text } from '../markdown/build-mdast.js';
import { writeMarkdown } from '../markdown/write-markdown.js';
import { STACK_FILE_PATHS } from './product-files.js';
import type { StackEntry } from './stack-entry.js';

/**
 * tech-stack.md: the detected entries grouped by category (in the order given), each saying where it was found.
 * Without entries it says plainly that no manifest was found and what was looked for. Written as a syntax tree,
 * so a package or category name is always shown as written.
 */
export function renderTechStack(entries: readonly StackEntry[]): string {
  const title = heading(1, [text('Tech Stack')]);
  if (entries.length === 0) {
    return writeMarkdown(
      root([
        title,
        paragraph([text('No manifests were found in this repository, so nothing could be detected.')]),
        paragraph([text('Looked for: '), ...codeList([...STACK_FILE_PATHS, '.github/workflows/*.yml']), text('.')]),
        paragraph([text('List the stack here by hand: language, framework, database, testing, hosting, CI/CD.')]),
      ]),
    );
  }
  const categories = [...new Set(entries.map((e) => e.category))];
  const sources = [...new Set(entries.map((e) => e.source))];
  return writeMarkdown(
    root([
      title,
      paragraph([
        text('Detected from '),
        ...codeList(sources),
        text(
          '. Edit this file to add what the manifests do not show (hosting, services, conventions); it takes precedence over them.',
        ),
      ]),
      ...categories.flatMap((category) => [
        heading(2, [text(category)]),
        bulletList(
          entries
            .filter((e) => e.category === category)
            .map((e) => [text(`${e.name} (found in `), code(e.source), text(')')]),
        ),
      ]),
    ]),
  );
}
