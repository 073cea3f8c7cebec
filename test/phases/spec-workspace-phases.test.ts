import { beforeEach, describe, expect, it } from '@jest/globals';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../src/core/config/lifecycle-settings.js';
import { DEFAULT_GATE_SETTINGS } from '../../src/core/config/settings.js';
import { parseProductBrief } from '../../src/core/product/parse-product-brief.js';
import { productFilePaths } from '../../src/core/product/product-files.js';
import { AgentOsError } from '../../src/core/errors.js';
import { deterministicDrafter } from '../../src/core/spec/deterministic-drafter.js';
import { specLocationFor } from '../../src/core/spec/spec-location.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { createTasksFile } from '../../src/phases/create-tasks-file.js';
import { draftRequirements } from '../../src/phases/draft-requirements.js';
import type { SpecWorkspace, WorkspaceWrite } from '../../src/phases/ports/spec-workspace.js';
import { writeSpecFile } from '../../src/phases/write-spec-file.js';
import { parseOrchestrationTasks, writeOrchestrationFiles } from '../../src/phases/write-orchestration-files.js';
import { writeProductFiles } from '../../src/phases/write-product-files.js';

/** A workspace in memory, versioned like a branch: a write that replaces an older version is a conflict. */
class MemoryWorkspace implements SpecWorkspace {
  files = new Map<string, { text: string; version: string }>();
  writes: string[] = [];
  private next = 1;

  put(path: string, text: string): void {
    this.files.set(path, { text, version: `v${this.next++}` });
  }

  readFile(path: string) {
    const file = this.files.get(path);
    return Promise.resolve(file === undefined ? undefined : { ...file });
  }

  writeFile(file: {
    path: string;
    content: string;
    message: string;
    replaces?: { version?: string };
  }): Promise<WorkspaceWrite> {
    const now = this.files.get(file.path);
    if (now !== undefined && now.version !== file.replaces?.version) {
      if (now.text === file.content) return Promise.resolve({ status: 'concurrent' });
      return Promise.reject(new AgentOsError('conflict', `${file.path} changed meanwhile`));
    }
    this.writes.push(file.path);
    this.put(file.path, file.content);
    return Promise.resolve({ status: 'written', commit: `commit-${this.writes.length}` });
  }

  writeFiles(change: { files: ReadonlyArray<{ path: string; content: string }>; message: string }) {
    const written = change.files.filter((f) => this.files.get(f.path)?.text !== f.content).map((f) => f.path);
    for (const f of change.files) if (written.includes(f.path)) this.put(f.path, f.content);
    this.writes.push(...written);
    return Promise.resolve(written.length === 0 ? { written } : { written, commit: `commit-${this.writes.length}` });
  }

  readTree() {
    return Promise.resolve([...this.files.keys()]);
  }
}

const settings = DEFAULT_LIFECYCLE_SETTINGS;
const log = { info: () => undefined, warn: () => undefined };
const location = specLocationFor(
  { issueNumber: 7, title: 'Team invites by email', createdAt: '2026-03-14T09:00:00Z' },
  settings,
);
const ISSUE_BODY = [
  '## Requirements',
  '- Owners can invite people by email',
  '- Each invite link expires after 7 days',
  '',
].join('\n');
const specRequest = { ...location, force: false, message: () => 'Write spec' };
const tasksRequest = { ...location, force: false, message: () => 'Create tasks' };

let workspace: MemoryWorkspace;

beforeEach(async () => {
  workspace = new MemoryWorkspace();
  const drafted = await draftRequirements(
    { drafter: deterministicDrafter, settings, log },
    {
      issue: { number: 7, title: 'Team invites by email', body: ISSUE_BODY, url: '#7' },
      location,
      repositoryPaths: [],
    },
  );
  workspace.put(location.requirementsPath, drafted.content);
});

describe('writeSpecFile on a workspace (the write-spec phase of the App, the Action and the CLI)', () => {
  it('writes spec.md once: a second run writes nothing', async () => {
    const first = await writeSpecFile(workspace, { settings, log }, specRequest);
    expect(first.status).toBe('written');
    expect(workspace.files.get(location.specPath)?.text).toContain('## Specific Requirements');
    const again = await writeSpecFile(workspace, { settings, log }, specRequest);
    expect(again.status).toBe('unchanged');
    expect(workspace.writes).toEqual([location.specPath]);
  });

  it('keeps a spec.md edited by hand unless forced', async () => {
    await writeSpecFile(workspace, { settings, log }, specRequest);
    workspace.put(location.specPath, `${workspace.files.get(location.specPath)?.text ?? ''}\nA note of ours.\n`);
    expect((await writeSpecFile(workspace, { settings, log }, specRequest)).status).toBe('kept-edited');
    expect(workspace.writes).toHaveLength(1);
    expect((await writeSpecFile(workspace, { settings, log }, { ...specRequest, force: true })).status).toBe('updated');
    expect(workspace.files.get(location.specPath)?.text).not.toContain('A note of ours.');
  });

  it('says when requirements.md is missing, and writes nothing', async () => {
    workspace.files.delete(location.requirementsPath);
    expect(await writeSpecFile(workspace, { settings, log }, specRequest)).toEqual({ status: 'missing-requirements' });
    expect(workspace.writes).toEqual([]);
  });
});

