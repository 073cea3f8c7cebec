import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { planOrchestration } from '../../src/core/orchestration/orchestration-file.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { runNode } from '../../support/run-node.js';

const FIXTURES = resolve('test/fixtures/orchestration');
const FOLDER = 'agent-os/specs/2026-03-02-team-invites';
const PROMPTS = [
  `${FOLDER}/implementation/prompts/1-data-models-and-migrations.md`,
  `${FOLDER}/implementation/prompts/2-invitation-endpoints.md`,
  `${FOLDER}/implementation/prompts/3-invite-ui.md`,
  `${FOLDER}/implementation/prompts/4-test-review-and-gap-analysis.md`,
];
const NEXT = [
  '',
  'Set claude_code_subagent, standards and assignees per task group in orchestration.yml, then run this again to update the prompts.',
  `Run a prompt with your coding agent, e.g. claude "$(cat ${PROMPTS[0] ?? ''})"`,
  '',
];

let outer: string;
/** The CLI, bundled from the source as `npm run bundle` does, so this tests the code as it is now. */
let bin: string;

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'agent-os-cli-orchestrate-'));
  bin = join(outer, 'cli.mjs');
  await build({
    entryPoints: ['src/cli/index.ts'],
    outfile: bin,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
});

afterAll(async () => {
  await rm(outer, { recursive: true, force: true });
});

async function newRepo(name: string): Promise<string> {
  const repo = join(outer, name);
  await mkdir(repo);
  return repo;
}

