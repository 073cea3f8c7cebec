import { SKIP, visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { descriptionLines } from './find-spec-references.js';

/** The line `/implement-tasks` writes into a pull request description (and people may write themselves). */
export const SCOPE_LINE_PREFIX = 'Implements:';

/** The word before the colon of a description's scope line. */
export const SCOPE_LABEL = 'implements';

/** The task groups declared among a description's lines (see `descriptionLines`); the last such line wins. */
export function declaredScopeIn(lines: readonly string[]): string[] | undefined {
  let found: string[] | undefined;
  for (const line of lines) {
    const match = /^\s*implements\s*:\s*(.+)$/i.exec(line);
    if (!match?.[1]) continue;
    const rest = match[1].replace(/task\s*groups?/gi, ' ');
    if (!/^[\s\d,&and]+$/i.test(rest)) continue;
    const numbers = [...rest.matchAll(/\d+/g)].map((m) => String(Number(m[0])));
    if (numbers.length > 0) found = [...new Set(numbers)].sort((a, b) => Number(a) - Number(b));
  }
  return found;
}

/**
 * The task groups a pull request says it implements, from a line of its description such as
 * `Implements: Task Group 1, 3` or `Implements: task groups 2 and 4`; `undefined` when it declares none (then
 * every group counts). Lines in code blocks and HTML comments do not count; the last such line wins.
 */
export function findDeclaredScope(body: string | null | undefined): string[] | undefined {
  return declaredScopeIn(descriptionLines(body, [SCOPE_LABEL]));
}

/** The scope line for a description: `Implements: Task Group 1, 3`. */
export function renderScopeLine(groups: readonly string[]): string {
  return `${SCOPE_LINE_PREFIX} Task Group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}`;
}

/**
 * The description with its scope line set to `groups`: the existing `Implements:` line replaced in place (only
 * that line changes), or one added at the end.
 */
export function setScopeLine(body: string | null | undefined, groups: readonly string[]): string {
  const source = (body ?? '').replace(/\r\n?/g, '\n');
  const line = renderScopeLine(groups);
  const lines = source.split('\n');
  const found = { replaced: false };
  visit(parseMarkdown(source), 'paragraph', (node) => {
    if (node.position) {
      for (let n = node.position.start.line; n <= node.position.end.line; n += 1) {
        const text = lines[n - 1];
        if (text !== undefined && /^\s*implements\s*:/i.test(text)) {
          lines[n - 1] = line;
          found.replaced = true;
        }
      }
    }
    return SKIP;
  });
  if (found.replaced) return lines.join('\n');
  return source.trim() === '' ? line : `${source.replace(/\s+$/, '')}\n\n${line}`;
}
