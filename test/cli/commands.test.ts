import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runNode } from '../../support/run-node.js';

const BIN = resolve('bin/agent-os-github.js');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const COMMANDS = 'validate, shape-spec, write-spec, create-tasks, orchestrate-tasks, plan-product';

describe('agent-os-github: command names and help', () => {
  it('names its commands as the App names its phases, with the short names as aliases', async () => {
    const help = await runNode([BIN, '--help']);
    expect(help.code).toBe(0);
    for (const line of [
      'shape-spec|shape ',
      'write-spec ',
      'create-tasks ',
      'orchestrate-tasks|orchestrate ',
      'plan-product ',
      'validate ',
    ]) {
      expect(help.stdout).toContain(`  ${line}`);
    }
  });

  it('prints its version with --version and -V', async () => {
    expect(await runNode([BIN, '--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect((await runNode([BIN, '-V'])).stdout).toBe(`${VERSION}\n`);
  });

  it('names the nearest command for a slip of the keyboard, with exit 2', async () => {
    expect(await runNode([BIN, 'shap', 'issue.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: unknown command 'shap'. Did you mean \`agent-os-github shape-spec\`? The commands are ${COMMANDS}.\n`,
    });
    expect((await runNode([BIN, 'orchestrate-task', 'x'])).stderr).toContain(
      'Did you mean `agent-os-github orchestrate-tasks`?',
    );
    expect((await runNode([BIN, 'valdate'])).stderr).toContain('Did you mean `agent-os-github validate`?');
  });

  it('lists the commands when nothing is near', async () => {
    expect(await runNode([BIN, 'deploy'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `agent-os-github: unknown command 'deploy'. The commands are ${COMMANDS} (run \`agent-os-github --help\` for what each does).\n`,
    });
  });
});
