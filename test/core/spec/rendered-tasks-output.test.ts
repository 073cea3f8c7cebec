import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
