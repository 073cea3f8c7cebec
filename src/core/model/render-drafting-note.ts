import { addUsage, NO_USAGE, type TokenUsage } from './chat-model.js';
import type { DraftFigures } from './check-spec-draft.js';

/** How a draft was made, for the reply under a command. */
export type DraftingNote =
  | { by: 'model'; model: string; usage: TokenUsage; figures: DraftFigures; repaired: boolean }
  | { by: 'cached'; model: string }
  | { by: 'deterministic'; model: string; usage: TokenUsage; reason: string };

/** The note of a draft written by rules: the model that was asked (or would have been), why its draft was not used,
 * and the tokens spent trying. */
export function ruleNote(
  model: string,
  reason: string,
  usage: TokenUsage = NO_USAGE,
): Extract<DraftingNote, { by: 'deterministic' }> {
  return { by: 'deterministic', model, usage, reason };
}

/** Why a draft was written by rules when the repository could not be read to ground the model. */
export const TREE_UNREADABLE = 'the repository tree could not be read to ground it';

/** The file name the product plan's note is written for. */
export const PRODUCT_FILES = 'mission.md and roadmap.md';

const count = (n: number) => n.toLocaleString('en-US');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** The token footer: calls and tokens of the drafts made for this command. */
export function renderUsage(model: string, usage: TokenUsage): string {
  return `<sub>Model \`${model}\`: ${plural(usage.calls, 'call')}, ${count(usage.promptTokens)} prompt + ${count(usage.completionTokens)} completion tokens.</sub>`;
}

/** One paragraph saying who drafted the file, what the check found, and (as a footer) what it cost. */
export function renderDraftingNote(file: string, note: DraftingNote): string {
  const many = file.includes(' and ');
  const shown = file
    .split(' and ')
    .map((f) => `\`${f}\``)
    .join(' and ');
  if (note.by === 'cached')
    return `${shown} already ${many ? 'hold' : 'holds'} \`${note.model}\`'s draft for exactly these inputs, so the model was not asked again.`;
  if (note.by === 'deterministic') {
    const footer = note.usage.calls > 0 ? `\n\n${renderUsage(note.model, note.usage)}` : '';
    return `Written by the deterministic drafter, because the model \`${note.model}\` gave no draft it could use: ${note.reason}.${footer}`;
  }
  const f = note.figures;
  if (file === PRODUCT_FILES) {
    const proposedItems =
      f.proposed === 0 ? '' : `, ${plural(f.proposed, 'proposed item')} without a source (under “Proposed”, optional)`;
    const checkedPlan = `${count(f.requirementsCovered)}/${count(f.requirementsTotal)} items of the product description carried (pitch, users, problem, differentiators, key features; each key feature on the roadmap), ${plural(f.pathsCited, 'cited path')} all present in the repository${proposedItems}`;
    return `Drafted by \`${note.model}\`${note.repaired ? ' (repaired once)' : ''} and checked against the deterministic plan: ${checkedPlan}. \`tech-stack.md\` lists what was detected from the manifests, never the model's guess.\n\n${renderUsage(note.model, note.usage)}`;
  }
  const isTasks = file === 'tasks.md';
  const proposed =
    f.proposed === 0
      ? ''
      : isTasks
        ? `, ${plural(f.proposed, 'optional task')} no requirement asks for (under “Proposed”, never required)`
        : `, ${plural(f.proposed, 'proposed requirement')} without a source (under “Proposed”, optional)`;
  const covered = isTasks
    ? `${count(f.requirementsCovered)}/${count(f.requirementsTotal)} specific requirements with a task`
    : `${count(f.requirementsCovered)}/${count(f.requirementsTotal)} requirements of the issue carried`;
  const answers = f.answersTotal === 0 ? '' : `, ${count(f.answersCarried)}/${count(f.answersTotal)} answers carried`;
  const checked = `${covered}${answers}, ${plural(f.pathsCited, 'cited path')} all present in the repository${proposed}`;
  return `Drafted by \`${note.model}\`${note.repaired ? ' (repaired once)' : ''} and checked against the deterministic draft: ${checked}.\n\n${renderUsage(note.model, note.usage)}`;
}

/**
 * One line per task group saying who drafted its implementation prompt (the deterministic prompt is always its
 * base), and the token footer for the calls made.
 */
export function renderPromptsNote(notes: ReadonlyArray<{ key: string; note: DraftingNote }>): string {
  const first = notes[0];
  if (first === undefined) return '';
  const model = first.note.model;
  if (notes.every((n) => n.note.by === 'cached'))
    return `The implementation prompts already hold \`${model}\`'s guidance for exactly these inputs, so the model was not asked again.`;
  const lines = notes.map(({ key, note }) => {
    if (note.by === 'cached')
      return `- Task Group ${key}: \`${model}\`'s guidance kept (drafted before for exactly these inputs)`;
    if (note.by === 'deterministic')
      return `- Task Group ${key}: the deterministic prompt, because the model gave no guidance it could use: ${note.reason}`;
    const f = note.figures;
    const proposed = f.proposed === 0 ? '' : `, ${plural(f.proposed, 'optional step')} under “Proposed”`;
    return `- Task Group ${key}: guidance by \`${model}\`${note.repaired ? ' (repaired once)' : ''}: ${count(f.requirementsCovered)}/${count(f.requirementsTotal)} tasks addressed, ${plural(f.pathsCited, 'cited path')} all present${proposed}`;
  });
  const usage = notes.reduce((sum, { note }) => (note.by === 'cached' ? sum : addUsage(sum, note.usage)), NO_USAGE);
  const footer = usage.calls > 0 ? `\n\n${renderUsage(model, usage)}` : '';
  return `Implementation prompts (each keeps its group's tasks, the spec and requirements references and the standards as the deterministic prompt has them):\n\n${lines.join('\n')}${footer}`;
}
