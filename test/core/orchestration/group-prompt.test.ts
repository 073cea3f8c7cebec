import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  groupPromptPath,
  groupSpecialisation,
  renderGroupPrompt,
  type SpecFileLinks,
} from '../../../src/core/orchestration/group-prompt.js';
import { planOrchestration } from '../../../src/core/orchestration/orchestration-file.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import type { TaskGroup } from '../../../src/core/tasks/types.js';

const FOLDER = 'agent-os/specs/2026-03-02-team-invites';
const source = readFileSync('test/fixtures/orchestration/team-invites-tasks.md', 'utf8');
const tasks = parseTaskFile(source, { path: `${FOLDER}/tasks.md` });
const plan = planOrchestration(
  tasks,
  readFileSync('test/fixtures/orchestration/person-edited-orchestration.yml', 'utf8'),
);
const links: SpecFileLinks = {
  specFolder: FOLDER,
  spec: `${FOLDER}/spec.md`,
  requirements: `${FOLDER}/planning/requirements.md`,
  tasks: `${FOLDER}/tasks.md`,
  visuals: [`${FOLDER}/planning/visuals/invite-modal.png`],
};

function group(index: number): TaskGroup {
  const found = tasks.groups[index];
  if (found === undefined) throw new Error(`no group ${index}`);
  return found;
}

/** The lines of a prompt between two headings. */
function section(prompt: string, heading: string): string {
  const start = prompt.indexOf(`## ${heading}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = prompt.slice(start + heading.length + 4);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

describe('groupPromptPath', () => {
  it('is implementation/prompts/<number>-<group slug>.md in the spec folder', () => {
    expect(tasks.groups.map((g) => groupPromptPath(FOLDER, g, tasks))).toEqual([
      `${FOLDER}/implementation/prompts/1-data-models-and-migrations.md`,
      `${FOLDER}/implementation/prompts/2-invitation-endpoints.md`,
      `${FOLDER}/implementation/prompts/3-invite-ui.md`,
      `${FOLDER}/implementation/prompts/4-test-review-and-gap-analysis.md`,
    ]);
  });

  it('numbers twelve groups 1 to 12, and works from the spec folder itself', () => {
    const twelve = parseTaskFile(readFileSync('test/fixtures/orchestration/twelve-groups-tasks.md', 'utf8'), {
      path: `${FOLDER}/tasks.md`,
    });
    const paths = twelve.groups.map((g) => groupPromptPath('.', g, twelve));
    expect(paths[0]).toBe('implementation/prompts/1-project-setup.md');
    expect(paths[9]).toBe('implementation/prompts/10-settings-pages.md');
    expect(paths[11]).toBe('implementation/prompts/12-test-review-and-gap-analysis.md');
    expect(new Set(paths).size).toBe(12);
  });

  it('falls back to a usable name for a title with nothing to slug', () => {
    const file = parseTaskFile('## Task Group 1: 日本語\n\n- [ ] 1.0 Do it\n', { path: `${FOLDER}/tasks.md` });
    const [only] = file.groups;
    if (only === undefined) throw new Error('no group');
    expect(groupPromptPath(`${FOLDER}/`, only, file)).toBe(`${FOLDER}/implementation/prompts/1-task-group.md`);
  });
});

describe('renderGroupPrompt', () => {
  const prompt = renderGroupPrompt({
    tasks,
    tasksSource: source,
    group: group(1),
    orchestration: plan.groups[1],
    links,
    specTitle: 'Team invites by email',
  });

  it('opens with the group and the spec, and the subagent a person assigned', () => {
    expect(prompt.split('\n').slice(0, 5)).toEqual([
      '# Implement Task Group 2: Invitation Endpoints',
      '',
      "We're continuing our implementation of Team invites by email by implementing task group number 2: Invitation Endpoints.",
      '',
      'Delegate this work to the `api-engineer` subagent if you have it (Claude Code: `.claude/agents/api-engineer.md`).',
    ]);
  });

  it("has the group's tasks exactly as tasks.md writes them, sub-tasks nested, then its dependencies", () => {
    const start = source.indexOf('- [ ] 2.0');
    const end =
      source.indexOf('  - [ ] 2.6 Ensure API layer tests pass\n') + '  - [ ] 2.6 Ensure API layer tests pass'.length;
    const verbatim = source.slice(start, end).replace(/^[ \t]+$/gm, '');
    expect(section(prompt, 'Implement this task and its sub-tasks')).toBe(
      `${verbatim}\n\n**Dependencies:** Task Group 1. This group builds on:\n\n- Task Group 1: Data Models and Migrations (complete)`,
    );
    expect(prompt).not.toContain('1.1 Write 2-8 focused tests');
  });

  it('says which dependencies are not complete yet', () => {
    const last = renderGroupPrompt({
      tasks,
      tasksSource: source,
      group: group(3),
      links,
      specTitle: 'Team invites by email',
    });
    expect(last).toContain(
      [
        '**Dependencies:** Task Groups 1-3. This group builds on:',
        '',
        '- Task Group 1: Data Models and Migrations (complete)',
        '- Task Group 2: Invitation Endpoints (not complete yet: build on what is there, and do not implement its tasks here)',
        '- Task Group 3: Invite UI (not complete yet: build on what is there, and do not implement its tasks here)',
      ].join('\n'),
    );
  });

  it('points at spec.md, requirements.md, the visuals and tasks.md', () => {
    expect(section(prompt, 'Understand the context')).toBe(
      [
        `Read @${FOLDER}/spec.md to understand the context for this spec and where this task group fits into it.`,
        '',
        'Also read these for further context and reference:',
        '',
        `- @${FOLDER}/planning/requirements.md`,
        `- @${FOLDER}/planning/visuals/invite-modal.png`,
        `- @${FOLDER}/tasks.md (the whole task list: the other groups are not part of this work)`,
      ].join('\n'),
    );
  });

  it('says to write tests first where the tasks say so, and to tick the boxes in tasks.md', () => {
    const steps = section(prompt, 'Perform the implementation');
    expect(steps).toContain('Where a task says to write tests first, write those tests before the code');
    expect(steps).toContain(`tick its box in @${FOLDER}/tasks.md: \`- [ ]\` becomes \`- [x]\``);
    expect(steps).toContain('Stay within Task Group 2');
  });

  it('lists the standards orchestration.yml sets, as files of agent-os/standards', () => {
    expect(section(prompt, 'User Standards & Preferences Compliance').split('\n').slice(-2)).toEqual([
      '@agent-os/standards/global/',
      '@agent-os/standards/backend/api.md',
    ]);
    const ui = renderGroupPrompt({
      tasks,
      tasksSource: source,
      group: group(2),
      orchestration: plan.groups[2],
      links,
      specTitle: 'Team invites by email',
    });
    expect(section(ui, 'User Standards & Preferences Compliance').split('\n').slice(-1)).toEqual([
      '@agent-os/standards/',
    ]);
    const review = renderGroupPrompt({
      tasks,
      tasksSource: source,
      group: group(3),
      orchestration: plan.groups[3],
      links,
      specTitle: 'Team invites by email',
    });
    expect(section(review, 'User Standards & Preferences Compliance')).toBe(
      'orchestration.yml sets no standards for this task group (`none`): follow the conventions of the code around it.',
    );
  });

  it('points at the whole standards folder when orchestration.yml sets none, and says how to choose', () => {
    const bare = renderGroupPrompt({
      tasks,
      tasksSource: source,
      group: group(1),
      links,
      specTitle: 'Team invites by email',
    });
    expect(section(bare, 'User Standards & Preferences Compliance')).toBe(
      'orchestration.yml sets no standards for this task group. Follow the standards in @agent-os/standards/ that apply to this work, and the conventions of the code around it. (Set `standards:` for this group in orchestration.yml to choose them.)',
    );
    expect(bare).not.toContain('subagent');
  });

  it('links files given as URLs, and finds the standards next to a custom spec root', () => {
    const web = renderGroupPrompt({
      tasks,
      tasksSource: source,
      group: group(0),
      orchestration: plan.groups[0],
      links: {
        specFolder: 'docs/agent-os/specs/x',
        spec: 'https://github.com/o/r/blob/b/spec.md',
        requirements: 'https://github.com/o/r/blob/b/planning/requirements.md',
        tasks: 'https://github.com/o/r/blob/b/tasks.md',
        visuals: [],
      },
      specTitle: '',
    });
    expect(web).toContain('Read [spec.md](https://github.com/o/r/blob/b/spec.md) to understand');
    expect(web).toContain("We're continuing our implementation of this spec by implementing task group number 1");
    expect(web).toContain('@docs/agent-os/standards/global/\n@docs/agent-os/standards/backend/models.md\n');
  });

  it('closes a code fence a task leaves open, so the rest of the prompt stays prose', () => {
    const open = '## Task Group 1: Scripts\n\n- [ ] 1.0 Add the script\n  ```sh\n  run it\n';
    const file = parseTaskFile(open, { path: `${FOLDER}/tasks.md` });
    const [only] = file.groups;
    if (only === undefined) throw new Error('no group');
    const text = renderGroupPrompt({ tasks: file, tasksSource: open, group: only, links, specTitle: 'x' });
    expect(text).toContain('- [ ] 1.0 Add the script\n  ```sh\n  run it\n```\n\n## Understand the context');
  });

  it('is the same text for the same input', () => {
    expect(
      renderGroupPrompt({
        tasks,
        tasksSource: source,
        group: group(1),
        orchestration: plan.groups[1],
        links,
        specTitle: 'Team invites by email',
      }),
    ).toBe(prompt);
  });
});

