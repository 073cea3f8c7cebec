// Two projects (test/README.md): `unit` runs in-process code (the pure core, parsers, adapters against a local
// server or nock) in seconds; `integration` starts the App, the bundled Action, the CLI or servers as users do.
// `npm run test:unit` / `npm run test:integration` select one; `npm test` and `npx jest <file>` run both.
import { availableParallelism } from 'node:os';

/** Shared by both projects. */
const common = {
  testEnvironment: 'node',
  rootDir: import.meta.dirname,
  // Fixture repositories hold manifests (some malformed on purpose): not modules for jest to index.
  modulePathIgnorePatterns: ['<rootDir>/test/fixtures/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
};

/** Folders of `unit`: no App, Action or CLI process, no fake GitHub behind Probot. */
const UNIT = ['core', 'events', 'fs', 'github', 'lambda', 'model', 'phases', 'support'];

/** @type {import('jest').Config} */
export default {
  // One worker more than there are cores (Jest's default is one fewer, so one, in band, on two cores): many files
  // spend part of their time waiting for the processes and servers they start (the Action, the CLI, the App server,
  // Redis) or for Probot's retry, and another file runs meanwhile, so the cores stay busy.
  maxWorkers: availableParallelism() + 1,
  // Tests wait for events, never for the clock; this only ends a wait that never comes. Generous, so that a loaded
  // machine (CI with another job, two cores shared) is slow but green.
  testTimeout: 60000,
  // On a fresh clone (no timings in Jest's cache), the slowest files first: test/support/long-files-first.js.
  testSequencer: '<rootDir>/test/support/long-files-first.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: UNIT.map((folder) => `<rootDir>/test/${folder}`),
      testMatch: ['**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...UNIT.map((folder) => `<rootDir>/test/${folder}/`)],
    },
  ],
};
