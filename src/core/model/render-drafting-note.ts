import type { TokenUsage } from './chat-model.js';
import type { DraftFigures } from './check-spec-draft.js';

/** How a draft was made, for the reply under a command. */
export type DraftingNote =
  | { by: 'model'; model: string; usage: TokenUsage; figures: DraftFigures; repaired: boolean }
  | { by: 'cached'; model: string }
  | { by: 'deterministic'; model: string; usage: TokenUsage; reason: string };

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
  if (note.by === 'cached') return `\`${file}\` already holds \`${note.model}\`'s draft for exactly these inputs, so the model was not asked again.`;
  if (note.by === 'deterministic') {
    const footer = note.usage.calls > 0 ? `\n\n${renderUsage(note.model, note.usage)}` : '';
    return `Written by the deterministic drafter, because the model \`${note.model}\` gave no draft it could use: ${note.reason}.${footer}`;
  }
  const f = note.figures;
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
