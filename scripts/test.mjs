// `npm test`: the type check and lint, the format check, the bundle and every test, as CI runs them.
//
// The checks and the tests do not depend on each other, so they run side by side rather than one after the other:
// the type check and lint (`scripts/typecheck-and-lint.mjs`) and Prettier's check each run on one core, and Jest's
// workers spend part of their time waiting on the processes and servers they start, so together they keep both
// cores of a small CI machine busy from the start. Only the bundle comes before Jest (the contract test and the
// bundled-Action suites run the `dist/` it writes).
//
// Jest writes to the terminal as it goes; a check's output is held and printed in one piece when that check ends,
// under a line naming it. The last lines say how each step ended. Exit 0 when every step passed, 1 otherwise.
// Arguments go to Jest: `npm test -- test/core` checks everything and runs the tests under test/core.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** A package's command-line script, as its package.json names it. */
function binOf(name, command = name) {
  const manifest = require(`${name}/package.json`);
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[command];
  return join(dirname(require.resolve(`${name}/package.json`)), bin);
}

/**
 * Run `node …args` in the project's folder. `live` passes its output straight through; otherwise it is collected
 * and printed, under `name`, when the process ends.
 */
function step(name, args, { live = false, env = {} } = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const finish = (code, error) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const passed = code === 0;
      if (!live) {
        const text = Buffer.concat(output).toString();
        process.stdout.write(`\n── ${name}: ${passed ? 'passed' : 'FAILED'} (${seconds.toFixed(0)} s)\n`);
        if (text.trim() !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
      if (error) process.stdout.write(`${name} could not start: ${error.message}\n`);
      resolve({ name, passed, seconds });
    };
    child.on('error', (error) => finish(1, error));
    child.on('close', (code, signal) => finish(signal === null ? code : 1));
  });
}

const jestArgs = process.argv.slice(2);

const checks = [
  step('type check and lint', [join(root, 'scripts', 'typecheck-and-lint.mjs')]),
  step('format (prettier --check)', [binOf('prettier'), '--check', '--cache', '--log-level', 'warn', '.']),
];

async function bundleThenJest() {
  const bundle = await step('bundle (dist/)', [join(root, 'scripts', 'bundle-action.mjs')]);
  if (!bundle.passed) return [bundle, { name: 'jest', passed: false, seconds: 0, skipped: true }];
  const jest = await step('jest', [binOf('jest'), ...jestArgs], {
    live: true,
    // As `npm run jest` runs it: processes the tests start inherit the flag too.
    env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ') },
  });
  return [bundle, jest];
}

const [checked, tested] = await Promise.all([Promise.all(checks), bundleThenJest()]);
const all = [...checked, ...tested];

process.stdout.write('\nnpm test:\n');
for (const r of all) {
  const verdict = r.skipped ? 'not run (the bundle failed)' : r.passed ? 'passed' : 'FAILED';
  process.stdout.write(`  ${r.name}: ${verdict}${r.skipped ? '' : ` (${r.seconds.toFixed(0)} s)`}\n`);
}
process.exitCode = all.every((r) => r.passed) ? 0 : 1;
