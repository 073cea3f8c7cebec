// Bundle the Action (dist/index.js and its per-event chunks in dist/action/) and the CLI (dist/cli.js and the
// files it splits into in dist/cli/) into self-contained ESM files, so the Action runs from the committed dist/ and
// the CLI runs right after `npm ci`.
//
// The Action starts on every workflow run, so its bundle is built for start-up: minified, and in parts so that an
// event loads only what it uses. dist/index.js reads the event and imports the one part that handles it
// (src/action/main.ts); each part (dist/action/run-gate.js, run-lifecycle.js, run-pull-request-closed.js) is built
// on its own, with the GitHub client and everything else it uses in the one file, because every further file a
// part is split into costs the start-up a module resolution and load (measured in docs/performance.md). What a part
// uses only sometimes (the configuration schema, the model client, @actions/github behind a proxy) stays in files
// of its own, imported when needed. A part's code is therefore repeated in the others (on disk, never loaded twice).
//
// `node scripts/bundle-action.mjs --outdir DIR` builds into DIR instead of dist/ (the release script compares such
// a build with the committed dist/).
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const outdir = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } }).values.outdir;

const banner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Modules a dependency imports for something the Action never uses, whose top level does work anyway. Marked free
 * of side effects, esbuild drops them when nothing of theirs is used:
 * - `@actions/core`'s OIDC client (with `@actions/http-client` and undici), for `getIDToken`;
 * - `@actions/core`'s job summary and platform details (with `@actions/exec` and `@actions/io`), which load
 *   `fs/promises` at their top level: the Action writes its summary itself (src/action/action-io.ts).
 */
const unusedModules = [
  { module: /[\\/]oidc-utils\.js$/, importer: /@actions[\\/]core/ },
  { module: /[\\/](summary|platform)\.js$/, importer: /@actions[\\/]core/ },
];
const unusedTopLevels = {
  name: 'unused-top-levels',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) =>
      unusedModules.some((u) => u.module.test(args.path) && u.importer.test(args.importer))
        ? { path: join(args.resolveDir, args.path), sideEffects: false }
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
 * Packages that a part carries but few events use, each built into a file of its own, dist/action/lazy-<name>.cjs,
 * and required when first used: a part neither compiles nor runs them until then.
 * - `yaml`: the configuration file, which most repositories do not have, and orchestration.yml;
 * - `@sindresorhus/slugify`: its transliteration tables build a hundred regular expressions when loaded;
 * - `character-entities`: a 2,000-name table micromark reads for a named reference like `&copy;`;
 * - markdown-it's `entities` (its own copy, hence `from`): its decoding tables are built when loaded (a string of
 *   50,000 characters turned into an array), and markdown-it decodes only a character reference (`&amp;`, `&#35;`)
 *   or an escaped link destination;
 * - `linkify-it`: markdown-it builds one in its constructor, compiling its link patterns, and uses it only with the
 *   `linkify` option, which the task-file reader leaves off (`deferred`: the instance itself is built on first use);
 * - remark and micromark (`unified`, `remark-*`, the micromark constructs our parser guards), together in one file
 *   (`file`, so that they share one copy of micromark): the task-file reader works from markdown-it's tokens and
 *   turns to them only for a construct it is unsure of, and a pull request's description is parsed only when it
 *   can hold a `Spec:` or `Implements:` line (src/core/markdown/parse-markdown.ts makes its processor on first use).
 * Every export of the package is stood in for: a function or class by a proxy that calls or constructs the real one
 * (`instanceof` and static members go through), anything else by a proxy that reads from the real value. A
 * `deferred` package's default export, a class, is stood in for by one whose instances build the real instance
 * when first read or written.
 */