async function put(repo: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

function read(repo: string, path: string): Promise<string> {
  return readFile(join(repo, path), 'utf8');
}

function fixture(name: string): Promise<string> {
  return readFile(join(FIXTURES, name), 'utf8');
}

function cli(args: string[], cwd: string) {
  return runNode([bin, ...args], { cwd });
}

describe('agent-os-github orchestrate-tasks SPEC_FOLDER', () => {
  let repo: string;
  let tasks: string;

  beforeAll(async () => {
    repo = await newRepo('team-invites');
    tasks = await fixture('team-invites-tasks.md');
    await put(repo, `${FOLDER}/tasks.md`, tasks);
    await put(repo, `${FOLDER}/planning/visuals/invite-modal.png`, 'png');
  });

  it('writes orchestration.yml and one implementation prompt per task group, and says what it wrote', async () => {
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result).toEqual({
      code: 0,
      stdout: [`Wrote ${FOLDER}/orchestration.yml (4 task groups)`, ...PROMPTS.map((p) => `Wrote ${p}`), ...NEXT].join(
        '\n',
      ),
      stderr: '',
    });
    expect(await read(repo, `${FOLDER}/orchestration.yml`)).toBe(planOrchestration(parseTaskFile(tasks)).text);
    expect((await readdir(join(repo, FOLDER, 'implementation/prompts'))).sort()).toEqual(
      PROMPTS.map((p) => p.slice(p.lastIndexOf('/') + 1)),
    );

    const prompt = await read(repo, PROMPTS[1] ?? '');
    expect(
      prompt.startsWith(
        "# Implement Task Group 2: Invitation Endpoints\n\nWe're continuing our implementation of Team Invites by implementing task group number 2",
      ),
    ).toBe(true);
    expect(prompt).toContain(
      '- [ ] 2.0 Complete API layer\n  - [x] 2.1 Write 2-8 focused tests for the invitations controller\n  - [-] 2.2 Create',
    );
    expect(prompt).toContain(`Read @${FOLDER}/spec.md to understand the context`);
    expect(prompt).toContain(`- @${FOLDER}/planning/visuals/invite-modal.png\n`);
    expect(prompt).toContain('Follow the standards in @agent-os/standards/ that apply to this work');
  });

  it('changes nothing when run again', async () => {
    const before = await Promise.all([`${FOLDER}/orchestration.yml`, ...PROMPTS].map((p) => read(repo, p)));
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `Unchanged ${FOLDER}/orchestration.yml (4 task groups)`,
        ...PROMPTS.map((p) => `Unchanged ${p}`),
        ...NEXT,
      ].join('\n'),
      stderr: '',
    });
    expect(await Promise.all([`${FOLDER}/orchestration.yml`, ...PROMPTS].map((p) => read(repo, p)))).toEqual(before);
  });

  it("keeps a person's orchestration.yml as written, puts its subagents and standards in the prompts, and warns about a bad login", async () => {
    const edited = await fixture('person-edited-orchestration.yml');
    await put(repo, `${FOLDER}/orchestration.yml`, edited);
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `Unchanged ${FOLDER}/orchestration.yml (4 task groups)`,
        ...PROMPTS.map((p) => `Wrote ${p}`),
        ...NEXT,
      ].join('\n'),
      stderr: [
        'warning: orchestration.yml line 17: `task_groups[1].notes` is not a key of a task group: it is kept as written but does nothing; the keys are `name`, `number`, `claude_code_subagent`, `standards`, `assignees`, `assignee`.',
        'warning: orchestration.yml line 16: `not a login!` is not a GitHub login (letters, digits and single hyphens, at most 39 characters); it is left out.',
        '',
      ].join('\n'),
    });
    expect(await read(repo, `${FOLDER}/orchestration.yml`)).toBe(edited);
    const prompt = await read(repo, PROMPTS[1] ?? '');
    expect(prompt).toContain('Delegate this work to the `api-engineer` subagent');
    expect(prompt.endsWith('\n@agent-os/standards/global/\n@agent-os/standards/backend/api.md\n')).toBe(true);
  });

  it('names a misspelt key and a value of the wrong type back with the key, and keeps the file as written', async () => {
    const typo = [
      'task_groups:',
      '  - name: Data Models and Migrations',
      '    asignees: [ana-dev]',
      '    standards: 5',
      '',
    ].join('\n');
    await put(repo, `${FOLDER}/orchestration.yml`, typo);
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        'warning: orchestration.yml line 3: `task_groups[0].asignees` is not a key of a task group (did you mean `assignees`?): it is kept as written but does nothing; the keys are `name`, `number`, `claude_code_subagent`, `standards`, `assignees`, `assignee`.',
        'warning: orchestration.yml line 4: `task_groups[0].standards` should be a list of standards such as `global/*` or `backend/api.md`; found the number 5, which is ignored.',
      ]),
    );
    const prompt = await read(repo, PROMPTS[0] ?? '');
    expect(prompt).not.toContain('@agent-os/standards/5');
  });

  it('leaves an orchestration.yml that is not valid YAML as it is, with a warning, and still writes the prompts', async () => {
    const malformed = await fixture('malformed-orchestration.yml');
    await put(repo, `${FOLDER}/orchestration.yml`, malformed);
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Unchanged ${FOLDER}/orchestration.yml (4 task groups)`);
    expect(result.stderr).toMatch(
      /^warning: orchestration\.yml could not be read as YAML \(line \d+\): .+ It is left as it is: fix it, or delete it to have it written again from tasks\.md\.\n$/,
    );
    expect(await read(repo, `${FOLDER}/orchestration.yml`)).toBe(malformed);
  });

  it('warns about the prompt of a group tasks.md no longer has', async () => {
    await rm(join(repo, FOLDER, 'orchestration.yml'));
    await put(repo, `${FOLDER}/tasks.md`, tasks.replace('Task Group 3: Invite UI', 'Task Group 3: Invite Dialog'));
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote ${FOLDER}/implementation/prompts/3-invite-dialog.md\n`);
    expect(result.stderr).toBe(
      `warning: ${FOLDER}/implementation/prompts/3-invite-ui.md is the prompt of no task group in tasks.md any more; delete it if it is stale.\n`,
    );
  });
});

