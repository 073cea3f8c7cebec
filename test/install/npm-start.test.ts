// `npm start` runs the App from lib/ at once when lib/ is up to date, and compiles first only when a source (or the
// TypeScript settings) changed since; `npm run dev` watches. Run on a small copy of the repository's layout (the
// real scripts, one source file, node_modules linked), with file times set by the test, never read from a clock.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runNode } from '../../support/run-node.js';
import { TEST_PRIVATE_KEY } from '../../support/test-probot.js';
import { startProbotProcess } from './support/probot-process.js';

let root: string;
const OLD = new Date('2026-01-01T10:00:00Z');
const NEW = new Date('2026-01-01T11:00:00Z');

function write(path: string, text: string, time: Date): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, time, time);
}

const check = () => runNode([join(root, 'scripts/start.mjs'), '--check']);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'agent-os-start-'));
  mkdirSync(join(root, 'scripts'));
  for (const script of ['start.mjs', 'dev.mjs', 'lib-freshness.mjs'])
    copyFileSync(join('scripts', script), join(root, 'scripts', script));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  copyFileSync('app.yml', join(root, 'app.yml'));
  copyFileSync('package.json', join(root, 'package.json'));
  write('tsconfig.json', readFileSync('tsconfig.json', 'utf8'), OLD);
  write('tsconfig.build.json', readFileSync('tsconfig.build.json', 'utf8'), OLD);
  write('src/app/index.ts', 'export default (): void => undefined;\n', OLD);
  write('lib/app/index.js', 'export default () => undefined;\n', NEW);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('npm start', () => {
  it('is the start script, with a dev script that watches', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('node scripts/start.mjs');
    expect(scripts.dev).toBe('node scripts/dev.mjs');
    expect(readFileSync('scripts/dev.mjs', 'utf8')).toContain("'--watch'");
  });

  it('uses lib/ as it is when every source is older than its output', async () => {
    expect(await check()).toEqual({ code: 0, stdout: 'lib/ is up to date: npm start runs it as it is\n', stderr: '' });
  });

  it('builds first when a source changed after its output, when an output is missing, or when tsconfig changed', async () => {
    write('src/app/index.ts', 'export default (): void => undefined;\n', new Date('2026-01-01T12:00:00Z'));
    expect(await check()).toMatchObject({
      code: 1,
      stdout: 'npm start would build first: src/app/index.ts changed after lib/app/index.js was built\n',
    });

    write('src/app/index.ts', 'export default (): void => undefined;\n', OLD);
    write('src/app/extra.ts', 'export const x = 1;\n', OLD);
    expect(await check()).toMatchObject({
      code: 1,
      stdout: 'npm start would build first: lib/app/extra.js is missing\n',
    });

    rmSync(join(root, 'src/app/extra.ts'));
    write('tsconfig.build.json', readFileSync('tsconfig.build.json', 'utf8'), new Date('2026-01-01T12:00:00Z'));
    expect(await check()).toMatchObject({
      code: 1,
      stdout: 'npm start would build first: the TypeScript settings changed after lib/app/index.js was built\n',
    });
  });

  it('starts the server without compiling when lib/ is fresh, and compiles the changed source when it is not', async () => {
    const fresh = await startProbotProcess({ NO_SMEE_SETUP: 'true' }, { folder: root, args: ['scripts/start.mjs'] });
    await fresh.stop();
    expect(fresh.output()).not.toContain('Building lib/');
    expect(readFileSync(join(root, 'lib/app/index.js'), 'utf8')).toBe('export default () => undefined;\n');

    write('src/app/index.ts', 'export default (): string => "rebuilt";\n', new Date('2026-01-01T12:00:00Z'));
    const stale = await startProbotProcess({ NO_SMEE_SETUP: 'true' }, { folder: root, args: ['scripts/start.mjs'] });
    await stale.stop();
    expect(stale.output()).toContain('Building lib/ (src/app/index.ts changed after lib/app/index.js was built)');
    expect(existsSync(join(root, 'lib/app/index.js'))).toBe(true);
    expect(readFileSync(join(root, 'lib/app/index.js'), 'utf8')).toContain('rebuilt');
  }, 60_000);

  it('npm run dev recompiles a changed source and restarts the server with it', async () => {
    const app = (version: string) =>
      `export default (app: { log: { warn: (m: string) => void } }): void => {\n  app.log.warn('${version}');\n};\n`;
    write('src/app/index.ts', app('running version one'), NEW);
    const dev = await startProbotProcess(
      { APP_ID: '1', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 'dev', LOG_LEVEL: 'warn' },
      { folder: root, args: ['scripts/dev.mjs'] },
    );
    try {
      await dev.until(() => dev.output().includes('running version one'));
      writeFileSync(join(root, 'src/app/index.ts'), app('running version two'));
      await dev.until(() => dev.output().includes('running version two'));
    } finally {
      await dev.stop();
    }
    expect(readFileSync(join(root, 'lib/app/index.js'), 'utf8')).toContain('running version two');
  }, 120_000);
});
