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
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const outdir = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } }).values.outdir;

const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * `@actions/core` imports its OIDC client (and with it `@actions/http-client` and undici) at its top level, for
 * `getIDToken`, which the Action never calls. Marking those modules free of side effects lets esbuild drop them.
 */
const unusedOidcClient = {
  name: 'unused-oidc-client',
  setup(b) {
    b.onResolve({ filter: /oidc-utils\.js$/ }, (args) =>
      args.importer.includes('@actions/core')
        ? { path: `${args.resolveDir}/${args.path}`, sideEffects: false }
        : undefined,
    );
  },
};

/**
 * An ES import of a Node built-in builds the module's whole namespace, which runs every lazy getter on it: `fs`
 * loads its streams and `fs/promises`, `crypto` its WebCrypto, `process` its report. The Action's imports of
 * built-ins take the module object instead (`process.getBuiltinModule`, as CommonJS), whose properties are read
 * only when used. `node:crypto` itself is loaded only when a hash or a UUID is first asked for (the gate on a
 * pull request asks for none): its imports are the few functions named in `lazyCrypto`, and a build that imports
 * any other fails here.
 */
const lazyCrypto = ['createHash', 'randomUUID'];
const builtinsAsObjects = {
  name: 'builtins-as-objects',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.kind !== 'import-statement' || !builtinModules.includes(name)) return undefined;
      return { path: name, namespace: 'builtin-object', sideEffects: false };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin-object' }, ({ path }) =>
      path === 'crypto'
        ? {
            contents: lazyCrypto
              .map((f) => `export const ${f} = (...args) => process.getBuiltinModule('node:crypto').${f}(...args);`)
              .join('\n'),
            loader: 'js',
          }
        : { contents: `module.exports = process.getBuiltinModule('node:${path}');`, loader: 'js' },
    );
  },
};

/**
 * Packages whose top level does real work that most events never use: `@sindresorhus/transliterate` (under
 * slugify) builds a hundred regular expressions, and `yaml` defines its schemas, for a configuration file most
 * repositories do not have. Their importers get a stand-in that loads the package on first use: esbuild makes a
 * bundled module that is `require`d (rather than imported) evaluate when that call runs. A default export only:
 * a named import of these packages fails the build.
 */
const lazyPackages = [
  {
    importer: /[\\/]src[\\/]/,
    name: '@sindresorhus/slugify',
    standIn: "export default (...args) => require('@sindresorhus/slugify').default(...args);",
  },
  {
    importer: /@probot[\\/]octokit-plugin-config[\\/]/,
    name: 'yaml',
    standIn: "export default new Proxy({}, { get: (_, key) => require('yaml')[key] });",
  },
];
const loadedOnFirstUse = {
  name: 'loaded-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^(@sindresorhus\/slugify|yaml)$/ }, (args) => {
      const lazy = lazyPackages.find((p) => p.name === args.path && p.importer.test(args.importer));
      if (args.kind !== 'import-statement' || lazy === undefined) return undefined;
      return {
        path: lazy.name,
        namespace: 'loaded-on-first-use',
        pluginData: { resolveDir: args.resolveDir, standIn: lazy.standIn },
      };
    });
    b.onLoad({ filter: /.*/, namespace: 'loaded-on-first-use' }, ({ pluginData }) => ({
      contents: pluginData.standIn,
      resolveDir: pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
};

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
    plugins: [unusedOidcClient, builtinsAsObjects, loadedOnFirstUse],
  }),
  build({ ...common, target: 'node20', entryPoints: ['src/cli/index.ts'], outfile: join(outdir, 'cli.js') }),
]);
await writeFile(join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
