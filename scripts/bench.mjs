// Bundle bench/run-bench.ts (dependencies stay external) and run it.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';

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
await import(new URL('../bench-results/run-bench.mjs', import.meta.url).href);