const lazyPackages = [
  { name: 'yaml' },
  { name: '@sindresorhus/slugify' },
  { name: 'character-entities' },
  { name: 'entities', from: 'node_modules/markdown-it' },
  { name: 'linkify-it', deferred: true },
  ...['unified', 'remark-parse', 'remark-frontmatter', 'remark-gfm', 'micromark-core-commonmark'].map((name) => ({
    name,
    file: 'remark',
  })),
];
const lazyFile = (lazy) => `lazy-${(lazy.file ?? lazy.name).replace(/^@/, '').replace(/\W+/g, '-')}.cjs`;
/** The lazy files to build, each with the packages it holds. */
const lazyFiles = Map.groupBy(lazyPackages, lazyFile);
const standInRuntime = `
const lazyFunction = (load) => new Proxy(function () {}, {
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  construct: (_, args, target) => Reflect.construct(load(), args),
  get: (_, key) => load()[key],
});
const lazyValue = (load) => new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(load(), key),
  ownKeys: () => Reflect.ownKeys(load()),
});
const deferredClass = (load) => function (...args) {
  let real;
  const instance = () => (real ??= Reflect.construct(load(), args));
  return new Proxy({}, {
    get: (_, key) => {
      const value = instance()[key];
      return typeof value === 'function' ? value.bind(instance()) : value;
    },
    set: (_, key, value) => Reflect.set(instance(), key, value),
    has: (_, key) => key in instance(),
  });
};`;
/** Where a lazy package resolves from: the repository's root, or the folder of the package whose copy it is. */
const resolveDirOf = (lazy) => resolve(lazy.from ?? '.');
async function standIn(lazy) {
  const require = createRequire(join(resolveDirOf(lazy), 'package.json'));
  const real = await import(pathToFileURL(require.resolve(lazy.name)).href);
  const file = `require(${JSON.stringify(`./${lazyFile(lazy)}`)})`;
  const module = lazy.file === undefined ? file : `${file}[${JSON.stringify(lazy.name)}]`;
  const lazyDefault = "'default' in load() ? load().default : load()";
  const standInFor = (value, load) => `${typeof value === 'function' ? 'lazyFunction' : 'lazyValue'}(() => ${load})`;
  const names = Object.keys(real).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
  return [
    standInRuntime,
    `const load = () => ${module};`,
    ...names.map((key) => `export const ${key} = ${standInFor(real[key], `load()[${JSON.stringify(key)}]`)};`),
    // The default import of a CommonJS package (yaml) is the whole module.
    `export default ${lazy.deferred === true ? `deferredClass(() => ${lazyDefault})` : standInFor(real.default, lazyDefault)};`,
  ].join('\n');
}

/** The lazy package an import names, if that import is one to stand in for (a copy under `from` from there only). */
const lazyPackageOf = (args) =>
  args.kind === 'import-statement'
    ? lazyPackages.find(
        (lazy) =>
          lazy.name === args.path &&
          (lazy.from === undefined || args.importer.startsWith(`${resolveDirOf(lazy)}${sep}`)),
      )
    : undefined;

/** Lazy packages imported by the code built, stood in for, but for those of `within` (the lazy file being built). */
const loadedOnFirstUse = (within) => ({
  name: 'loaded-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^[@a-z]/ }, (args) => {
      const lazy = lazyPackageOf(args);
      if (lazy !== undefined && within !== undefined && lazyFile(lazy) === within) return undefined;
      return lazy === undefined ? undefined : { path: lazy.name, namespace: 'loaded-on-first-use', pluginData: lazy };
    });
    b.onResolve({ filter: /^\.\/lazy-[\w-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'loaded-on-first-use' }, async ({ pluginData }) => ({
      contents: await standIn(pluginData),
      loader: 'js',
    }));
  },
});

/**
 * A lazy file in CommonJS: its package whole (it is loaded only when used, then as it is published), or the
 * packages of a group as one object by name. Lazy packages it imports stay lazy files of their own.
 */
const buildLazyFile = ([file, packages]) =>
  build({
    ...common,
    banner: {},
    format: 'cjs',
    stdin: {
      contents:
        packages[0].file === undefined
          ? `module.exports = require(${JSON.stringify(packages[0].name)});`
          : `module.exports = { ${packages.map(({ name }) => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`).join(', ')} };`,
      resolveDir: resolveDirOf(packages[0]),
      loader: 'js',
    },
    outfile: join(outdir, 'action', file),
    minify: true,
    plugins: [builtinsAsObjects, loadedOnFirstUse(file)],
  });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
};

/** The parts main.ts imports, each built into dist/action/<name>.js. */
const parts = ['run-gate', 'run-lifecycle', 'run-pull-request-closed'];

/** In dist/index.js, main.ts's imports of the parts stay imports of the built files. */
const partsApart = {
  name: 'parts-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/run-[a-z-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && parts.includes(args.path.slice(2, -3))
        ? { path: `./action/${args.path.slice(2)}`, external: true }
        : undefined,
    );
  },
};

const action = {
  ...common,
  outdir,
  minify: true,
  plugins: [unusedTopLevels, builtinsAsObjects, loadedOnFirstUse()],
};

await rm(join(outdir, 'action'), { recursive: true, force: true });
await rm(join(outdir, 'cli'), { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await Promise.all([
  build({ ...action, entryPoints: { index: 'src/action/index.ts' }, plugins: [partsApart, ...action.plugins] }),
  // One after the other: two parts may split off the same file (same content, same name).
  parts.reduce(
    (previous, part) =>
      previous.then(() =>
        build({
          ...action,
          entryPoints: { [`action/${part}`]: `src/action/${part}.ts` },
          splitting: true,
          chunkNames: 'action/[name]-[hash]',
        }),
      ),
    Promise.resolve(),
  ),
  ...[...lazyFiles].map(buildLazyFile),
  // The CLI: dist/cli.js registers the commands (their help texts) and imports a command's files from dist/cli/
  // when it runs, so that `--help` or one command loads only what it uses (docs/performance.md, the CLI's start-up).
  build({
    ...common,
    target: 'node20',
    entryPoints: { cli: 'src/cli/index.ts' },
    outdir,
    splitting: true,
    chunkNames: 'cli/[name]-[hash]',
  }),
]);
await writeFile(join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
