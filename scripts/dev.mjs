// `npm run dev`: compile src/ to lib/ on every change (tsc --watch) and restart the App server whenever a file
// it loaded changes (node --watch). Ctrl-C stops both.
import process from 'node:process';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason } from './lib-freshness.mjs';

process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..'));
const tsc = 'node_modules/typescript/bin/tsc';

// The server needs lib/ before it starts; tsc --watch then keeps it current.
if (staleReason() !== undefined) {
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('npm run dev: src/ does not compile (errors above); fix them and run it again.\n');
    process.exit(build.status ?? 1);
  }
}
const children = [
  spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' }),
  spawn(process.execPath, ['--watch', 'node_modules/probot/bin/probot.js', 'run', './lib/app/index.js'], {
    stdio: 'inherit',
  }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
