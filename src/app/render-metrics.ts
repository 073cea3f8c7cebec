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

/** The metrics in Prometheus' text format (what `GET /metrics` answers). */
export function renderMetrics(metrics: AppMetrics): string {
  const { queue, deliveries, gate } = metrics;
  const lines: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number, labels = '') => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name}${labels} ${String(value)}`);
  };
  metric('agent_os_queue_length', 'gauge', 'Jobs waiting in the work queue.', queue.queued);
  metric('agent_os_queue_running', 'gauge', 'Jobs running.', queue.running);
  metric('agent_os_deliveries_in_flight', 'gauge', 'Accepted deliveries whose work has not finished.', queue.inFlight);
  metric('agent_os_queue_wait_seconds_last', 'gauge', 'Wait of the last job to start, from enqueueing to start.', queue.wait.lastMs / 1000);
  metric('agent_os_queue_wait_seconds_max', 'gauge', 'Longest wait of a job since the process started.', queue.wait.maxMs / 1000);
  metric('agent_os_queue_wait_seconds_sum', 'counter', 'Total wait of the jobs started.', queue.wait.totalMs / 1000);
  metric('agent_os_queue_wait_seconds_count', 'counter', 'Jobs started.', queue.wait.count);
  metric('agent_os_jobs_failed_total', 'counter', 'Jobs that threw.', queue.failed);
  metric('agent_os_deliveries_accepted_total', 'counter', 'Deliveries claimed and queued by this process.', deliveries.accepted);
  metric('agent_os_deliveries_duplicate_total', 'counter', 'Deliveries already claimed (a redelivery or another replica).', deliveries.duplicate);
  metric('agent_os_deliveries_own_total', 'counter', "Deliveries of the App's own writes answered without work.", deliveries.own);
  metric('agent_os_deliveries_malformed_total', 'counter', 'Signed deliveries answered 400 for a malformed payload.', deliveries.malformed);
  metric('agent_os_deliveries_failed_total', 'counter', 'Deliveries whose work failed (released for a redelivery).', deliveries.failed);
  metric('agent_os_gate_runs_total', 'counter', 'Gate evaluations run.', gate.runs);
  metric('agent_os_gate_joined_total', 'counter', 'Gate requests that joined a queued evaluation of the same commit.', gate.joined);
  metric('agent_os_claims_shared', 'gauge', 'Whether delivery claims are shared through Redis (1) or kept in this process (0).', metrics.claims === 'redis' ? 1 : 0);
  return `${lines.join('\n')}\n`;
}
