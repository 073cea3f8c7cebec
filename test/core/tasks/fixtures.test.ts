import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildValidationReport } from '../../../src/core/report/build-validation-report.js';
import { parseTaskFile } from '../../../src/core/tasks/parse-task-file.js';

interface Expected {
  file: string;
  dialect: string;
  tasks: number;
  required: number;
  complete: number;
  incomplete: Array<{ line: number; id?: string; state: string }>;
  groups: Array<{ title: string; tasks: number; required: number; complete: number }>;
  diagnostics: Array<{ line: number; code: string }>;
}

const ROOT = join('test', 'fixtures', 'tasks');
const fixtures = readdirSync(ROOT).sort();

describe('task files of every dialect (test/fixtures/tasks/*: the task file and expected.json, worked out by hand)', () => {
  it('has fixtures for every dialect', () => {
    const dialects = new Set(
      fixtures.map((f) => (JSON.parse(readFileSync(join(ROOT, f, 'expected.json'), 'utf8')) as Expected).dialect),
    );
    expect([...dialects].sort()).toEqual(['agent-os', 'bmad', 'gfm', 'kiro', 'openspec', 'spec-kit', 'spec-workflow']);
  });

  it.each(fixtures)('%s', (fixture) => {
    const expected = JSON.parse(readFileSync(join(ROOT, fixture, 'expected.json'), 'utf8')) as Expected;
    const source = readFileSync(join(ROOT, fixture, expected.file), 'utf8');
    const [report] = buildValidationReport([
      { path: expected.file, file: parseTaskFile(source, { path: expected.file }) },
    ]).files;

    expect({
      dialect: report?.dialect,
      tasks: report?.tasks,
      required: report?.required,
      complete: report?.complete,
      incomplete: report?.incomplete.map(({ line, id, state }) =>
        id === undefined ? { line, state } : { line, id, state },
      ),
      groups: report?.groups.map(({ title, tasks, required, complete }) => ({ title, tasks, required, complete })),
      diagnostics: report?.diagnostics.map(({ line, code }) => ({ line, code })),
    }).toEqual({
      dialect: expected.dialect,
      tasks: expected.tasks,
      required: expected.required,
      complete: expected.complete,
      incomplete: expected.incomplete,
      groups: expected.groups,
      diagnostics: expected.diagnostics,
    });
  });
});
