export interface TaskIdAndText {
  /** Normalised ID: `T004`, `1`, `1.2`, `2.0` (a trailing dot is dropped). */
  id?: string;
  text: string;
  /** A star right after the ID (`13.1* …`, cc-sdd and Kiro): the task is optional. */
  optional?: true;
}

const SPEC_KIT_ID = /^(T\d{2,})(\*)?(?=\s|$)/;
const DOTTED_ID = /^(\d+(?:\.\d+)*)\.?(\*)?(?=\s|$)/;
const BMAD_ID = /^(?:Sub)?task\s+(\d+(?:\.\d+)*)\b/i;

/**
 * Split a task's leading ID from its text. Recognises Spec Kit `T001`, dotted IDs with at least one dot
 * (`1.`, `1.0`, `2.3.1`, and `13.1*` marking an optional task: a bare `2 factor auth` is text, not an ID) and BMAD `Task 1` / `Subtask 1.1`
 * (whose text is kept whole, since the word is part of it).
 */
export function parseTaskId(text: string): TaskIdAndText {
  const specKit = SPEC_KIT_ID.exec(text);
  if (specKit?.[1])
    return {
      id: specKit[1],
      text: text.slice(specKit[0].length).trim(),
      ...(specKit[2] === undefined ? {} : { optional: true }),
    };
  const dotted = DOTTED_ID.exec(text);
  if (dotted?.[1] && dotted[0].includes('.')) {
    return {
      id: dotted[1],
      text: text.slice(dotted[0].length).trim(),
      ...(dotted[2] === undefined ? {} : { optional: true }),
    };
  }
  const bmad = BMAD_ID.exec(text);
  if (bmad?.[1]) return { id: bmad[1], text };
  return { text };
}

/**
 * The ID a flat-listed sub-task's parent would have: `1.2` → `1`, `1.2.3` → `1.2`. Agent OS `N.0` tasks are
 * group parents themselves and have none.
 */
export function parentIdOf(id: string): string | undefined {
  const parts = id.split('.');
  if (parts.length < 2 || parts[parts.length - 1] === '0') return undefined;
  return parts.slice(0, -1).join('.');
}
