// Bundle bench/spec-trace.ts (dependencies stay external) and run it: issue 13's trace report per fixture.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

await mkdir('bench-results', { recursive: true });
await build({
  entryPoints: ['bench/spec-trace.ts'],
  outfile: 'bench-results/spec-trace.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(resolve('bench-results/spec-trace.mjs')).href);
