// Bundle bench/run-bench.ts (dependencies stay external) and run it.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import process from 'node:process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The fake GitHub's checks against GitHub's REST description belong to the tests; the figures measure the App.
process.env.FAKE_GITHUB_OPENAPI ??= 'off';
await mkdir('bench-results', { recursive: true });
await build({
  entryPoints: ['bench/run-bench.ts'],
  outfile: 'bench-results/run-bench.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(resolve('bench-results/run-bench.mjs')).href);
