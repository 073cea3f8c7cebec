import slugify from '@sindresorhus/slugify';
import type { TaskGroup } from '../tasks/types.js';

/** `Task Group 2:`, `Task Group 2 -`, `Phase 3:` at the start of a title (plain text, not markdown). */
const NAMED_PREFIX = /^(?:task\s+group|phase)\s+(\d+)\b\s*[:.)\-–—]?\s*/i;
/** `2.` or `2)` at the start of a title (OpenSpec's `## 2. Group`). */
const NUMBERED_PREFIX = /^(\d+)[.)](?:\s+|$)/;

/**
 * A group title without its numbering: `Task Group 1: Data Models` → `{ name: 'Data Models', number: '1' }`.
 * A title that is nothing but numbering keeps its text as the name.
 */
export function splitGroupTitle(title: string): { name: string; number?: string } {
  const trimmed = title.trim();
  const match = NAMED_PREFIX.exec(trimmed) ?? NUMBERED_PREFIX.exec(trimmed);
  if (!match?.[1]) return { name: trimmed };
  const name = trimmed.slice(match[0].length).trim();
  return { name: name === '' ? trimmed : name, number: match[1] };
}

/** A task group's name as orchestration.yml and prompt file names use it: its heading without the numbering. */
export function groupName(group: TaskGroup): string {
  return splitGroupTitle(group.title).name;
}

/** A name compared loosely: `Data Models & Migrations`, `data-models-migrations` and `Data models and migrations` differ only in case and punctuation. */
export function sameGroupName(a: string, b: string): boolean {
  return looseName(a) === looseName(b);
}

function looseName(name: string): string {
  const slug = slugify(splitGroupTitle(name).name, { lowercase: true, decamelize: false, separator: '-' });
  return slug
    .split('-')
    .filter((word) => word !== '' && word !== 'and')
    .join('-');
}
