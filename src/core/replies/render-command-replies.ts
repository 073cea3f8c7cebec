import type { SlashCommand } from '../commands/parse-command.js';
import { renderDraftingNote, renderPromptsNote, type DraftingNote } from '../model/render-drafting-note.js';
import { ONE_TASK_PER_REQUIREMENT_UP_TO } from '../spec/render-tasks.js';

// The replies to slash commands, from what each phase did (plain values in, the comment's markdown out).

/** A command as the person typed it, for replies: `/write-spec --force`. */
export function renderCommandLabel(command: SlashCommand): string {
  return `\`/${command.name}${command.force ? ' --force' : ''}\``;
}

function draftedNote(file: string, drafting: DraftingNote | undefined): string {
  return drafting === undefined ? '' : `\n\n${renderDraftingNote(file, drafting)}`;
}

export interface WrittenSpec {
  status: 'written' | 'updated' | 'unchanged' | 'kept-edited';
  specUrl: string;
  location: { branch: string };
  counts: { requirements: number; acceptance: number; decisions: number; defaults: number; outOfScope: number };
  drafting?: DraftingNote;
}

export function renderWriteSpecReply(result: WrittenSpec): string {
  const link = `[\`spec.md\`](${result.specUrl})`;
  if (result.status === 'kept-edited') {
    return `${link} was changed by someone since the App wrote it, so it was left as it is. Comment \`/write-spec --force\` to write it again from \`requirements.md\` (the changes are then replaced).`;
  }
  const c = result.counts;
  const verb =
    result.status === 'unchanged'
      ? 'is already up to date with'
      : result.status === 'updated'
        ? 'was rewritten from'
        : 'was written from';
  return (
    `${link} ${verb} \`requirements.md\` on \`${result.location.branch}\`: ${c.requirements} functional requirements, ${c.acceptance} acceptance criteria, ` +
    `${c.decisions} decisions from the discussion (${c.defaults} defaults accepted), ${c.outOfScope} out-of-scope items. Review it in the spec pull request.${draftedNote('spec.md', result.drafting)}`
  );
}

export interface CreatedTasks {
  status: 'written' | 'rewritten' | 'exists';
  tasksUrl: string;
  location: { branch: string };
  tasks: number;
  groups: number;
  requirements: number;
  pullRequest?: number;
  drafting?: DraftingNote;
}

export function renderCreateTasksReply(result: CreatedTasks, checkName: string): string {
  const link = `[\`tasks.md\`](${result.tasksUrl})`;
  if (result.status === 'exists') {
    return `${link} already exists on \`${result.location.branch}\`, so it was left as it is. Comment \`/create-tasks --force\` to write it again from \`spec.md\` (its ticks and edits are then replaced).`;
  }
  const pr =
    result.pullRequest === undefined
      ? ''
      : ` The checklist on #${result.pullRequest} follows it, and the \`${checkName}\` check fails until its tasks are ticked.`;
  const many =
    result.requirements > ONE_TASK_PER_REQUIREMENT_UP_TO
      ? ` (more than ${ONE_TASK_PER_REQUIREMENT_UP_TO}, so each task names up to five of them: consider splitting the spec)`
      : '';
  return `${link} was ${result.status === 'rewritten' ? 'rewritten' : 'written'} from \`spec.md\`: ${result.tasks} tasks in ${result.groups} task groups, covering ${result.requirements} specific requirements${many}.${pr}${draftedNote('tasks.md', result.drafting)}`;
}

export interface DeclaredGroups {
  groups: readonly string[];
  unknown: readonly string[];
  gateTitle: string;
  handOff?: string;
}

export function renderImplementTasksReply(result: DeclaredGroups, checkName: string): string {
  const unknown =
    result.unknown.length > 0 ? ` (no task file of this pull request has Task Group ${result.unknown.join(', ')})` : '';
  return [
    `This pull request implements Task Group${result.groups.length === 1 ? '' : 's'} ${result.groups.join(', ')}${unknown}: the \`${checkName}\` check now requires only their tasks (${result.gateTitle}). The line \`Implements: …\` in the description records it; edit or remove it to change the scope.`,
    ...(result.handOff === undefined ? [] : ['', result.handOff]),
  ].join('\n');
}

export interface OrchestratedGroups {
  files: 'committed' | 'unchanged';
  orchestrationUrl: string;
  written: readonly string[];
  subIssues: ReadonlyArray<{ group: string; number: number; outcome: string }>;
  problems: readonly string[];
  drafting?: ReadonlyArray<{ key: string; note: DraftingNote }> | undefined;
}

export function renderOrchestrateReply(result: OrchestratedGroups): string {
  const created = result.subIssues.filter((s) => s.outcome === 'created').length;
  const lines = result.subIssues.map(
    (s) => `- Task Group ${s.group}: #${s.number}${s.outcome === 'unchanged' ? '' : ` (${s.outcome})`}`,
  );
  const files =
    result.files === 'committed'
      ? `[\`orchestration.yml\`](${result.orchestrationUrl}) and the implementation prompts were written (${result.written.length} file${result.written.length === 1 ? '' : 's'}).`
      : `[\`orchestration.yml\`](${result.orchestrationUrl}) and the implementation prompts are already up to date.`;
  const problems =
    result.problems.length === 0
      ? []
      : ['', '`orchestration.yml` has problems (the rest was used):', ...result.problems.map((p) => `- ${p}`)];
  return [
    `${files} One sub-issue per task group${created > 0 ? ` (${created} new)` : ''}:`,
    '',
    ...lines,
    '',
    'Closing a sub-issue as completed ticks its group in `tasks.md`; a group ticked in `tasks.md` closes its sub-issue. Set `claude_code_subagent`, `standards` or `assignees` per group in `orchestration.yml` and comment `/orchestrate-tasks` again to carry them over.',
    ...problems,
    ...(result.drafting === undefined ? [] : ['', renderPromptsNote(result.drafting)]),
  ].join('\n');
}
