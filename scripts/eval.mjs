// Bundle eval/run-eval.ts (dependencies stay external) and run it: the model drafter over the fixture issues.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

await mkdir('tmp', { recursive: true });
await build({
  entryPoints: ['eval/run-eval.ts'],
  outfile: 'tmp/run-eval.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(resolve('tmp/run-eval.mjs')).href);
