// Whether lib/ (the App compiled by `npm run build`) is up to date with src/: every src/**/*.ts has its
// lib/**/*.js, written after the source and after the TypeScript settings last changed. Used by `npm start` and
// `npm run dev` to skip a build that would change nothing.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const modified = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** `undefined` when lib/ is fresh, else the reason to build (a sentence naming the file). */
export function staleReason(root = '.') {
  const settings = ['tsconfig.json', 'tsconfig.build.json'].map((f) => modified(join(root, f)) ?? 0);
  const newestSettings = Math.max(...settings);
  for (const source of sourceFiles(join(root, 'src'))) {
    const name = relative(root, source);
    const output = join(root, 'lib', relative(join(root, 'src'), source)).replace(/\.ts$/, '.js');
    const built = modified(output);
    if (built === undefined) return `${relative(root, output)} is missing`;
    if (built < (modified(source) ?? 0)) return `${name} changed after ${relative(root, output)} was built`;
    if (built < newestSettings) return `the TypeScript settings changed after ${relative(root, output)} was built`;
  }
  return undefined;
}
