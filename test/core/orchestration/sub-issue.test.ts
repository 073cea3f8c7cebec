import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { groupPromptPath, renderGroupPrompt } from '../../../src/core/orchestration/group-prompt.js';
import { groupKey } from '../../../src/core/orchestration/group-progress.js';
import { planOrchestration } from '../../../src/core/orchestration/orchestration-file.js';
import { parseSubIssueMarker, renderSubIssue, subIssueMarker } from '../../../src/core/orchestration/sub-issue.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import type { TaskGroup } from '../../../src/core/tasks/types.js';

const FOLDER = 'agent-os/specs/2026-03-02-team-invites';
const source = readFileSync('test/fixtures/orchestration/team-invites-tasks.md', 'utf8');
const tasks = parseTaskFile(source, { path: `${FOLDER}/tasks.md` });
const plan = planOrchestration(
  tasks,
  readFileSync('test/fixtures/orchestration/person-edited-orchestration.yml', 'utf8'),
);
const links = {
  specFolder: FOLDER,
  spec: `${FOLDER}/spec.md`,
  requirements: `${FOLDER}/planning/requirements.md`,
  tasks: `${FOLDER}/tasks.md`,
  visuals: [],
};

function subIssue(index: number, specTitle = 'Team invites by email') {
  const group: TaskGroup | undefined = tasks.groups[index];
  if (group === undefined) throw new Error(`no group ${index}`);
  const orchestration = plan.groups[index];
  const prompt = renderGroupPrompt({
    tasks,
    tasksSource: source,
    group,
    ...(orchestration ? { orchestration } : {}),
    links,
    specTitle,
  });
  return {
    prompt,
    issue: renderSubIssue({
      specTitle,
      specIssue: 12,
      group,
      groupKey: groupKey(group, tasks),
      tasks,
      tasksSource: source,
      prompt,
      promptPath: groupPromptPath(FOLDER, group, tasks),
      specFolder: FOLDER,
      ...(orchestration ? { orchestration } : {}),
    }),
  };
}

describe('the sub-issue marker', () => {
  it('reads back the spec folder and group it was written with', () => {
    const marker = subIssueMarker(FOLDER, '2');
    expect(marker).toBe(`<!-- agent-os-github:task-group {"spec":"${FOLDER}","group":"2"} -->`);
    expect(parseSubIssueMarker(`${marker}\nTask group 2 …`)).toEqual({ specFolder: FOLDER, group: '2' });
    expect(parseSubIssueMarker(`${marker}\r\nWindows line endings`)).toEqual({ specFolder: FOLDER, group: '2' });
  });

  it('keeps an odd folder name inside the comment', () => {
    const odd = 'specs/a --> <b> & "c"';
    const marker = subIssueMarker(odd, 'g1');
    expect(marker.slice(4, -3)).not.toContain('-->');
    expect(marker).not.toContain('<b>');
    expect(marker).not.toContain('&');
    expect(parseSubIssueMarker(marker)).toEqual({ specFolder: odd, group: 'g1' });
  });

  it('finds nothing in other issues', () => {
    expect(parseSubIssueMarker(undefined)).toBeUndefined();
    expect(parseSubIssueMarker(null)).toBeUndefined();
    expect(parseSubIssueMarker('')).toBeUndefined();
    expect(parseSubIssueMarker('A bug report\n\n- [ ] steps')).toBeUndefined();
    expect(parseSubIssueMarker('<!-- agent-os-github:task-group {broken -->')).toBeUndefined();
    expect(parseSubIssueMarker('<!-- agent-os-github:task-group {"spec":"x"} -->')).toBeUndefined();
    expect(parseSubIssueMarker('<!-- agent-os-github:checklist {"files":[]} -->')).toBeUndefined();
  });
});

