// The short readable report of `npm run bench` on stdout; the full numbers are in bench-results/results.json.
import type { StartupResult } from './action-startup.js';
import type { GateScenario } from './gate-latency.js';
import type { RequestsPerOperation } from './requests-per-operation.js';
import { formatTable } from './support/format-table.js';
import type { HostileResult, ParseResult } from './task-engine.js';

export interface BenchResults {
  date: string;
  node: string;
  cpus: number;
  requestsPerOperation: RequestsPerOperation;
  gateLatency: GateScenario[];
  taskEngine: ParseResult[];
  hostileFiles: HostileResult[];
  actionStartup: StartupResult[];
}

function printRequests({ latencyMs, operations }: RequestsPerOperation): void {
  console.log(`\n1. GitHub requests per operation: the App through Probot against the fake GitHub (${latencyMs} ms per request).`);
  console.log('   R/W = reads/writes, RT = sequential round-trips on the critical path, ≥ = lower bound; installation tokens apart.');
  const rows = operations.map((o) => ({
    operation: o.operation,
    requests: o.first.requests,
    'R/W': `${o.first.reads}/${o.first.writes}`,
    RT: o.first.roundTrips,
    '≥ R/W/RT': `${o.lowerBound.reads}/${o.lowerBound.writes}/${o.lowerBound.roundTrips}`,
    'redelivery R/W': `${o.redelivery.reads}/${o.redelivery.writes}`,
    '≥ redelivery R/W': `${o.lowerBound.redeliveryReads}/0`,
    tokens: o.first.tokenRequests + o.redelivery.tokenRequests,
  }));
  console.log(formatTable(rows));
  console.log("   Lower bounds (S = settings: .github/agent-os.yml in the repository, then in the owner's .github; ‖ = in parallel):");
  for (const o of operations) console.log(`   - ${o.operation}: ${o.lowerBound.why}.`);
  for (const o of operations) {
    for (const error of [o.first.error, o.redelivery.error]) if (error !== undefined) console.log(`   ! ${o.operation} threw: ${error}`);
  }
}

function printGate(scenarios: readonly GateScenario[]): void {
  console.log('\n2. Gate latency and throughput: pull_request.synchronize through Probot, each after a push ticking one of 40 tasks.');
  console.log('   p50/p99: time to answer a delivery (checked, claimed, queued); settled: until the queue did all the work.');
  const rows = scenarios.map((s) => ({
    scenario: s.scenario,
    'p50 ms': s.p50Ms,
    'p99 ms': s.p99Ms,
    'settled ms': s.settledMs,
    'gate runs': s.gateRuns,
    'check-run writes': s.checkRunWrites,
    'deliveries/s': s.deliveriesPerSecond,
    'requests/delivery': s.requestsPerDelivery,
    'writes/delivery': s.writesPerDelivery,
    failed: s.failed,
  }));
  console.log(formatTable(rows));
}

function printParse(results: readonly ParseResult[]): void {
  console.log('\n3. Task engine: parseTaskFile on Agent OS tasks.md files (median). Growth = time ratio / size ratio against the');
  console.log('   next smaller file: 1 is linear.');
  const rows = results.map((r) => ({
    tasks: r.tasks,
    KB: Math.round(r.bytes / 1024),
    ms: r.ms,
    'MB/s': r.mbPerSecond,
    'size ×': r.sizeRatio ?? '',
    'time ×': r.timeRatio ?? '',
    growth: r.growth ?? '',
  }));
  console.log(formatTable(rows));
}

function printHostile(results: readonly HostileResult[]): void {
  console.log('\n3b. Hostile task files (issue 16): time to read each, or to refuse it with the line and the limit (median).');
  const rows = results.map((r) => ({ file: r.name, KB: Math.round(r.bytes / 1024), ms: r.ms, outcome: r.outcome, 'as tested': r.expected ? 'yes' : 'NO' }));
  console.log(formatTable(rows));
}

function printStartup(runs: readonly StartupResult[]): void {
  const baseline = runs[0]?.medianMs ?? 1;
  console.log('\n4. The bundled Action (dist/index.js), start to exit, against the fake GitHub over HTTP (10 runs each;');
  console.log('   exit 1 on the pull request is the gate failing the job: its tasks.md has open tasks).');
  const rows = runs.map((r) => ({
    run: r.run,
    'median ms': r.medianMs,
    'min ms': r.minMs,
    '× node -e 0': Math.round((r.medianMs / baseline) * 10) / 10,
    exit: r.exitCode,
    'requests/run': r.requests,
  }));
  console.log(formatTable(rows));
}

export function printTables(results: BenchResults): void {
  console.log(`agent-os-github bench, ${results.date}, Node ${results.node}, ${results.cpus} CPUs`);
  printRequests(results.requestsPerOperation);
  printGate(results.gateLatency);
  printParse(results.taskEngine);
  printHostile(results.hostileFiles);
  printStartup(results.actionStartup);
}
