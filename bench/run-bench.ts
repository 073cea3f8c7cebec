// `npm run bench`: GitHub requests per lifecycle operation, gate latency and throughput, task-engine speed and
// the bundled Action's start-up. Writes bench-results/results.json and prints a short table of each.
// A benchmark, not a test: nothing here asserts.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { actionStartup } from './action-startup.js';
import { gateLatency } from './gate-latency.js';
import { printTables, type BenchResults } from './print-tables.js';
import { requestsPerOperation } from './requests-per-operation.js';
import { hostileFiles, taskEngine } from './task-engine.js';

const results: BenchResults = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  requestsPerOperation: await requestsPerOperation(),
  gateLatency: await gateLatency(),
  taskEngine: taskEngine(),
  hostileFiles: hostileFiles(),
  actionStartup: await actionStartup(),
};

await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/results.json', `${JSON.stringify(results, null, 2)}\n`);
printTables(results);
console.log('\nWritten to bench-results/results.json');
