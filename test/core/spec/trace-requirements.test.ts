import { describe, expect, it } from '@jest/globals';
import { applyTraceability } from '../../../src/core/check/apply-traceability.js';
import type { GateReport, TaskFileRead } from '../../../src/core/check/gate-types.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';
import { referencedRequirements, traceRequirements } from '../../../src/core/spec/trace-requirements.js';

const SPEC = [
  '# Specification: Invites',
  '',
  '## Specific Requirements',
  '',
  '**1. Owners can invite people by email**',
  '',
  '- Owners can invite people by email',
  '',
  '**2. Invites expire after 7 days**',
  '',
  '- Invites expire after 7 days',
  '',
  '**3. Pending invites can be revoked**',
  '',
  '- Pending invites can be revoked',
  '',
].join('\n');

const TASKS = [
  '#### Task Group 1: Core Logic',
  '',
  '- [ ] 1.0 Complete the core logic',
  '  - [ ] 1.1 Implement Specific Requirement 1: Owners can invite people by email',
  '  - [ ] 1.2 Expire invites',
  '    - _Requirements: 2.1, 2.2_',
  '',
  '```markdown',
  '- [ ] 9.9 Implement Specific Requirement 3: in a code fence, not a task',
  '```',
  '',
  '<!-- - [ ] Implement Specific Requirement 3 -->',
  '',
  'Specific Requirement 3 is mentioned in prose, which is not a task.',
  '',
].join('\n');

describe('traceRequirements', () => {
  it('reads the requirements tasks name, by number or by a Kiro-style Requirements line, only in tasks', () => {
    expect([...referencedRequirements(TASKS)].sort()).toEqual([1, 2]);
  });

  it('names each requirement no task names, with its line in spec.md', () => {
    expect(traceRequirements(SPEC, TASKS)).toEqual({
      requirements: 3,
      untraced: [{ number: 3, name: 'Pending invites can be revoked', line: 13 }],
    });
    expect(traceRequirements(SPEC, `${TASKS}\n- [ ] 2.0 Revoke\n  - Requirements: 3\n`).untraced).toEqual([]);
  });
});

describe('applyTraceability', () => {
  const report: GateReport = {
    conclusion: 'success',
    title: '2 of 2 tasks complete',
    summary: 'All done.',
    annotations: [],
    counts: { tasks: 2, required: 2, complete: 2 },
    incomplete: 0,
  };
  const reads: TaskFileRead[] = [
    {
      path: 'agent-os/specs/x/tasks.md',
      status: 'read',
      file: parseTaskFile(TASKS, { path: 'agent-os/specs/x/tasks.md' }),
      trace: {
        ...traceRequirements(SPEC, TASKS),
        specPath: 'agent-os/specs/x/spec.md',
        tasksPath: 'agent-os/specs/x/tasks.md',
      },
    },
  ];
  const link = (path: string, line?: number) => (line === undefined ? `\`${path}\`` : `\`${path}:${line}\``);

  it('warns by default: an annotation on the requirement line and a summary line, the conclusion kept', () => {
    const warned = applyTraceability(report, reads, 'warn', link);
    expect(warned.conclusion).toBe('success');
    expect(warned.title).toBe('2 of 2 tasks complete');
    expect(warned.annotations).toEqual([
      expect.objectContaining({
        path: 'agent-os/specs/x/spec.md',
        line: 13,
        level: 'warning',
        title: 'Requirement 3 has no task',
      }),
    ]);
    expect(warned.summary).toContain(
      '**Traceability** (`agent-os/specs/x/spec.md`): requirement 3 has no task (a warning: `gate.traceability: warn`).',
    );
    expect(warned.summary).toContain(
      '- `agent-os/specs/x/spec.md:13` Specific Requirement 3: Pending invites can be revoked',
    );
  });

  it('fails the check with "requirement 3 has no task" when set to fail, and does nothing when off', () => {
    const failed = applyTraceability(report, reads, 'fail', link);
    expect(failed.conclusion).toBe('failure');
    expect(failed.title).toBe('2 of 2 tasks complete; requirement 3 has no task');
    expect(failed.annotations[0]?.level).toBe('failure');
    expect(applyTraceability(report, reads, 'off', link)).toBe(report);
  });
});
