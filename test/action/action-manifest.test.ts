import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import {
  ACTION_INPUTS,
  CHECKLIST_COMMENT_DEFAULT,
  GATE_OUTPUTS,
  LIFECYCLE_OUTPUTS,
  PHASE_VALUES,
} from '../../src/action/action-io.js';

interface ActionManifest {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

interface Workflow {
  /** Absent in a snippet that shows only the permissions and the step. */
  on?: Record<string, unknown> | string[];
  permissions?: Record<string, string>;
  jobs?: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionManifest;

/** The YAML code blocks of a markdown page, as a reader copies them. */
function yamlBlocks(path: string): string[] {
  const tree = unified().use(remarkParse).parse(readFileSync(path, 'utf8'));
  return tree.children.filter((n): n is Code => n.type === 'code' && n.lang === 'yaml').map((n) => n.value);
}

/** The steps of a workflow that run this Action. */
function ourSteps(workflow: Workflow) {
  return Object.values(workflow.jobs ?? {})
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses === './' || step.uses?.startsWith('agent-os-github/agent-os-github@') === true);
}

const events = (workflow: Workflow) =>
  workflow.on === undefined ? [] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);

describe('action.yml holds to the code', () => {
  it('has a description the Marketplace shows whole (at most 125 characters) that names the six phases', () => {
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.description).toContain('six Agent OS phases');
    expect(action.name.length).toBeGreaterThan(0);
    expect(action.branding).toEqual({ icon: 'check-square', color: 'green' });
  });

  it('declares exactly the inputs the Action reads, with the defaults it assumes', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(ACTION_INPUTS).sort());
    expect(action.inputs[ACTION_INPUTS.githubToken]).toMatchObject({ default: '${{ github.token }}', required: false });
    expect(action.inputs[ACTION_INPUTS.checklistComment]).toMatchObject({
      default: String(CHECKLIST_COMMENT_DEFAULT),
      required: false,
    });
  });

  it('declares exactly the outputs the Action sets, and names every value of `phase`', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...GATE_OUTPUTS, ...LIFECYCLE_OUTPUTS].sort());
    const phase = action.outputs.phase?.description ?? '';
    for (const value of PHASE_VALUES) expect(phase).toMatch(new RegExp(`\\b${value}\\b`));
  });

  it('says which permissions the token needs, including for opening pull requests', () => {
    const token = action.inputs[ACTION_INPUTS.githubToken]?.description ?? '';
    expect(token).toContain('pull-requests write');
    expect(token).toContain('allows GitHub Actions to create pull requests');
  });
});

/** Every page a reader may copy a workflow from: the README and each markdown page under docs/. */
const pages = [
  'README.md',
  ...readdirSync('docs', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
].sort();

describe('the documented workflows agree with the defaults', () => {
  const documented = pages
    .flatMap(yamlBlocks)
    .map((text) => parse(text) as Workflow | null)
    .filter((w): w is Workflow => w !== null && typeof w === 'object' && ourSteps(w).length > 0);
  const ours = parse(readFileSync('.github/workflows/tasks-gate.yml', 'utf8')) as Workflow;

  it('pin the major version, never a branch', () => {
    const pins = documented.flatMap(ourSteps).map((s) => s.uses);
    expect(pins.length).toBeGreaterThanOrEqual(4);
    for (const pin of pins) expect(pin).toBe('agent-os-github/agent-os-github@v1');
    for (const page of pages) expect(readFileSync(page, 'utf8')).not.toContain('agent-os-github/agent-os-github@main');
  });

  it('grant pull-requests: write wherever the gate runs with the checklist comment on (its default)', () => {
    const gates = [...documented, ours].filter((w) => w.permissions !== undefined && ourSteps(w).length > 0);
    expect(gates.length).toBeGreaterThanOrEqual(4);
    for (const workflow of gates) {
      const checklistOn = ourSteps(workflow).some((s) =>
        s.with?.['checklist-comment'] === undefined ? CHECKLIST_COMMENT_DEFAULT : s.with['checklist-comment'] !== false,
      );
      const gated = workflow.on === undefined || events(workflow).includes('pull_request');
      if (gated && checklistOn) expect(workflow.permissions?.['pull-requests']).toBe('write');
      else expect(workflow.permissions?.['pull-requests']).toMatch(/^(read|write)$/);
    }
  });
});
