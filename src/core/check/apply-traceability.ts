import type { TraceabilityMode } from '../spec/trace-requirements.js';
import type { FileLinker, GateAnnotation, GateReport, TaskFileRead } from './gate-types.js';

/** The most annotations a check run takes in one request; the gate keeps the rest for the summary. */
const MAX_TRACE_ANNOTATIONS = 20;

function phrase(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `requirement ${numbers[0] ?? ''} has no task`
    : `requirements ${numbers.join(', ')} have no task`;
}

/**
 * Hold the gate to each spec's trace: a specific requirement of spec.md that no task of its tasks.md names is
 * annotated on its line in spec.md (a warning, or a failure with `fail`), listed in the summary, and with `fail`
 * fails the check ("requirement 3 has no task").
 */
export function applyTraceability(
  report: GateReport,
  reads: readonly TaskFileRead[],
  mode: TraceabilityMode,
  link: FileLinker,
): GateReport {
  if (mode === 'off') return report;
  const traced = reads.flatMap((r) =>
    r.status === 'read' && r.trace !== undefined && r.trace.untraced.length > 0
      ? [{ path: r.path, trace: r.trace }]
      : [],
  );
  if (traced.length === 0) return report;
  const annotations: GateAnnotation[] = traced.flatMap(({ trace }) =>
    trace.untraced.map((u) => ({
      path: trace.specPath,
      line: u.line,
      level: mode === 'fail' ? ('failure' as const) : ('warning' as const),
      title: `Requirement ${u.number} has no task`,
      message: `No task in ${trace.tasksPath} names Specific Requirement ${u.number} (“${u.name}”). Add a task that says "Specific Requirement ${u.number}" (or a "Requirements: ${u.number}" line under one), or run /create-tasks --force to write tasks.md again from spec.md.`,
    })),
  );
  const lines = traced.flatMap(({ trace }) => [
    `**Traceability** (${link(trace.specPath)}): ${phrase(trace.untraced.map((u) => u.number))}${mode === 'warn' ? ' (a warning: `gate.traceability: warn`)' : ''}.`,
    '',
    ...trace.untraced.map((u) => `- ${link(trace.specPath, u.line)} Specific Requirement ${u.number}: ${u.name}`),
    '',
  ]);
  const all = traced.flatMap(({ trace }) => trace.untraced.map((u) => u.number));
  const failing = mode === 'fail';
  return {
    ...report,
    conclusion: failing ? 'failure' : report.conclusion,
    title: failing ? `${report.title}; ${phrase(all)}` : report.title,
    summary: `${report.summary.trimEnd()}\n\n${lines.join('\n')}`,
    annotations: [...report.annotations, ...annotations.slice(0, MAX_TRACE_ANNOTATIONS)],
  };
}
