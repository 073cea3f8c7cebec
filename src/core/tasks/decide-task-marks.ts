import type { TaskItem } from '../markdown/scan-task-items.js';
import { parseTaskId, type TaskIdAndText } from './parse-task-id.js';
import type { BoxMarker } from './types.js';

/** Words that, right after a struck-through task text, say why it is not done (matched case-insensitively). */
const REASON_WORDS: readonly string[] = [
  'removed',
  'deferred',
  'cancelled',
  'canceled',
  'superseded',
  'dropped',
  'moved',
  'carried over',
  'replaced',
  'obsolete',
  'skipped',
  'postponed',
  'descoped',
  'out of scope',
  'not needed',
  'no longer needed',
  'duplicate',
  "won't",
  'wont',
  'wontfix',
  'n/a',
  'done in',
  'handled in',
  'covered by',
  '廃止',
  '中止',
  '削除',
  '不要',
  '延期',
  '見送り',
  '対象外',
  '取り消し',
  '取消',
  '废弃',
  '删除',
  '推迟',
  '不再需要',
];

/** Tags that may stand between a task's ID and its text: Spec Kit `[P]` `[US1]`, cc-sdd `(P)`. */
const TAGS_ONLY = /^(?:\[[^\]]*\]\s*|\(P\)\s*)*$/;

/**
 * A template's placeholder, as spec tools write them: `{{NUMBER}}`, `{{TASK_DESCRIPTION}}`, `[TASK]`,
 * `[TASK_DESCRIPTION]`. Only capitals, so a task about `{{ user.name }}` in an email template is not one.
 */
const PLACEHOLDER = /\{\{\s*[A-Z][A-Z0-9_]*\s*\}\}|\[TASK(?:_[A-Z0-9_]+)?\]|\[[A-Z][A-Z0-9_]*_DESCRIPTION\]/;

export interface MarkRules {
  /** Words that mark a task as skipped, matched case-insensitively as whole words outside inline code (`N/A`, `POST-MERGE`). */
  skipMarkers: readonly string[];
  /** Box markers that mean cancelled (skipped), such as `~`. */
  cancelledMarkers: readonly BoxMarker[];
}

export interface TaskMarks {
  optional: boolean;
  skipped: boolean;
  /** The task is a template's placeholder (`{{NUMBER}}. {{TASK_DESCRIPTION}}`): skipped, and the file may be a template. */
  placeholder: boolean;
}

/** Whether `text` holds `word` with no letter or digit right before or after it, ignoring case. */
export function containsWord(text: string, word: string): boolean {
  return containsLowerCaseWord(text.toLowerCase(), word.toLowerCase());
}

/** `containsWord` on a text and a word already in lower case (a task's text is lowered once for every marker). */
function containsLowerCaseWord(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** The text after a strikethrough gives a reason: a word such as `DEFERRED`, `removed`, `廃止`, or an arrow, dash, colon or bracket. */
function isReason(rest: string): boolean {
  if (rest === '') return false;
  const first = rest[0] ?? '';
  if (/[\p{P}\p{S}]/u.test(first)) return true;
  const lower = rest.toLowerCase();
  if (REASON_WORDS.some((word) => lower.startsWith(word))) return true;
  const firstWord = /^[A-Za-z]+/.exec(rest)?.[0] ?? '';
  return firstWord.length >= 2 && firstWord === firstWord.toUpperCase();
}

/**
 * Struck through whole (`~~Migrate legacy data~~`, an ID in front may stay unstruck), or struck through apart from
 * an ID and tags, then followed by a reason (`~~move the helpers~~ → carried over`, `~~Create /memory~~ REMOVED: …`).
 * Text struck through and followed by new words (`~~Use Redis~~ Use Postgres`) is a reworded task: not skipped.
 */
function isStruckOut(item: TaskItem): boolean {
  if (!item.hasStruck) return false;
  if (parseTaskId(item.unstruckText).text === '') return true;
  const run = item.struckFirst;
  if (run === undefined || !isReason(run.rest)) return false;
  return TAGS_ONLY.test(parseTaskId(run.leading).text);
}

/** `(optional)` at the start or end of a task's text, in any case (only a text opening or ending with a bracket is lowered). */
function markedOptional(text: string): boolean {
  if (text.charCodeAt(0) !== 0x28 /* ( */ && !text.endsWith(')')) return false;
  const lower = text.toLowerCase();
  return lower.startsWith('(optional)') || lower.endsWith('(optional)');
}

/**
 * Whether a task may be left undone, is skipped, or is a placeholder, from its box, ID and text. `split` is
 * `parseTaskId(item.text)` when the caller has it already.
 */
export function decideTaskMarks(
  item: TaskItem,
  rules: MarkRules,
  split: TaskIdAndText = parseTaskId(item.text),
): TaskMarks {
  const { text, optional: idStar } = split;
  const optional = item.optional || idStar === true || markedOptional(text);
  // Placeholders in inline code are quoted, not written: `Replace \`{{VERSION}}\` in the release notes` is work.
  const placeholder = PLACEHOLDER.test(item.proseText);
  const prose = rules.skipMarkers.length === 0 ? '' : item.proseText.toLowerCase();
  const skipped =
    placeholder ||
    rules.cancelledMarkers.includes(item.marker) ||
    isStruckOut(item) ||
    rules.skipMarkers.some((marker) => containsLowerCaseWord(prose, marker.toLowerCase()));
  return { optional, skipped, placeholder };
}
