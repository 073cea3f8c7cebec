/**
 * An Agent OS tasks.md of `taskCount` tasks: groups of ten (a parent and nine subtasks, two in three ticked),
 * each with dependencies and acceptance criteria, as create-tasks writes them.
 */
export function agentOsTasks(taskCount: number, title = 'Benchmark'): string {
  const lines = [`# Task Breakdown: ${title}`, '', '## Task List', ''];
  const perGroup = 10;
  for (let g = 1; g <= Math.ceil(taskCount / perGroup); g += 1) {
    lines.push(`#### Task Group ${g}: Layer ${g}`, '**Dependencies:** None', '', `- [ ] ${g}.0 Complete layer ${g}`);
    for (let t = 1; t < perGroup; t += 1)
      lines.push(
        `  - [${t % 3 === 0 ? ' ' : 'x'}] ${g}.${t} Do **step** ${t} of layer ${g} in \`src/layer${g}/step${t}.ts\``,
      );
    lines.push('', '**Acceptance Criteria:**', '- The tests of this group pass', '');
  }
  return lines.join('\n');
}