describe('groupSpecialisation', () => {
  it('comes from the subagent a person assigned', () => {
    expect(groupSpecialisation(group(0), { name: 'x', claude_code_subagent: 'database-engineer' })).toBe('database');
    expect(groupSpecialisation(group(0), { name: 'x', claude_code_subagent: 'api-engineer' })).toBe('api');
    expect(groupSpecialisation(group(0), { name: 'x', claude_code_subagent: 'ui-designer' })).toBe('frontend');
    expect(groupSpecialisation(group(0), { name: 'x', claude_code_subagent: 'testing-engineer' })).toBe('testing');
    expect(groupSpecialisation(group(0), { name: 'x', claude_code_subagent: 'devops-engineer' })).toBe(
      'infrastructure',
    );
    expect(groupSpecialisation(group(0), { name: 'x', claude_code_subagent: 'backend-specialist' })).toBe('backend');
  });

  it("comes from the group's title when the subagent says nothing", () => {
    expect(tasks.groups.map((g) => groupSpecialisation(g, { name: 'x', claude_code_subagent: 'implementer' }))).toEqual(
      ['database', 'api', 'frontend', 'testing'],
    );
    const twelve = parseTaskFile(readFileSync('test/fixtures/orchestration/twelve-groups-tasks.md', 'utf8'), {
      path: `${FOLDER}/tasks.md`,
    });
    expect(twelve.groups.map((g) => groupSpecialisation(g))).toEqual([
      'implementation',
      'implementation',
      'implementation',
      'implementation',
      'database',
      'implementation',
      'implementation',
      'api',
      'frontend',
      'frontend',
      'infrastructure',
      'testing',
    ]);
  });
});
