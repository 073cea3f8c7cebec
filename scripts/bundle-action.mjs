// Bundle the Action (dist/index.js) and the CLI (dist/cli.js) into self-contained ESM files, so the Action runs
// from the committed dist/ and the CLI runs right after `npm ci`, with no build step.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';

const banner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

await mkdir('dist', { recursive: true });
await Promise.all(
  [
    { entry: 'src/action/index.ts', out: 'dist/index.js' },
    { entry: 'src/cli/index.ts', out: 'dist/cli.js' },
  ].map(({ entry, out }) =>
    build({
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      banner: { js: banner },
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
await writeFile('dist/package.json', `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
