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
  if (specKit?.[1]) return idAndText(specKit[1], text.slice(specKit[0].length).trim(), specKit[2]);
  const dotted = DOTTED_ID.exec(text);
  if (dotted?.[1] && dotted[0].includes('.'))
    return idAndText(dotted[1], text.slice(dotted[0].length).trim(), dotted[2]);
  const bmad = BMAD_ID.exec(text);
  if (bmad?.[1]) return { id: bmad[1], text };
  return { text };
}

/** Built key by key: no object spread per task. */
function idAndText(id: string, text: string, star: string | undefined): TaskIdAndText {
  const result: TaskIdAndText = { id, text };
  if (star !== undefined) result.optional = true;
  return result;
}

/**
 * The ID a flat-listed sub-task's parent would have: `1.2` → `1`, `1.2.3` → `1.2`. Agent OS `N.0` tasks are
 * group parents themselves and have none.
 */
export function parentIdOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.');
  if (dot === -1 || id.slice(dot + 1) === '0') return undefined;
  return id.slice(0, dot);
}