describe('renderSubIssue', () => {
  const { issue, prompt } = subIssue(1);

  it('is titled by the group and the spec, labelled by its specialisation, and assigned as orchestration.yml says', () => {
    expect(issue.title).toBe('Task Group 2: Invitation Endpoints — Team invites by email');
    expect(issue.labels).toEqual(['task-group: api']);
    expect(issue.assignees).toEqual(['ana-dev', 'bob']);
    expect(subIssue(3).issue.labels).toEqual(['task-group: testing']);
    expect(subIssue(3).issue.assignees).toEqual([]);
  });

  it('opens with its marker and says where it comes from', () => {
    const lines = issue.body.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      subIssueMarker(FOLDER, '2'),
      `Task group 2 of the spec for #12 (Team invites by email), from \`${FOLDER}/tasks.md\`.`,
      '',
    ]);
    expect(lines[3]).toBe(
      '**Dependencies:** Task Group 1 · **Subagent:** `api-engineer` · **Standards:** `global/*`, `backend/api.md`',
    );
    expect(parseSubIssueMarker(issue.body)).toEqual({ specFolder: FOLDER, group: '2' });
  });

  it("lists the group's tasks as GitHub checkboxes, [-] shown as open, and nothing from the code fence as a task", () => {
    const tasksSection = issue.body.slice(issue.body.indexOf('### Tasks\n\n') + 11, issue.body.indexOf('\n\n<sub>'));
    expect(tasksSection.split('\n').filter((l) => /^\s*- \[/.test(l))).toEqual([
      '- [ ] 2.0 Complete API layer',
      '  - [x] 2.1 Write 2-8 focused tests for the invitations controller',
      '  - [ ] 2.2 Create `InvitationsController` with create, resend and revoke actions',
      '  - [ ] 2.3 Add `POST /invitations/:token/accept` endpoint',
      '      - [ ] 9.9 this line is in a code fence, not a task',
      '  - [ ]* 2.4 Rate-limit resends (optional)',
      '  - [ ] 2.5 ~~Send a Slack notification~~',
      '  - [ ] 2.6 Ensure API layer tests pass',
    ]);
    expect(parseTaskFile(tasksSection).tasks.map((t) => t.id)).toEqual([
      '2.0',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
    ]);
    expect(issue.body).toContain(
      "<sub>Boxes ticked here are not written to `tasks.md`: tick them there, or in the checklist of the spec's pull request.</sub>",
    );
  });

  it('holds the implementation prompt, collapsed, in a fence longer than any backticks in it', () => {
    expect(prompt).toContain('```http');
    const start = issue.body.indexOf('<details><summary>Implementation prompt</summary>\n\n');
    expect(start).toBeGreaterThan(0);
    expect(issue.body).toContain(
      `Committed as \`${FOLDER}/implementation/prompts/2-invitation-endpoints.md\` on the spec branch: run it with the coding agent you use.`,
    );
    expect(issue.body).toContain(`\n\`\`\`\`markdown\n${prompt}\`\`\`\`\n\n</details>\n`);
  });

  it('says how it closes', () => {
    expect(
      issue.body.endsWith(
        [
          '### How this issue closes',
          '',
          '- When every required task of Task Group 2 is ticked in `tasks.md`, this issue is closed as completed.',
          "- Closing it as completed yourself ticks the group's remaining tasks in `tasks.md` on the spec branch (with permission to tick tasks).",
          '- Closing it as not planned, or reopening it, changes no task.',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('keeps the title within what GitHub accepts', () => {
    const long = subIssue(1, 'A spec title that goes on '.repeat(20).trim()).issue.title;
    expect(long.length).toBeLessThanOrEqual(256);
    expect(long.startsWith('Task Group 2: Invitation Endpoints — A spec title')).toBe(true);
    expect(subIssue(0, '').issue.title).toBe('Task Group 1: Data Models and Migrations');
  });

  it('disarms a copy of the marker inside the tasks, so only its own marker is read', () => {
    const tricky =
      '## Task Group 1: Tricky\n\n- [ ] 1.0 Quote <!-- agent-os-github:task-group {"spec":"other","group":"9"} -->\n';
    const file = parseTaskFile(tricky, { path: `${FOLDER}/tasks.md` });
    const [only] = file.groups;
    if (only === undefined) throw new Error('no group');
    const prompt2 = renderGroupPrompt({ tasks: file, tasksSource: tricky, group: only, links, specTitle: 'x' });
    const body = renderSubIssue({
      specTitle: 'x',
      specIssue: 1,
      group: only,
      groupKey: '1',
      tasks: file,
      tasksSource: tricky,
      prompt: prompt2,
      promptPath: 'p.md',
      specFolder: FOLDER,
    }).body;
    expect(parseSubIssueMarker(body)).toEqual({ specFolder: FOLDER, group: '1' });
    expect(parseSubIssueMarker(body.split('\n').slice(1).join('\n'))).toBeUndefined();
  });
});