describe('createTasksFile on a workspace (the create-tasks phase of the App, the Action and the CLI)', () => {
  beforeEach(async () => {
    await writeSpecFile(workspace, { settings, log }, specRequest);
    workspace.writes = [];
  });

  it('writes tasks.md from spec.md, keeps it on a second run, and counts what it wrote', async () => {
    const made = await createTasksFile(workspace, { settings, log }, tasksRequest);
    expect(made.status).toBe('written');
    if (made.status === 'missing-spec') throw new Error('spec.md was written above');
    const written = parseTaskFile(workspace.files.get(location.tasksPath)?.text ?? '', { path: location.tasksPath });
    expect(made.tasks).toBe(written.tasks.length);
    expect(made.commit).toBe('commit-1');
    expect((await createTasksFile(workspace, { settings, log }, tasksRequest)).status).toBe('exists');
    expect(workspace.writes).toEqual([location.tasksPath]);
  });

  it('with force, the counts are those of the tasks.md it wrote, not of the one it replaced', async () => {
    workspace.put(location.tasksPath, '# Tasks\n\n#### Task Group 1: Old\n- [ ] 1.0 The only old task\n');
    const made = await createTasksFile(workspace, { settings, log }, { ...tasksRequest, force: true });
    expect(made.status).toBe('rewritten');
    if (made.status === 'missing-spec') throw new Error('spec.md was written above');
    const written = parseTaskFile(workspace.files.get(location.tasksPath)?.text ?? '', { path: location.tasksPath });
    expect(written.tasks.length).toBeGreaterThan(1);
    expect(made.tasks).toBe(written.tasks.length);
  });

  it('says when spec.md is missing', async () => {
    workspace.files.delete(location.specPath);
    expect(await createTasksFile(workspace, { settings, log }, tasksRequest)).toEqual({ status: 'missing-spec' });
  });
});

describe('writeOrchestrationFiles on a workspace (the orchestrate-tasks files of the App, the Action and the CLI)', () => {
  const TASKS = [
    '# Task Breakdown: Team invites by email',
    '',
    '#### Task Group 1: Invites',
    '- [ ] 1.0 Send invites',
    '  - [ ] 1.1 Write tests for sending',
    '',
    '#### Task Group 2: Expiry',
    '- [ ] 2.0 Expire links',
    '',
  ].join('\n');
  const orchestrationPath = `${location.folder}/orchestration.yml`;
  const request = () => {
    const tasks = parseOrchestrationTasks(TASKS, location.tasksPath, DEFAULT_GATE_SETTINGS);
    if (tasks === undefined) throw new Error('the fixture has task groups');
    return {
      folder: location.folder,
      specPath: location.specPath,
      orchestrationPath,
      tasks,
      tasksSource: TASKS,
      existingPlan: workspace.files.get(orchestrationPath)?.text,
      links: {
        specFolder: location.folder,
        spec: location.specPath,
        requirements: location.requirementsPath,
        tasks: location.tasksPath,
        visuals: [],
      },
      specTitle: 'Team invites by email',
      message: (prompts: number) => `Orchestrate: ${prompts} prompts`,
    };
  };

  it('writes orchestration.yml and one prompt per task group at once; a second run writes nothing', async () => {
    const first = await writeOrchestrationFiles(workspace, { settings, log }, request());
    expect(first.written).toEqual([orchestrationPath, ...first.groups.map((g) => g.promptPath)]);
    expect(first.groups.map((g) => g.key)).toEqual(['1', '2']);
    const second = await writeOrchestrationFiles(workspace, { settings, log }, request());
    expect(second.written).toEqual([]);
    expect(workspace.writes).toEqual(first.written);
  });

  it('finds nothing to orchestrate in a tasks.md without a task', () => {
    expect(parseOrchestrationTasks('# Tasks\n\nNothing yet.\n', location.tasksPath, DEFAULT_GATE_SETTINGS)).toBe(
      undefined,
    );
  });
});

describe('writeProductFiles on a workspace (the plan-product files of the App, the Action and the CLI)', () => {
  const paths = productFilePaths(settings.specRoot);
  const brief = parseProductBrief(
    'Invites',
    [
      '## Pitch',
      'Invites helps teams bring people in by email.',
      '## Users',
      '- Team owners',
      '## The Problem',
      'Adding people by hand is slow.',
      '## Key Features',
      '- Invite: send an invite by email',
      '- Expiry: links expire after 7 days',
      '- Revoke: take an invite back',
      '',
    ].join('\n'),
  );
  const request = (replace: boolean, withBrief = true) => ({
    brief: withBrief ? brief : undefined,
    issueBody: '',
    stack: [],
    paths,
    replace,
    message: () => 'Plan product',
  });

  it('writes the three files at once, then nothing on a second run', async () => {
    const first = await writeProductFiles(workspace, { tree: workspace }, { settings, log }, request(false));
    expect(first).toMatchObject({ status: 'written', written: [paths.mission, paths.roadmap, paths.techStack] });
    const second = await writeProductFiles(workspace, { tree: workspace }, { settings, log }, request(false));
    expect(second).toMatchObject({ status: 'written', written: [] });
  });

  it('without a brief, writes tech-stack.md alone', async () => {
    const written = await writeProductFiles(workspace, { tree: workspace }, { settings, log }, request(false, false));
    expect(written).toMatchObject({ status: 'written', written: [paths.techStack] });
  });

  it('keeps a file edited by hand unless told to replace it, and then writes only what changes', async () => {
    await writeProductFiles(workspace, { tree: workspace }, { settings, log }, request(false));
    workspace.put(paths.mission, '# Our own mission\n');
    workspace.writes = [];
    expect(await writeProductFiles(workspace, { tree: workspace }, { settings, log }, request(false))).toEqual({
      status: 'exists',
      paths: [paths.mission],
    });
    expect(workspace.writes).toEqual([]);
    const replaced = await writeProductFiles(workspace, { tree: workspace }, { settings, log }, request(true));
    expect(replaced).toMatchObject({ status: 'written', written: [paths.mission] });
  });
});
