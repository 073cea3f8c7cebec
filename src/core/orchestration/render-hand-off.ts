import { codeFence } from './code-fence.js';
import { splitGroupTitle } from './group-name.js';

export interface HandOffGroup {
  key: string;
  /** The group's title (`Task Group 1: Data Models` or just `Data Models`). */
  title: string;
  prompt: string;
  promptPath: string;
}

/** A shell word: as it is when it is safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function groupBlock(group: HandOffGroup, branch: string): string[] {
  const name = splitGroupTitle(group.title).name;
  const cat = `"$(cat ${shellWord(group.promptPath)})"`;
  return [
    `<details><summary>Implementation prompt: Task Group ${group.key} — ${name.replace(/</g, '&lt;')}</summary>`,
    '',
    codeFence(group.prompt, 'markdown'),
    '',
    'Run it with:',
    '',
    codeFence(
      [
        `git switch ${shellWord(branch)}`,
        '# Claude Code',
        `claude ${cat}`,
        '# OpenAI Codex CLI',
        `codex exec ${cat}`,
      ].join('\n'),
      'sh',
    ),
    '',
    "- **GitHub Copilot coding agent:** assign this group's sub-issue to Copilot, or mention `@copilot` on the pull request with the prompt.",
    '- **Cursor and other agents:** paste the prompt above into the agent, on that branch.',
    '',
    '</details>',
  ];
}

/**
 * The implement-tasks hand-off, for an issue or pull request comment: per task group its implementation prompt
 * (collapsed) and how to run it with common coding agents. Nothing here runs a model; the merge gate waits for
 * the tasks.
 */
export function renderImplementationHandOff(input: {
  groups: ReadonlyArray<HandOffGroup>;
  branch: string;
  checkName: string;
  /** Whether the prompt files are on the branch (orchestrate-tasks wrote them); default true. */
  committed?: boolean;
}): string {
  const { groups, branch, checkName } = input;
  const which = groups.map((g) => g.key).join(', ');
  const where =
    input.committed === false
      ? `Each task group below has an implementation prompt. The prompt files are not on \`${branch}\` yet: comment \`/orchestrate-tasks\` to commit them (the commands below read them), or paste a prompt into your agent.`
      : `Each task group below has an implementation prompt, committed on \`${branch}\`.`;
  const lines = [
    '### Implementation prompts',
    '',
    groups.length === 0
      ? 'There are no task groups to implement.'
      : `${where} Nothing here runs an AI model: run a prompt with the coding agent you use, on that branch, and push its work.`,
  ];
  for (const group of groups) lines.push('', ...groupBlock(group, branch));
  if (groups.length > 0) {
    lines.push(
      '',
      `The **${checkName}** check stays red until the tasks of Task Group${groups.length === 1 ? '' : 's'} ${which} are ticked in \`tasks.md\`: the agent ticks them as it finishes each task.`,
    );
  }
  return lines.join('\n');
}
