// `npm start`: the App server (`probot run ./lib/app/index.js`), compiling src/ to lib/ first only when lib/ is
// older than a source file. `node scripts/start.mjs --check` only says which it would do (exit 0 fresh, 1 stale).
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleReason } from './lib-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const reason = staleReason();

if (process.argv.includes('--check')) {
  process.stdout.write(
    `${reason === undefined ? 'lib/ is up to date: npm start runs it as it is' : `npm start would build first: ${reason}`}\n`,
  );
  process.exit(reason === undefined ? 0 : 1);
}

if (reason !== undefined) {
  process.stdout.write(`Building lib/ (${reason})…\n`);
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Probot's own command line, in this process, so signals reach the server directly.
process.argv = [process.execPath, 'probot', 'run', './lib/app/index.js', ...process.argv.slice(2)];
await import(pathToFileURL(join(root, 'node_modules/probot/bin/probot.js')).href);
