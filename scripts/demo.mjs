// `npm run demo`: bundle demo/run-demo.ts (dependencies stay external) and run it.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

await mkdir('bench-results', { recursive: true });
await build({
  entryPoints: ['demo/run-demo.ts'],
  outfile: 'bench-results/run-demo.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(resolve('bench-results/run-demo.mjs')).href);
