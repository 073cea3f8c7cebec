import type { CoalesceStats } from './coalesce-runs.js';
import type { QueueStats } from './work-queue.js';

export interface DeliveryStats {
  /** Deliveries accepted (claimed) by this process. */
  accepted: number;
  /** Deliveries another delivery of the same id had already claimed (here or on another replica). */
  duplicate: number;
  /** Deliveries of the App's own writes answered without work or a claim (its label; its pull request on a head it reported). */
  own: number;
  /** Signed deliveries whose payload lacked what the App reads (answered 400). */
  malformed: number;
  /** Deliveries whose work failed (released, so a redelivery runs again). */
  failed: number;
}

export interface AppMetrics {
  queue: QueueStats;
  deliveries: DeliveryStats;
  gate: CoalesceStats;
  claims: 'memory' | 'redis';
}

type Metric = [name: string, type: 'gauge' | 'counter', help: string, value: (m: AppMetrics) => number];

/** Every metric, its help text and where its value comes from (the table is the documentation). */
const METRICS: Metric[] = [
  ['agent_os_queue_length', 'gauge', 'Jobs waiting in the work queue.', (m) => m.queue.queued],
  ['agent_os_queue_running', 'gauge', 'Jobs running.', (m) => m.queue.running],
  [
    'agent_os_deliveries_in_flight',
    'gauge',
    'Accepted deliveries whose work has not finished.',
    (m) => m.queue.inFlight,
  ],
  [
    'agent_os_queue_wait_seconds_last',
    'gauge',
    'Wait of the last job to start, from enqueueing to start.',
    (m) => m.queue.wait.lastMs / 1000,
  ],
  [
    'agent_os_queue_wait_seconds_max',
    'gauge',
    'Longest wait of a job since the process started.',
    (m) => m.queue.wait.maxMs / 1000,
  ],
  ['agent_os_queue_wait_seconds_sum', 'counter', 'Total wait of the jobs started.', (m) => m.queue.wait.totalMs / 1000],
  ['agent_os_queue_wait_seconds_count', 'counter', 'Jobs started.', (m) => m.queue.wait.count],
  ['agent_os_jobs_failed_total', 'counter', 'Jobs that threw.', (m) => m.queue.failed],
  [
    'agent_os_deliveries_accepted_total',
    'counter',
    'Deliveries claimed and queued by this process.',
    (m) => m.deliveries.accepted,
  ],
  [
    'agent_os_deliveries_duplicate_total',
    'counter',
    'Deliveries already claimed (a redelivery or another replica).',
    (m) => m.deliveries.duplicate,
  ],
  [
    'agent_os_deliveries_own_total',
    'counter',
    "Deliveries of the App's own writes answered without work.",
    (m) => m.deliveries.own,
  ],
  [
    'agent_os_deliveries_malformed_total',
    'counter',
    'Signed deliveries answered 400 for a malformed payload.',
    (m) => m.deliveries.malformed,
  ],
  [
    'agent_os_deliveries_failed_total',
    'counter',
    'Deliveries whose work failed (released for a redelivery).',
    (m) => m.deliveries.failed,
  ],
  ['agent_os_gate_runs_total', 'counter', 'Gate evaluations run.', (m) => m.gate.runs],
  [
    'agent_os_gate_joined_total',
    'counter',
    'Gate requests that joined a queued evaluation of the same commit.',
    (m) => m.gate.joined,
  ],
  [
    'agent_os_claims_shared',
    'gauge',
    'Whether delivery claims are shared through Redis (1) or kept in this process (0).',
    (m) => (m.claims === 'redis' ? 1 : 0),
  ],
];

/** The metrics in Prometheus' text format (what `GET /metrics` answers). */
export function renderMetrics(metrics: AppMetrics): string {
  const lines = METRICS.flatMap(([name, type, help, value]) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    `${name} ${String(value(metrics))}`,
  ]);
  return `${lines.join('\n')}\n`;
}
