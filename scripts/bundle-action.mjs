// Bundle the Action (dist/index.js and its per-event chunks in dist/action/) and the CLI (dist/cli.js) into
// self-contained ESM files, so the Action runs from the committed dist/ and the CLI runs right after `npm ci`.
//
// The Action starts on every workflow run, so its bundle is built for start-up: minified, and split so that an
// event loads only what it uses (src/action/main.ts imports each part dynamically).
//
// `node scripts/bundle-action.mjs --outdir DIR` builds into DIR instead of dist/ (the release script compares such
// a build with the committed dist/).
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const outdir = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } }).values.outdir;

const banner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * `@actions/core` imports its OIDC client (and with it `@actions/http-client` and undici) at its top level, for
 * `getIDToken`, which the Action never calls. Marking those modules free of side effects lets esbuild drop them.
 */
const unusedOidcClient = {
  name: 'unused-oidc-client',
  setup(b) {
    b.onResolve({ filter: /oidc-utils\.js$/ }, (args) =>
      args.importer.includes('@actions/core') ? { path: `${args.resolveDir}/${args.path}`, sideEffects: false } : undefined,
    );
  },
};

const common = { bundle: true, platform: 'node', target: 'node24', format: 'esm', banner: { js: banner }, legalComments: 'none', logLevel: 'warning' };

await rm(join(outdir, 'action'), { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { index: 'src/action/index.ts' },
    outdir,
    splitting: true,
    chunkNames: 'action/[name]-[hash]',
    minify: true,
    plugins: [unusedOidcClient],
  }),
  build({ ...common, target: 'node20', entryPoints: ['src/cli/index.ts'], outfile: join(outdir, 'cli.js') }),
]);
await writeFile(join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
