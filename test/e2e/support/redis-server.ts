// A throwaway Redis server for one test file: Debian's `redis-server` binary, started on a free 127.0.0.1 port with
// nothing persisted, stopped when the file is done. No system service, no shared state between runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './app-stage.js';

/** How to get `redis-server`, for the message of a test that skips or fails without it. */
export const INSTALL_REDIS =
  'Install it to run this test: `sudo apt-get install redis-server` (Debian/Ubuntu; the package starts a system service, ' +
  'which the test does not use), `brew install redis` (macOS). CI (.ci/run) installs it and sets AGENT_OS_REQUIRE_REDIS=1.';

/** The path of the `redis-server` executable on PATH, if there is one. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface RedisServer {
  port: number;
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  /** What the server printed (its log), for a failure message. */
  output: () => string;
  stop: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });
}

/** Start `redis-server` on a free port of 127.0.0.1 (no RDB snapshots, no AOF) and wait until it accepts connections. */
export async function startRedisServer(
  binary = findRedisServer() ?? 'redis-server',
  timeoutMs = 10_000,
): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      tmpdir(),
      '--daemonize',
      'no',
      '--logfile',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await done;
    clearTimeout(timer);
  };
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
      if (error === undefined) resolve();
      else
        void stop().then(() => {
          reject(error);
        });
    };
    const fail = (reason: string) => {
      settle(new Error(`redis-server on port ${String(port)} ${reason}:\n${log}`));
    };
    const onError = (error: Error) => {
      fail(`could not start (${error.message})`);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      fail(`exited early (${signal ?? `code ${String(code)}`})`);
    };
    const timer = setTimeout(() => {
      fail(`was not ready after ${String(timeoutMs)} ms`);
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      const ready = log.includes('Ready to accept connections');
      log += chunk.toString('utf8');
      if (!ready && log.includes('Ready to accept connections')) settle();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', onError);
    child.once('exit', onExit);
  });
  return { port, url: `redis://127.0.0.1:${String(port)}`, output: () => log, stop };
}
