import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  orchestrationFor,
  planOrchestration,
  parseOrchestration,
} from '../../../src/core/orchestration/orchestration-file.js';
import type { SpecDocument } from '../../../src/core/spec/parse-spec.js';
import { renderTasks } from '../../../src/core/spec/render-tasks.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';

const FIXTURES = 'test/fixtures/orchestration';
const PATH = 'agent-os/specs/2026-03-02-team-invites/tasks.md';
const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');

const tasksSource = fixture('team-invites-tasks.md');
const tasks = parseTaskFile(tasksSource, { path: PATH });
const edited = fixture('person-edited-orchestration.yml');

const HEADER = [
  '# Agent OS orchestration: one entry per task group of tasks.md, in its order.',
  '# For each group you may set:',
  '#   claude_code_subagent: the Claude Code subagent that implements it (e.g. database-engineer)',
  '#   standards: a list of agent-os/standards to follow (all, global/*, backend/api.md, none)',
  '#   assignees: a list of GitHub logins its sub-issue is assigned to',
  '# These are kept when this file is written again from tasks.md.',
  '',
];

function names(yaml: string): string[] {
  const data = parse(yaml) as { task_groups: Array<{ name: string }> };
  return data.task_groups.map((g) => g.name);
}

describe('planOrchestration, for a new orchestration.yml', () => {
  const plan = planOrchestration(tasks);

  it('lists every task group of tasks.md by name, in order, in the Agent OS task_groups layout', () => {
    expect(plan.text).toBe(
      [
        ...HEADER,
        'task_groups:',
        '  - name: Data Models and Migrations',
        '  - name: Invitation Endpoints',
        '  - name: Invite UI',
        '  - name: Test Review & Gap Analysis',
        '',
      ].join('\n'),
    );
    expect(plan.groups).toEqual([
      { name: 'Data Models and Migrations', number: '1' },
      { name: 'Invitation Endpoints', number: '2' },
      { name: 'Invite UI', number: '3' },
      { name: 'Test Review & Gap Analysis', number: '4' },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('gives back the same bytes when run again on its own output', () => {
    const again = planOrchestration(tasks, plan.text);
    expect(again.text).toBe(plan.text);
    expect(again.groups).toEqual(plan.groups);
    expect(again.problems).toEqual([]);
  });

  it('names the groups of a tasks.md written by create-tasks', () => {
    const spec: SpecDocument = {
      title: 'Team invites by email',
      goal: 'Let team admins invite people by email.',
      requirements: [
        {
          number: 1,
          name: 'Invitation records',
          bullets: [{ text: 'Store each invitation in a database table with an expiry', depth: 0 }],
          acceptance: [],
          line: 1,
        },
        {
          number: 2,
          name: 'Invite endpoint',
          bullets: [{ text: 'An API endpoint sends the invitation email', depth: 0 }],
          acceptance: [],
          line: 1,
        },
        {
          number: 3,
          name: 'Invite dialog',
          bullets: [{ text: 'A modal form with a button shows pending invites', depth: 0 }],
          acceptance: [],
          line: 1,
        },
      ],
      acceptance: [],
      outOfScope: [],
    };
    const generated = parseTaskFile(renderTasks(spec), { path: PATH });
    const text = planOrchestration(generated).text;
    expect(names(text)).toEqual([
      'Data Models and Persistence',
      'API Endpoints',
      'User Interface',
      'Test Review and Gap Analysis',
    ]);
    expect(planOrchestration(generated, text).text).toBe(text);
  });

  it('handles a tasks.md with twelve task groups', () => {
    const twelve = parseTaskFile(fixture('twelve-groups-tasks.md'), { path: PATH });
    const first = planOrchestration(twelve);
    expect(names(first.text)).toEqual([
      'Project Setup',
      'User Accounts',
      'Sessions and Login',
      'Password Reset',
      'Team Model',
      'Invitations',
      'Billing Plans',
      'Payment Webhooks',
      'Dashboard UI',
      'Settings Pages',
      'Deployment Pipeline',
      'Test Review & Gap Analysis',
    ]);
    expect(first.groups.map((g) => g.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(planOrchestration(twelve, first.text).text).toBe(first.text);
    expect(parseOrchestration(first.text).groups).toHaveLength(12);
  });

  it('writes names that need quoting in YAML so they read back as written, however long', () => {
    const long = `Task Group 1: Sync: "calendar" events - ${'and more '.repeat(12).trim()}`;
    const file = parseTaskFile(`#### ${long}\n\n- [ ] 1.0 Do it\n`, { path: PATH });
    const text = planOrchestration(file).text;
    expect(names(text)).toEqual([long.slice('Task Group 1: '.length)]);
    expect(text.split('\n').filter((l) => l.includes('name:'))).toHaveLength(1);
  });
});

describe('planOrchestration, with an orchestration.yml a person edited', () => {
  it('keeps the file byte for byte when its groups are still those of tasks.md, and reads what the person set', () => {
    const plan = planOrchestration(tasks, edited);
    expect(plan.text).toBe(edited);
    expect(plan.groups).toEqual([
      {
        name: 'Data Models and Migrations',
        number: '1',
        claude_code_subagent: 'database-engineer',
        standards: ['global/*', 'backend/models.md'],
      },
      {
        name: 'Invitation Endpoints',
        number: '2',
        claude_code_subagent: 'api-engineer',
        standards: ['global/*', 'backend/api.md'],
        assignees: ['ana-dev', 'bob'],
      },
      { name: 'Invite UI', number: '3', claude_code_subagent: 'ui-designer', standards: ['all'], assignees: ['carol'] },
      { name: 'Test Review & Gap Analysis', number: '4', standards: ['none'] },
    ]);
    expect(plan.problems).toEqual([
      'orchestration.yml line 17: `task_groups[1].notes` is not a key of a task group: it is kept as written but does nothing; the keys are `name`, `number`, `claude_code_subagent`, `standards`, `assignees`, `assignee`.',
      'orchestration.yml line 16: `not a login!` is not a GitHub login (letters, digits and single hyphens, at most 39 characters); it is left out.',
    ]);
  });

  it('carries the settings and comments over when tasks.md renames a group, drops one and adds one', () => {
    const changed = tasksSource
      .replace('Task Group 2: Invitation Endpoints', 'Task Group 2: Invitation REST API')
      .replace(/### Frontend Components[\s\S]*?### Testing/, '### Testing')
      .replace('Task Group 4: Test Review', 'Task Group 3: Test Review')
      .replace(
        '## Execution Order',
        '#### Task Group 4: Audit Log\n\n- [ ] 4.0 Record invitations in the audit log\n\n## Execution Order',
      );
    const file = parseTaskFile(changed, { path: PATH });
    const plan = planOrchestration(file, edited);

    expect(names(plan.text)).toEqual([
      'Data Models and Migrations',
      'Invitation REST API',
      'Test Review & Gap Analysis',
      'Audit Log',
    ]);
    expect(plan.text.startsWith('# Orchestration for team invites: Ana owns the API work.\ntask_groups:\n')).toBe(true);
    expect(plan.text).toContain(
      '  - name: Invitation REST API # the big one\n    claude_code_subagent: api-engineer\n',
    );
    expect(plan.text).toContain('    notes: pair with the mobile team\n');
    expect(plan.text).not.toContain('ui-designer');
    expect(plan.groups.map((g) => [g.name, g.number, g.claude_code_subagent, g.assignees])).toEqual([
      ['Data Models and Migrations', '1', 'database-engineer', undefined],
      ['Invitation REST API', '2', 'api-engineer', ['ana-dev', 'bob']],
      ['Test Review & Gap Analysis', '3', undefined, undefined],
      ['Audit Log', '4', undefined, undefined],
    ]);
    expect(plan.problems).toEqual([
      'orchestration.yml line 17: `task_groups[1].notes` is not a key of a task group: it is kept as written but does nothing; the keys are `name`, `number`, `claude_code_subagent`, `standards`, `assignees`, `assignee`.',
      'orchestration.yml line 16: `not a login!` is not a GitHub login (letters, digits and single hyphens, at most 39 characters); it is left out.',
      'orchestration.yml line 8: "Invitation Endpoints" is now "Invitation REST API" in tasks.md (matched by position); its settings are kept.',
      'orchestration.yml line 18: tasks.md has no task group "Invite UI" any more, so its entry was dropped (its `claude_code_subagent`, `standards`, `assignee` went with it).',
    ]);

    const again = planOrchestration(file, plan.text);
    expect(again.text).toBe(plan.text);
    expect(again.groups).toEqual(plan.groups);
  });

  it('follows tasks.md when it reorders the groups, keeping each entry with its group', () => {
    const text =
      'task_groups:\n  - name: Invite UI\n    claude_code_subagent: ui-designer\n  - name: Data Models and Migrations\n    claude_code_subagent: database-engineer\n';
    const plan = planOrchestration(tasks, text);
    expect(parseOrchestration(plan.text).groups.map((g) => [g.name, g.claude_code_subagent])).toEqual([
      ['Data Models and Migrations', 'database-engineer'],
      ['Invitation Endpoints', undefined],
      ['Invite UI', 'ui-designer'],
      ['Test Review & Gap Analysis', undefined],
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('matches names written as Task Group headings or slugs, and keeps them as the person wrote them', () => {
    const text = [
      'task_groups:',
      '  - name: "Task Group 1: Data Models and Migrations"',
      '    claude_code_subagent: database-engineer',
      '  - name: invitation-endpoints',
      '    claude_code_subagent: api-engineer',
      '  - name: Invite UI',
      '  - name: Test Review and Gap Analysis',
      '',
    ].join('\n');
    const plan = planOrchestration(tasks, text);
    expect(plan.text).toBe(text);
    expect(plan.groups.map((g) => g.claude_code_subagent)).toEqual([
      'database-engineer',
      'api-engineer',
      undefined,
      undefined,
    ]);
  });

  it('leaves a file that is not valid YAML as it is, and says so instead of failing', () => {
    const malformed = fixture('malformed-orchestration.yml');
    const plan = planOrchestration(tasks, malformed);
    expect(plan.text).toBe(malformed);
    expect(plan.groups.map((g) => g.name)).toEqual([
      'Data Models and Migrations',
      'Invitation Endpoints',
      'Invite UI',
      'Test Review & Gap Analysis',
    ]);
    expect(plan.groups.every((g) => g.claude_code_subagent === undefined)).toBe(true);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(
      /^orchestration\.yml could not be read as YAML \(line \d+\): .+\. It is left as it is: fix it, or delete it to have it written again from tasks\.md\.$/,
    );
  });

  it('leaves YAML of another shape as it is, and says what it should be', () => {
    expect(planOrchestration(tasks, 'just some notes\n').problems).toEqual([
      'orchestration.yml should be a map with a `task_groups:` list; it is not one. It is left as it is: fix it, or delete it to have it written again from tasks.md.',
    ]);
    expect(planOrchestration(tasks, 'task_groups:\n  name: Invite UI\n').problems).toEqual([
      'orchestration.yml: `task_groups` should be a list of task groups (`- name: …`); it is not one. It is left as it is: fix it, or delete it to have it written again from tasks.md.',
    ]);
  });

  it('fills an empty file, and one with only comments (kept), from tasks.md', () => {
    expect(planOrchestration(tasks, '').text).toBe(planOrchestration(tasks).text);
    const plan = planOrchestration(tasks, '# to fill in\n');
    expect(plan.text.startsWith('# to fill in\n')).toBe(true);
    expect(names(plan.text)).toHaveLength(4);
    expect(plan.problems).toEqual([]);
  });
});

describe('parseOrchestration', () => {
  it('reads names, subagents, standards and assignees in the forms people write them', () => {
    const read = parseOrchestration(
      [
        'task_groups:',
        '  - Data Models and Migrations',
        '  - name: Invitation Endpoints',
        '    standards: global/*, backend/api.md',
        '    assignees: "@ana-dev, bob"',
        '  - name: "Task Group 3: Invite UI"',
        '    assignee: "@carol"',
        '    claude_code_subagent: ~',
        '  - claude_code_subagent: lost',
        '  - name: Extra',
        '    number: 7',
        '    claude_code_subagent: [a, b]',
        '    assignees: [dave, Dave, "-bad-"]',
        '',
      ].join('\n'),
    );
    expect(read.groups).toEqual([
      { name: 'Data Models and Migrations' },
      { name: 'Invitation Endpoints', standards: ['global/*', 'backend/api.md'], assignees: ['ana-dev', 'bob'] },
      { name: 'Task Group 3: Invite UI', number: '3', assignees: ['carol'] },
      { name: 'Extra', number: '7', assignees: ['dave'] },
    ]);
    expect(read.problems).toEqual([
      'orchestration.yml line 9: task group 4 has no `name:`; it is left out.',
      'orchestration.yml line 12: `task_groups[4].claude_code_subagent` should be the name of one subagent, such as database-engineer; found a list, which is ignored.',
      'orchestration.yml line 13: `-bad-` is not a GitHub login (letters, digits and single hyphens, at most 39 characters); it is left out.',
    ]);
  });

  it('names typos and values of the wrong type back with their key and line, keeping the rest of the entry', () => {
    const read = parseOrchestration(
      [
        'task_groups:',
        '  - name: Data Models',
        '    asignees: [bob]',
        '    standards: 5',
        '  - name: Endpoints',
        '    claude_code_subagent: 7',
        '    assignees: ana',
        'task_group: []',
        '',
      ].join('\n'),
    );
    expect(read.groups).toEqual([{ name: 'Data Models' }, { name: 'Endpoints', assignees: ['ana'] }]);
    expect(read.problems).toEqual([
      'orchestration.yml line 8: `task_group` is not a key of orchestration.yml (did you mean `task_groups`?): it is kept as written but does nothing; the keys are `task_groups`.',
      'orchestration.yml line 3: `task_groups[0].asignees` is not a key of a task group (did you mean `assignees`?): it is kept as written but does nothing; the keys are `name`, `number`, `claude_code_subagent`, `standards`, `assignees`, `assignee`.',
      'orchestration.yml line 4: `task_groups[0].standards` should be a list of standards such as `global/*` or `backend/api.md`; found the number 5, which is ignored.',
      'orchestration.yml line 6: `task_groups[1].claude_code_subagent` should be the name of one subagent, such as database-engineer; found the number 7, which is ignored.',
    ]);
  });

  it('reads nothing, and says why, from text that is not orchestration.yml', () => {
    expect(parseOrchestration('')).toEqual({ groups: [], problems: [] });
    expect(parseOrchestration('task_groups: [').problems[0]).toMatch(/^orchestration\.yml could not be read as YAML/);
    expect(parseOrchestration('- a\n- b\n').problems).toEqual([
      'orchestration.yml should be a map with a `task_groups:` list; it is not one.',
    ]);
  });
});

describe('orchestrationFor', () => {
  it('pairs read groups with the task groups of tasks.md as planOrchestration does', () => {
    const read = parseOrchestration(edited).groups;
    const paired = orchestrationFor(tasks, read);
    expect(paired).toEqual(planOrchestration(tasks, edited).groups);
    expect(
      orchestrationFor(tasks, [{ name: 'Invite UI', claude_code_subagent: 'ui-designer' }]).map(
        (g) => g?.claude_code_subagent,
      ),
    ).toEqual([undefined, undefined, 'ui-designer', undefined]);
  });
});
