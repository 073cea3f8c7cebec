import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createWaiter } from '../../../support/wait-until.js';
import { freePort } from './free-port.js';

export interface ProbotProcess {
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves once `ready()` holds, checked each time the server prints. */
  until: (ready: () => boolean) => Promise<void>;
  stop: () => Promise<void>;
}

const PROBOT_BIN = resolve('node_modules/probot/bin/probot.js');

export interface ProbotProcessOptions {
  /** The folder to run in (default: a fresh one holding this repository's `app.yml` and `package.json`). */
  folder?: string;
  /** What `node` runs (default: Probot's `run ./lib/app/index.js`, which `npm start` runs). */
  args?: string[];
}

/**
 * `probot run ./lib/app/index.js`, as `npm start` runs it, by default in a fresh folder holding this repository's
 * `app.yml` and `package.json` (no `.env`: Probot lets a `.env` override the environment, and a developer's own must
 * not leak in). Resolves once the server answers HTTP.
 */
export async function startProbotProcess(
  env: Record<string, string>,
  options: ProbotProcessOptions = {},
): Promise<ProbotProcess> {
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'agent-os-probot-'));
  if (options.folder === undefined) {
    copyFileSync('app.yml', join(folder, 'app.yml'));
    copyFileSync('package.json', join(folder, 'package.json'));
  }
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn('node', options.args ?? [PROBOT_BIN, 'run', './lib/app/index.js'], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: folder,
      NO_PROXY: '127.0.0.1',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = createWaiter();
  const print = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    printed.wake();
  };
  child.stdout?.on('data', print);
  child.stderr?.on('data', print);
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const state = { running: true };
  void exited.then(() => (state.running = false));
  // Ready when it answers; if it exits first, say what it printed.
  for (;;) {
    if (!state.running) {
      if (options.folder === undefined) rmSync(folder, { recursive: true, force: true });
      throw new Error(`probot run exited before listening:\n${output}`);
    }
    try {
      await fetch(`${url}/ping`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    output: () => output,
    until: printed.until,
    stop: async () => {
      if (state.running) {
        child.kill('SIGTERM');
        await exited;
      }
      if (options.folder === undefined) rmSync(folder, { recursive: true, force: true });
    },
  };
}
