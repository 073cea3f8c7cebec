import { describe, expect, it } from '@jest/globals';
import { renderImplementationHandOff } from '../../../src/core/orchestration/render-hand-off.js';

const FOLDER = 'agent-os/specs/2026-03-02-team-invites';
const BRANCH = 'agent-os/12-team-invites';
const api = {
  key: '2',
  title: 'Task Group 2: Invitation Endpoints',
  prompt:
    '# Implement Task Group 2: Invitation Endpoints\n\n- [ ] 2.0 Complete API layer\n  ```http\n  POST /x\n  ```\n',
  promptPath: `${FOLDER}/implementation/prompts/2-invitation-endpoints.md`,
};
const ui = {
  key: '3',
  title: 'Invite UI',
  prompt: '# Implement Task Group 3: Invite UI\n',
  promptPath: `${FOLDER}/implementation/prompts/3-invite-ui.md`,
};

describe('renderImplementationHandOff', () => {
  const text = renderImplementationHandOff({ groups: [api, ui], branch: BRANCH, checkName: 'Agent OS: tasks' });

  it('says nothing runs a model, and what the gate waits for', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      '### Implementation prompts',
      '',
      `Each task group below has an implementation prompt, committed on \`${BRANCH}\`. Nothing here runs an AI model: run a prompt with the coding agent you use, on that branch, and push its work.`,
    ]);
    expect(
      text.endsWith(
        'The **Agent OS: tasks** check stays red until the tasks of Task Groups 2, 3 are ticked in `tasks.md`: the agent ticks them as it finishes each task.',
      ),
    ).toBe(true);
  });

  it('has each prompt collapsed, in a fence longer than the backticks inside it', () => {
    expect(text).toContain(
      `<details><summary>Implementation prompt: Task Group 2 — Invitation Endpoints</summary>\n\n\`\`\`\`markdown\n${api.prompt}\`\`\`\`\n`,
    );
    expect(text).toContain(
      `<details><summary>Implementation prompt: Task Group 3 — Invite UI</summary>\n\n\`\`\`markdown\n${ui.prompt}\`\`\`\n`,
    );
    expect(text.split('<details>')).toHaveLength(3);
    expect(text.split('</details>')).toHaveLength(3);
  });

  it('says how to run each prompt with Claude Code, Codex, Copilot and others', () => {
    expect(text).toContain(
      [
        'Run it with:',
        '',
        '```sh',
        `git switch ${BRANCH}`,
        '# Claude Code',
        `claude "$(cat ${api.promptPath})"`,
        '# OpenAI Codex CLI',
        `codex exec "$(cat ${api.promptPath})"`,
        '```',
        '',
        "- **GitHub Copilot coding agent:** assign this group's sub-issue to Copilot, or mention `@copilot` on the pull request with the prompt.",
        '- **Cursor and other agents:** paste the prompt above into the agent, on that branch.',
      ].join('\n'),
    );
  });

  it('quotes paths the shell would split', () => {
    const odd = renderImplementationHandOff({
      groups: [{ ...ui, promptPath: "specs/it's here/3-invite-ui.md" }],
      branch: BRANCH,
      checkName: 'Agent OS: tasks',
    });
    expect(odd).toContain(`claude "$(cat 'specs/it'\\''s here/3-invite-ui.md')"`);
    expect(odd).toContain('Task Group 3 are ticked');
  });

  it('says so when there is nothing to hand off', () => {
    expect(renderImplementationHandOff({ groups: [], branch: BRANCH, checkName: 'Agent OS: tasks' })).toBe(
      '### Implementation prompts\n\nThere are no task groups to implement.',
    );
  });
});
