import { cleanVersion, leadingVersion } from './clean-version.js';
import { matchKnownPackages, type KnownPackage } from './match-known-packages.js';
import { isRecord, parseJsonManifest, recordAt, stringAt } from './parse-manifest.js';
import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** npm packages worth naming, in the order tech-stack.md lists them within a category. */
export const NODE_PACKAGES: readonly KnownPackage[] = [
  ['next', 'Framework', 'Next.js'],
  ['nuxt', 'Framework', 'Nuxt'],
  ['@remix-run/react', 'Framework', 'Remix'],
  ['@sveltejs/kit', 'Framework', 'SvelteKit'],
  ['astro', 'Framework', 'Astro'],
  ['gatsby', 'Framework', 'Gatsby'],
  ['@nestjs/core', 'Framework', 'NestJS'],
  ['express', 'Framework', 'Express'],
  ['fastify', 'Framework', 'Fastify'],
  ['hono', 'Framework', 'Hono'],
  ['koa', 'Framework', 'Koa'],
  ['@hapi/hapi', 'Framework', 'hapi'],
  ['probot', 'Framework', 'Probot'],
  ['electron', 'Framework', 'Electron'],
  ['react', 'Frontend', 'React'],
  ['react-native', 'Frontend', 'React Native'],
  ['expo', 'Frontend', 'Expo'],
  ['vue', 'Frontend', 'Vue'],
  ['svelte', 'Frontend', 'Svelte'],
  ['@angular/core', 'Frontend', 'Angular'],
  ['solid-js', 'Frontend', 'Solid'],
  ['preact', 'Frontend', 'Preact'],
  ['tailwindcss', 'CSS', 'Tailwind CSS'],
  ['sass', 'CSS', 'Sass'],
  ['styled-components', 'CSS', 'styled-components'],
  ['@emotion/react', 'CSS', 'Emotion'],
  ['@trpc/server', 'API', 'tRPC'],
  ['graphql', 'API', 'GraphQL'],
  ['@apollo/server', 'API', 'Apollo Server'],
  ['next-auth', 'Authentication', 'NextAuth.js'],
  ['@auth/core', 'Authentication', 'Auth.js'],
  ['@clerk/nextjs', 'Authentication', 'Clerk'],
  ['passport', 'Authentication', 'Passport'],
  ['stripe', 'Payments', 'Stripe', 'client'],
  ['pg', 'Database', 'PostgreSQL', 'client'],
  ['postgres', 'Database', 'PostgreSQL', 'client'],
  ['@neondatabase/serverless', 'Database', 'PostgreSQL', 'client'],
  ['mysql2', 'Database', 'MySQL', 'client'],
  ['mysql', 'Database', 'MySQL', 'client'],
  ['mongodb', 'Database', 'MongoDB', 'client'],
  ['mongoose', 'Database', 'MongoDB', 'client'],
  ['better-sqlite3', 'Database', 'SQLite', 'client'],
  ['sqlite3', 'Database', 'SQLite', 'client'],
  ['@supabase/supabase-js', 'Database', 'Supabase', 'client'],
  ['redis', 'Database', 'Redis', 'client'],
  ['ioredis', 'Database', 'Redis', 'client'],
  ['prisma', 'ORM', 'Prisma'],
  ['@prisma/client', 'ORM', 'Prisma'],
  ['drizzle-orm', 'ORM', 'Drizzle ORM'],
  ['typeorm', 'ORM', 'TypeORM'],
  ['mongoose', 'ORM', 'Mongoose'],
  ['sequelize', 'ORM', 'Sequelize'],
  ['knex', 'ORM', 'Knex'],
  ['kysely', 'ORM', 'Kysely'],
  ['bullmq', 'Background jobs', 'BullMQ'],
  ['bull', 'Background jobs', 'Bull'],
  ['jest', 'Testing', 'Jest'],
  ['vitest', 'Testing', 'Vitest'],
  ['mocha', 'Testing', 'Mocha'],
  ['@playwright/test', 'Testing', 'Playwright'],
  ['playwright', 'Testing', 'Playwright'],
  ['cypress', 'Testing', 'Cypress'],
  ['@testing-library/react', 'Testing', 'React Testing Library'],
  ['eslint', 'Linting & formatting', 'ESLint'],
  ['prettier', 'Linting & formatting', 'Prettier'],
  ['@biomejs/biome', 'Linting & formatting', 'Biome'],
  ['stylelint', 'Linting & formatting', 'Stylelint'],
  ['vite', 'Build', 'Vite'],
  ['webpack', 'Build', 'webpack'],
  ['esbuild', 'Build', 'esbuild'],
  ['rollup', 'Build', 'Rollup'],
  ['tsup', 'Build', 'tsup'],
  ['@swc/core', 'Build', 'SWC'],
  ['parcel', 'Build', 'Parcel'],
  ['turbo', 'Build', 'Turborepo'],
  ['nx', 'Build', 'Nx'],
];

