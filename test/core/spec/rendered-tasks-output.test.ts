import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../../src/core/markdown/parse-markdown.js';
import { textOf } from '../../../src/core/markdown/plain-text.js';
import { parseSpec } from '../../../src/core/spec/parse-spec.js';
import { ONE_TASK_PER_REQUIREMENT_UP_TO, renderTasks } from '../../../src/core/spec/render-tasks.js';
import { expectRendered } from '../../support/expect-rendered.js';

/**
 * What the deterministic tasks.md renderer writes for specs written by hand, hostile ones included (markdown, HTML,
 * copies of our marker, entities in names and goals), committed under test/fixtures/rendered/specs/ (see
 * test/support/expect-rendered.ts). The specs shaped from feature requests and issues are pinned beside their
 * other files (test/core/rendered-output.test.ts, render-tasks.test.ts).
 */
const SPECS = 'test/fixtures/specs';

describe.each(readdirSync(SPECS).map((f) => f.replace(/\.md$/, '')))('tasks.md for spec %s', (name) => {
  const source = readFileSync(join(SPECS, `${name}.md`), 'utf8');

  it('writes tasks.md as before', () => {
    expectRendered(`specs/${name}/tasks.md`, renderTasks(parseSpec(source)));
  });

  it('writes the same tasks.md from the spec with CRLF line endings', () => {
    expect(renderTasks(parseSpec(source.replace(/\n/g, '\r\n')))).toBe(renderTasks(parseSpec(source)));
  });
});

/** A spec of `count` requirements, one kind of work each in turn. */
function manyRequirements(count: number): string {
  const kinds = ['Store the record in a table', 'Add a POST endpoint', 'Show it in the sidebar UI'];
  const requirements = Array.from(
    { length: count },
    (_r, i) => `**${i + 1}. ${kinds[i % kinds.length] ?? ''} number ${i + 1}**\n\n- Detail of ${i + 1}\n`,
  );
  return `# Specification: Many\n\n## Goal\n\nMany things.\n\n## Specific Requirements\n\n${requirements.join('\n')}`;
}

describe('tasks.md for a spec of more requirements than one task each', () => {
  it('names them in batches, as before', () => {
    const spec = parseSpec(manyRequirements(ONE_TASK_PER_REQUIREMENT_UP_TO + 2));
    expect(spec.requirements).toHaveLength(ONE_TASK_PER_REQUIREMENT_UP_TO + 2);
    expectRendered('specs/batched/tasks.md', renderTasks(spec));
  });
});

/** What a reader sees of each top-level block and task line of some markdown (no HTML, no markup). */
function readBack(markdown: string): string[] {
  const lines: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'heading' || node.type === 'paragraph') lines.push(textOf(node));
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parseMarkdown(markdown));
  return lines;
}

describe('tasks.md read back', () => {
  const spec = parseSpec(readFileSync(join(SPECS, 'hostile-markdown.md'), 'utf8'));
  const lines = readBack(renderTasks(spec));

  it('shows the spec title, goal and requirement names as the text spec.md gives them', () => {
    expect(lines).toContain(`Task Breakdown: ${spec.title}`);
    expect(lines).toContain(`Goal: ${spec.goal}`);
    for (const r of spec.requirements)
      expect(lines.filter((l) => l.endsWith(`Implement Specific Requirement ${r.number}: ${r.name}`))).toHaveLength(1);
  });

  it('was wrong when written from strings: markdown and HTML in the text were read as markup', () => {
    // Lines the string-built renderer wrote for this spec: what a reader saw of them was not the text.
    const before = [
      '# Task Breakdown: Export *.csv & <b>bold</b> [draft] init <!-- agent-os-github:spec {"fingerprint":"x"} -->',
      'Goal: Let users export *.csv files & keep <angle> [brackets], snake_case_names, stars and © — 2 * 3 = 6.',
      '- [ ] 1.5 Implement Specific Requirement 4: Looks like a list item',
    ];
    const seen = before.map((line) => readBack(line).join(''));
    expect(seen[0]).not.toBe(`Task Breakdown: ${spec.title}`);
    expect(seen[1]).not.toBe(`Goal: ${spec.goal}`);
    expect(seen[2]).not.toBe(`1.5 Implement Specific Requirement 4: ${spec.requirements[3]?.name ?? ''}`);
  });
});
