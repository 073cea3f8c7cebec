import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderMetrics, type AppMetrics } from './render-metrics.js';

/** Where the App serves its metrics, next to Probot's `/ping`. */
export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics`: the work queue's length and wait, deliveries accepted, duplicate, malformed and failed, gate runs,
 * in Prometheus' text format. Other requests are left to the next handler.
 */
export function metricsHandler(metrics: () => AppMetrics): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const body = renderMetrics(metrics());
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
