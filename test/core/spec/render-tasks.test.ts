import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIssue } from '../../../src/core/issue/parse-issue.js';
import type { ClarifyingQuestion } from '../../../src/core/spec/clarifying-question.js';
import { deterministicDrafter } from '../../../src/core/spec/deterministic-drafter.js';
import { findDeclaredScope, setScopeLine } from '../../../src/core/spec/find-declared-scope.js';
import { parseRequirements } from '../../../src/core/spec/parse-requirements.js';
import { parseSpec } from '../../../src/core/spec/parse-spec.js';
import { renderRequirements } from '../../../src/core/spec/render-requirements.js';
import { renderSpec } from '../../../src/core/spec/render-spec.js';
import { renderTasks } from '../../../src/core/spec/render-tasks.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import { expectRendered } from '../../support/expect-rendered.js';

const ROOT = 'test/fixtures/issues';

function specOf(name: string): string {
  const meta = JSON.parse(readFileSync(join(ROOT, name, 'meta.json'), 'utf8')) as { title: string; number: number };
  const issue = parseIssue(meta.title, readFileSync(join(ROOT, name, 'issue.md'), 'utf8'));
  const questions = deterministicDrafter.draftQuestions(issue) as ClarifyingQuestion[];
  const requirements = renderRequirements({
    issue,
    issueNumber: meta.number,
    issueUrl: 'u',
    branch: 'b',
    state: { issue: meta.number, questions, answers: {} },
  });
  return renderSpec(parseRequirements(requirements));
}

describe.each(readdirSync(ROOT))('tasks.md for the spec of %s', (name) => {
  const spec = parseSpec(specOf(name));
  const text = renderTasks(spec);
  const file = parseTaskFile(text, { path: 'agent-os/specs/2026-01-01-x/tasks.md' });

  it('writes tasks.md as before (pinned under test/fixtures/rendered/issues/)', () => {
    expectRendered(`issues/${name}/tasks.md`, text);
  });

  it('reads back through the task engine as Agent OS task groups, each opening with tests and closing by running them', () => {
    expect(file.dialect).toBe('agent-os');
    expect(file.diagnostics.filter((d) => d.code !== 'no-tasks')).toEqual([]);
    const groups = file.groups.filter((g) => g.tasks.length > 0);
    expect(groups.length).toBeGreaterThanOrEqual(1);
    expect(groups[groups.length - 1]?.title).toMatch(/Test Review and Gap Analysis$/);
    for (const group of groups.slice(0, -1)) {
      const tasks = group.tasks.map((i) => file.tasks[i]);
      expect(tasks[1]?.text).toMatch(/^Write 2-8 focused tests for Specific Requirements? [\d, ]+$/);
      expect(tasks[tasks.length - 1]?.text).toMatch(/tests pass$/);
    }
    expect(text).toContain(`Total Tasks: ${file.tasks.length}\n`);
  });

  it('traces every specific requirement to a task, and keeps every acceptance criterion', () => {
    for (const r of spec.requirements) {
      expect(file.tasks.filter((t) => t.text.startsWith(`Implement Specific Requirement ${r.number}: `))).toHaveLength(
        1,
      );
    }
    for (const a of spec.acceptance) expect(text).toContain(`- ${a.text}\n`);
  });
});

describe('declared scope', () => {
  it('reads `Implements:` lines, not in code or comments', () => {
    expect(findDeclaredScope('Adds invites.\n\nImplements: Task Group 1, 3')).toEqual(['1', '3']);
    expect(findDeclaredScope('implements: task groups 2 and 4')).toEqual(['2', '4']);
    expect(findDeclaredScope('```\nImplements: Task Group 1\n```\n<!-- Implements: 2 -->')).toBeUndefined();
    expect(findDeclaredScope('Implements: the whole thing')).toBeUndefined();
  });

  it('sets the line in place, or adds it, changing nothing else', () => {
    expect(setScopeLine('Body\n\nImplements: Task Group 1\n\nMore', ['2', '3'])).toBe(
      'Body\n\nImplements: Task Groups 2, 3\n\nMore',
    );
    expect(setScopeLine('Body text', ['1'])).toBe('Body text\n\nImplements: Task Group 1');
    expect(setScopeLine(null, ['1'])).toBe('Implements: Task Group 1');
  });
});
