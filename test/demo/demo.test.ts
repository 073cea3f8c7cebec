import { describe, expect, it } from '@jest/globals';
import { wrap, WIDTH } from '../../demo/wrap-line.js';
import { runNode } from '../../support/run-node.js';

describe('wrap', () => {
  it('keeps a short line, and breaks a long one at spaces under its prefix', () => {
    expect(wrap('  ✓ short')).toEqual(['  ✓ short']);
    const quoted = `    │ ${'word '.repeat(30).trim()}`;
    const lines = wrap(quoted, 40);
    expect(lines.every((l) => l.length <= 40 && l.startsWith('    │ '))).toBe(true);
    expect(lines.map((l) => l.slice(6)).join(' ')).toBe('word '.repeat(30).trim());
    const step = wrap(`    ✓ ${'x'.repeat(20)} ${'y'.repeat(20)}`, 30);
    expect(step).toEqual([`    ✓ ${'x'.repeat(20)}`, `      ${'y'.repeat(20)}`]);
  });

  it('cuts a word longer than a line (a long link) where the line ends', () => {
    const lines = wrap(`  → ${'h'.repeat(70)}`, 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(`→${'h'.repeat(70)}`);
  });
});

describe('npm run demo', () => {
  it('plays all six phases, the gate and the merge that ticks the roadmap, in lines of at most 100 columns', async () => {
    const { code, stdout, stderr } = await runNode(['scripts/demo.mjs']);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.filter((l) => l.length > WIDTH)).toEqual([]);
    const steps = lines.filter((l) => l.startsWith('▶ ')).map((l) => l.replace(/ [0-9a-f]{7} “.*$/, ''));
    expect(steps).toEqual([
      '▶ @mara opens issue #11 “Teamspace: the product”',
      '▶ @mara comments /plan-product on #11',
      '▶ @mara merges PR #13',
      '▶ @mara opens issue #12 “Team invites by email”',
      '▶ @mara labels issue #12 “shape-spec”',
      '▶ @mara answers on #12 (answer 5 is “not sure”)',
      '▶ @mara answers the follow-up',
      '▶ @mara comments /write-spec on #12',
      '▶ @lee comments /create-tasks on PR #14',
      '▶ @lee comments /orchestrate-tasks on PR #14',
      '▶ @lee comments /implement-tasks 1 2 3 4 on PR #14',
      '▶ @lee pushes',
      '▶ @lee ticks 2.1 in the checklist comment on PR #14',
      '▶ @lee pushes',
      '▶ @mara merges PR #14',
      '▶ @mara merges PR #19',
    ]);
    expect(stdout).toContain('✓ opened draft PR #13 “Plan product: Teamspace”');
    expect(stdout).toContain('✓ attached it as a sub-issue of #12');
    expect(stdout).toContain('This pull request implements Task Groups 1, 2, 3, 4');
    expect(stdout).toContain('check run “Agent OS: tasks” on');
    expect(stdout).toContain('success — 23 of 23 tasks complete');
    expect(stdout).toContain('✓ closed #12 as completed');
    expect(stdout).toContain('    │ 2. [x] Team invites by email');
    expect(stdout).toContain('sub-issues 4 sub-issues, 4 closed');
  }, 180_000);
});
