// Bundle bench/run-bench.ts (dependencies stay external) and run it.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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
