import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanVersion } from '../../../src/core/product/clean-version.js';
import { dockerBaseImages } from '../../../src/core/product/detect-container-stack.js';
import {
  detectTechStack,
  detectTechStackReport,
  type RepositoryFile,
  type StackEntry,
  type StackProblem,
} from '../../../src/core/product/detect-tech-stack.js';
import { loadStackFixture, STACK_FIXTURES } from './stack-fixtures.js';

interface Expected {
  entries: StackEntry[];
  /** `…` in a message stands for text that depends on the JavaScript engine (JSON.parse's wording). */
  problems: StackProblem[];
}

const fixtures = (await readdir(STACK_FIXTURES)).sort();

function matchesMessage(expected: string, actual: string): boolean {
  const pattern = expected
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${pattern}$`).test(actual);
}

function pkg(json: unknown): RepositoryFile {
  return { path: 'package.json', content: JSON.stringify(json) };
}

describe('detectTechStack on repositories', () => {
  it.each(fixtures)('%s: exactly the expected entries, in order, and the files it skipped', async (name) => {
    const expected = JSON.parse(await readFile(join(STACK_FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
    const report = detectTechStackReport(await loadStackFixture(name));
    expect(report.entries).toEqual(expected.entries);
    expect(report.problems.map((p) => p.path)).toEqual(expected.problems.map((p) => p.path));
    for (const [index, problem] of expected.problems.entries()) {
      const actual = report.problems[index]?.message ?? '';
      if (!matchesMessage(problem.message, actual)) expect(actual).toBe(problem.message);
    }
    expect(detectTechStack(await loadStackFixture(name))).toEqual(expected.entries);
  });

  it('gives the same entries whatever order the files come in, and ignores files that are not stack files', async () => {
    const files = await loadStackFixture('nextjs-prisma');
    const expected = detectTechStack(files);
    const shuffled = [...files].reverse();
    const noise = [
      { path: 'src/app/page.tsx', content: 'export default function Page() {}' },
      { path: 'apps/admin/package.json', content: JSON.stringify({ dependencies: { vue: '^3.5.0' } }) },
      { path: '.github/workflows/nested/ignored.yml', content: 'name: Nested' },
    ];
    expect(detectTechStack([...noise, ...shuffled])).toEqual(expected);
  });

  it('reads a path written with ./ as the same file, and the first copy of a path wins', () => {
    const entries = detectTechStack([
      { path: './package.json', content: JSON.stringify({ dependencies: { express: '^4.21.1' } }) },
      { path: 'package.json', content: JSON.stringify({ dependencies: { koa: '^2.15.0' } }) },
    ]);
    expect(entries).toEqual([
      { category: 'Language', name: 'JavaScript', source: 'package.json' },
      { category: 'Runtime', name: 'Node.js', source: 'package.json' },
      { category: 'Framework', name: 'Express 4.21.1', source: 'package.json' },
    ]);
  });

  it('is empty for an empty repository, and for one whose only manifest cannot be read', () => {
    expect(detectTechStack([])).toEqual([]);
    expect(detectTechStackReport([{ path: 'package.json', content: '{ "name": ' }])).toEqual({
      entries: [],
      problems: [
        {
          path: 'package.json',
          message: expect.stringMatching(
            /^package\.json is not valid JSON \(.+\); it was skipped\.$/,
          ) as unknown as string,
        },
      ],
    });
    expect(detectTechStackReport([{ path: 'package.json', content: '[1, 2]' }]).problems).toEqual([
      { path: 'package.json', message: 'package.json is not a JSON object; it was skipped.' },
    ]);
  });
});

describe('detectTechStack: JavaScript and TypeScript', () => {
  it('names TypeScript from tsconfig.json when it is no dependency, JavaScript when there is neither', () => {
    expect(detectTechStack([pkg({}), { path: 'tsconfig.json', content: '{ /* comments */ }' }]).slice(0, 1)).toEqual([
      { category: 'Language', name: 'TypeScript', source: 'tsconfig.json' },
    ]);
    expect(detectTechStack([pkg({ devDependencies: { typescript: '^5.9.3' } })]).slice(0, 1)).toEqual([
      { category: 'Language', name: 'TypeScript 5.9.3', source: 'package.json' },
    ]);
    expect(detectTechStack([pkg({ dependencies: { react: '^19.0.0' } })]).slice(0, 1)).toEqual([
      { category: 'Language', name: 'JavaScript', source: 'package.json' },
    ]);
  });

  it('takes the package manager from the packageManager field over lock files, else from the lock files', () => {
    const lockFiles = [
      { path: 'package-lock.json', content: '{}' },
      { path: 'yarn.lock', content: '' },
    ];
    const managers = (files: RepositoryFile[]) =>
      detectTechStack(files).filter((e) => e.category === 'Package manager');
    expect(managers([pkg({ packageManager: 'yarn@4.5.1' }), ...lockFiles])).toEqual([
      { category: 'Package manager', name: 'Yarn 4.5.1', source: 'package.json' },
    ]);
    expect(managers([pkg({}), ...lockFiles])).toEqual([
      { category: 'Package manager', name: 'npm', source: 'package-lock.json' },
      { category: 'Package manager', name: 'Yarn', source: 'yarn.lock' },
    ]);
  });

  it('names Bun as the runtime of a Bun project, and Node.js for a version in .nvmrc', () => {
    const runtimes = (files: RepositoryFile[]) => detectTechStack(files).filter((e) => e.category === 'Runtime');
    expect(runtimes([pkg({ packageManager: 'bun@1.1.34' }), { path: 'bun.lockb', content: '' }])).toEqual([
      { category: 'Runtime', name: 'Bun 1.1.34', source: 'package.json' },
    ]);
    expect(runtimes([pkg({}), { path: '.nvmrc', content: 'v22.11.0\n' }])).toEqual([
      { category: 'Runtime', name: 'Node.js 22.11.0', source: '.nvmrc' },
    ]);
    expect(runtimes([pkg({}), { path: '.nvmrc', content: 'lts/iron\n' }])).toEqual([
      { category: 'Runtime', name: 'Node.js', source: 'package.json' },
    ]);
  });

  it('leaves out versions that are not versions (workspace and git references, tags) and database client versions', () => {
    const entries = detectTechStack([
      pkg({
        dependencies: {
          vue: 'workspace:*',
          fastify: 'github:fastify/fastify',
          hono: 'latest',
          pg: '^8.13.1',
          jest: '29.x',
        },
      }),
    ]);
    expect(entries.filter((e) => e.category !== 'Language' && e.category !== 'Runtime')).toEqual([
      { category: 'Framework', name: 'Fastify', source: 'package.json' },
      { category: 'Framework', name: 'Hono', source: 'package.json' },
      { category: 'Frontend', name: 'Vue', source: 'package.json' },
      { category: 'Database', name: 'PostgreSQL', source: 'package.json' },
      { category: 'Testing', name: 'Jest 29', source: 'package.json' },
    ]);
  });
});

describe('detectTechStack: other ecosystems', () => {
  it('reads a Pipfile: its Python version, packages and dev packages, and Pipenv', () => {
    const pipfile = [
      '[[source]]',
      'url = "https://pypi.org/simple"',
      '',
      '[packages]',
      'flask = "==3.0.3"',
      'pymongo = {version = ">=4.10", extras = ["srv"]}',
      '',
      '[dev-packages]',
      'pytest = "*"',
      '',
      '[requires]',
      'python_version = "3.11"',
      '',
    ].join('\n');
    expect(detectTechStack([{ path: 'Pipfile', content: pipfile }])).toEqual([
      { category: 'Language', name: 'Python 3.11', source: 'Pipfile' },
      { category: 'Framework', name: 'Flask 3.0.3', source: 'Pipfile' },
      { category: 'Database', name: 'MongoDB', source: 'Pipfile' },
      { category: 'Testing', name: 'pytest', source: 'Pipfile' },
      { category: 'Package manager', name: 'Pipenv', source: 'Pipfile' },
    ]);
  });

  it('reads Maven and Gradle builds, and Deno', () => {
    const pom =
      '<project><properties><java.version>21</java.version></properties><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>';
    expect(detectTechStack([{ path: 'pom.xml', content: pom }])).toEqual([
      { category: 'Language', name: 'Java 21', source: 'pom.xml' },
      { category: 'Framework', name: 'Spring Boot', source: 'pom.xml' },
      { category: 'Build', name: 'Maven', source: 'pom.xml' },
    ]);
    expect(
      detectTechStack([{ path: 'build.gradle.kts', content: 'plugins { kotlin("jvm") version "2.0.21" }' }]),
    ).toEqual([
      { category: 'Language', name: 'Kotlin', source: 'build.gradle.kts' },
      { category: 'Build', name: 'Gradle', source: 'build.gradle.kts' },
    ]);
    expect(detectTechStack([{ path: 'deno.json', content: '{ "tasks": {} }' }])).toEqual([
      { category: 'Runtime', name: 'Deno', source: 'deno.json' },
    ]);
  });

  it('names the databases, caches and queues of compose services by their images, versions from the tags', () => {
    const compose = [
      'services:',
      '  db: { image: "mongo:7.0.15" }',
      '  queue: { image: rabbitmq:3.13-management }',
      '  search: { image: "docker.elastic.co/elasticsearch/elasticsearch:8.16.1" }',
      '  api: { build: . }',
      '',
    ].join('\n');
    expect(detectTechStack([{ path: 'compose.yml', content: compose }])).toEqual([
      { category: 'Database', name: 'MongoDB 7.0.15', source: 'compose.yml' },
      { category: 'Search', name: 'Elasticsearch 8.16.1', source: 'compose.yml' },
      { category: 'Messaging', name: 'RabbitMQ 3.13', source: 'compose.yml' },
      { category: 'Container', name: 'Docker Compose (services: db, queue, search, api)', source: 'compose.yml' },
    ]);
  });
});

describe('detectTechStack: containers and CI', () => {
  it('reads the base images of a multi-stage Dockerfile, build arguments filled in, stages and scratch left out', () => {
    const dockerfile = [
      '# syntax=docker/dockerfile:1',
      'ARG NODE_VERSION=22.11',
      'ARG DISTRO="alpine3.20"',
      'FROM node:${NODE_VERSION}-${DISTRO} AS deps',
      'FROM deps AS build',
      'RUN npm run build \\',
      '  && npm prune --omit=dev',
      'from --platform=linux/amd64 nginx:1.27-alpine',
      'FROM scratch',
      'FROM ${UNKNOWN:-debian}:bookworm',
      '',
    ].join('\n');
    expect(dockerBaseImages(dockerfile)).toEqual(['node:22.11-alpine3.20', 'nginx:1.27-alpine', 'debian:bookworm']);
  });

  it('names each workflow by its name, else its file, and reads only workflows directly in .github/workflows', () => {
    const entries = detectTechStack([
      { path: '.github/workflows/release.yaml', content: 'name: "Release to npm"\non: push\n' },
      { path: '.github/workflows/ci.yml', content: 'on: push\njobs: {}\n' },
      { path: '.github/workflows/README.md', content: '# not a workflow' },
      { path: '.gitlab-ci.yml', content: 'test:\n  script: make test\n' },
    ]);
    // Root files come first, then the workflows by path.
    expect(entries).toEqual([
      { category: 'CI/CD', name: 'GitLab CI', source: '.gitlab-ci.yml' },
      { category: 'CI/CD', name: 'GitHub Actions (ci.yml)', source: '.github/workflows/ci.yml' },
      { category: 'CI/CD', name: 'GitHub Actions (Release to npm)', source: '.github/workflows/release.yaml' },
    ]);
  });
});

describe('cleanVersion', () => {
  it.each([
    ['^5.9.3', '5.9.3'],
    ['~1.2', '1.2'],
    ['~> 7.1.3', '7.1.3'],
    ['==4.2.*', '4.2'],
    ['~=3.0', '3.0'],
    ['>=3.11,<4', '3.11+'],
    ['>= 20.18.1', '20.18.1+'],
    ['>=18 <23', '18+'],
    ['^7.4|^8.0', '7.4'],
    ['^7.4 || ^8.0', '7.4'],
    ['v1.22.5', '1.22.5'],
    ['1.x', '1'],
    ['5.0.0-beta.25', '5.0.0-beta.25'],
    ['npm:react@^18.3.1', '18.3.1'],
  ])('%s → %s', (spec, version) => {
    expect(cleanVersion(spec)).toBe(version);
  });

  it.each([
    '*',
    'latest',
    'x',
    '',
    '<5',
    'workspace:^',
    'file:../lib',
    'git+https://github.com/a/b.git',
    'github:a/b',
    'user/repo',
  ])('%s names no version', (spec) => {
    expect(cleanVersion(spec)).toBeUndefined();
  });
});