/** Lock files, in the order they are looked for, and the package manager each one means. */
const LOCK_FILES: ReadonlyArray<readonly [path: string, manager: string]> = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'Yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'Bun'],
  ['bun.lockb', 'Bun'],
];

const MANAGER_NAMES: Readonly<Record<string, string>> = { npm: 'npm', yarn: 'Yarn', pnpm: 'pnpm', bun: 'Bun' };

/** Every dependency of package.json (dependencies first, then dev, peer and optional ones), name → version. */
function dependenciesOf(manifest: Record<string, unknown>): Map<string, string | undefined> {
  const all = new Map<string, string | undefined>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, version] of Object.entries(recordAt(manifest, field))) {
      if (!all.has(name)) all.set(name, typeof version === 'string' ? version : undefined);
    }
  }
  return all;
}

/** `pnpm@9.12.0+sha512.…` → pnpm 9.12.0 (Corepack's `packageManager` field). */
function packageManagerOf(manifest: Record<string, unknown>): { name: string; version?: string } | undefined {
  const field = stringAt(manifest, 'packageManager');
  const match = field === undefined ? null : /^([a-z]+)@([^+\s]*)/.exec(field.trim());
  const name = match?.[1] === undefined ? undefined : MANAGER_NAMES[match[1]];
  if (name === undefined) return undefined;
  const version = cleanVersion(match?.[2]);
  return version === undefined ? { name } : { name, version };
}

/** The Node.js version of `.nvmrc` or `.node-version` (`v20.11.0`, `20`); an alias such as `lts/iron` names none. */
function nodeVersionFile(files: StackFiles, path: string): StackFinding | undefined {
  const content = files.get(path);
  if (content === undefined) return undefined;
  const version = leadingVersion(content.split('\n')[0]);
  return withVersion({ category: 'Runtime', name: 'Node.js', source: path }, version);
}

/** package.json as a JSON object, or undefined (absent, or not an object: then a problem says so). */
function readPackageJson(files: StackFiles, problems: Detection['problems']): Record<string, unknown> | undefined {
  const text = files.get('package.json');
  if (text === undefined) return undefined;
  const parsed = parseJsonManifest('package.json', text);
  if (!parsed.ok) problems.push({ path: 'package.json', message: parsed.message });
  else if (!isRecord(parsed.value))
    problems.push({ path: 'package.json', message: 'package.json is not a JSON object; it was skipped.' });
  else return parsed.value;
  return undefined;
}

/**
 * JavaScript and TypeScript: package.json (dependencies, `engines.node`, `packageManager`), tsconfig.json, deno.json,
 * lock files, `.nvmrc`/`.node-version`. The `packageManager` field wins over lock files; TypeScript is named when
 * it is a dependency or there is a tsconfig.json, JavaScript otherwise.
 */
export function detectNodeStack(files: StackFiles): Detection {
  const findings: StackFinding[] = [];
  const problems: Detection['problems'] = [];
  const manifest = readPackageJson(files, problems);
  const dependencies = manifest === undefined ? new Map<string, string | undefined>() : dependenciesOf(manifest);
  const manager = manifest === undefined ? undefined : packageManagerOf(manifest);

  if (dependencies.has('typescript')) {
    findings.push(
      withVersion(
        { category: 'Language', name: 'TypeScript', source: 'package.json' },
        cleanVersion(dependencies.get('typescript')),
      ),
    );
  } else if (files.has('tsconfig.json')) {
    findings.push({ category: 'Language', name: 'TypeScript', source: 'tsconfig.json' });
  } else if (manifest !== undefined) {
    findings.push({ category: 'Language', name: 'JavaScript', source: 'package.json' });
  }

  if (manifest !== undefined) {
    const usesBun =
      manager?.name === 'Bun' ||
      dependencies.has('@types/bun') ||
      dependencies.has('bun-types') ||
      (manager === undefined && (files.has('bun.lock') || files.has('bun.lockb')));
    if (usesBun)
      findings.push(
        withVersion(
          { category: 'Runtime', name: 'Bun', source: 'package.json' },
          manager?.name === 'Bun' ? manager.version : undefined,
        ),
      );
    const engine = cleanVersion(stringAt(recordAt(manifest, 'engines'), 'node'));
    if (!usesBun || engine !== undefined)
      findings.push(withVersion({ category: 'Runtime', name: 'Node.js', source: 'package.json' }, engine));
  }
  for (const path of ['deno.json', 'deno.jsonc']) {
    if (files.has(path)) findings.push({ category: 'Runtime', name: 'Deno', source: path });
  }
  for (const path of ['.nvmrc', '.node-version']) {
    const found = nodeVersionFile(files, path);
    if (found) findings.push(found);
  }

  findings.push(...matchKnownPackages(NODE_PACKAGES, dependencies, 'package.json'));

  if (manager !== undefined) {
    findings.push(
      withVersion({ category: 'Package manager', name: manager.name, source: 'package.json' }, manager.version),
    );
  } else {
    for (const [path, name] of LOCK_FILES)
      if (files.has(path)) findings.push({ category: 'Package manager', name, source: path });
  }
  return { findings, problems };
}