describe('agent-os-github orchestrate-tasks and the repository settings', () => {
  it("reads tasks.md with the configured skip_markers, as the App's orchestrate-tasks does", async () => {
    const repo = await newRepo('skip-markers');
    await put(repo, '.github/agent-os.yml', 'skip_markers: ["LATER"]\n');
    // Task Group 1's last task is left for later: the group counts as complete, so group 2 builds on a finished one.
    const tasks = (await fixture('team-invites-tasks.md')).replace(
      '- [x] 1.4 Ensure database layer tests pass',
      '- [ ] 1.4 Ensure database layer tests pass (LATER)',
    );
    await put(repo, `${FOLDER}/tasks.md`, tasks);
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result.code).toBe(0);
    const prompt = await read(repo, PROMPTS[1] ?? '');
    expect(prompt).toContain('- Task Group 1: Data Models and Migrations (complete)');

    // Without the setting the same task is required, and group 1 is not complete yet.
    await rm(join(repo, '.github'), { recursive: true });
    expect((await cli(['orchestrate-tasks', FOLDER], repo)).code).toBe(0);
    expect(await read(repo, PROMPTS[1] ?? '')).toContain(
      '- Task Group 1: Data Models and Migrations (not complete yet: build on what is there, and do not implement its tasks here)',
    );
  });
});

describe('agent-os-github orchestrate (the short name of orchestrate-tasks)', () => {
  it('runs the same command', async () => {
    const repo = await newRepo('alias');
    await put(repo, `${FOLDER}/tasks.md`, await fixture('team-invites-tasks.md'));
    const result = await cli(['orchestrate', FOLDER], repo);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Wrote ${FOLDER}/orchestration.yml (4 task groups)`);
  });
});

describe('agent-os-github orchestrate-tasks, run inside the spec folder', () => {
  it('names the files relative to it', async () => {
    const repo = await newRepo('twelve');
    await put(repo, 'tasks.md', await fixture('twelve-groups-tasks.md'));
    const result = await cli(['orchestrate-tasks', '.'], repo);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Wrote orchestration.yml (12 task groups)');
    expect(lines.slice(1, 13).map((l) => l.replace(/^Wrote implementation\/prompts\//, ''))).toEqual([
      '1-project-setup.md',
      '2-user-accounts.md',
      '3-sessions-and-login.md',
      '4-password-reset.md',
      '5-team-model.md',
      '6-invitations.md',
      '7-billing-plans.md',
      '8-payment-webhooks.md',
      '9-dashboard-ui.md',
      '10-settings-pages.md',
      '11-deployment-pipeline.md',
      '12-test-review-and-gap-analysis.md',
    ]);
    const prompt = await read(repo, 'implementation/prompts/12-test-review-and-gap-analysis.md');
    expect(prompt).toContain(
      "We're continuing our implementation of Workspace Platform by implementing task group number 12",
    );
    expect(prompt).toContain('Read @spec.md to understand the context');
    expect(prompt).toContain('- @planning/requirements.md\n- @tasks.md (the whole task list');
  });
});

describe('agent-os-github orchestrate-tasks, on bad input', () => {
  it('exits 2 when the folder has no tasks.md', async () => {
    const repo = await newRepo('empty');
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: ${FOLDER}/tasks.md does not exist: SPEC_FOLDER must be a spec folder with tasks.md (write one with \`agent-os-github create-tasks SPEC_FOLDER\`).\n`,
    });
    expect(await readdir(repo)).toEqual([]);
  });

  it('exits 2 when tasks.md has no task groups, and writes nothing', async () => {
    const repo = await newRepo('no-groups');
    await put(repo, `${FOLDER}/tasks.md`, '# Task Breakdown: Nothing yet\n\n```md\n- [ ] 1.0 only an example\n```\n');
    const result = await cli(['orchestrate-tasks', FOLDER], repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `agent-os-github: ${FOLDER}/tasks.md has no task groups: it has no task boxes (\`- [ ] 1.0 …\` under \`#### Task Group 1: …\`). Write its tasks first, e.g. with \`agent-os-github create-tasks SPEC_FOLDER --force\`.\n`,
    );
    expect(await readdir(join(repo, FOLDER))).toEqual(['tasks.md']);
  });

  it('exits 2 without a SPEC_FOLDER', async () => {
    const repo = await newRepo('no-argument');
    const result = await cli(['orchestrate-tasks'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'spec-folder'");
  });
});
