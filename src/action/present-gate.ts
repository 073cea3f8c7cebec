import * as core from '@actions/core';
import type { GateReport } from '../core/check/gate-types.js';
import { appendStepSummary, setOutput } from './action-io.js';

/** GitHub shows at most 10 error and 10 warning annotations per step; the job summary carries the rest. */
const ANNOTATIONS_PER_LEVEL = 10;

/** Show the gate in a workflow run: annotations on task lines, the job summary, outputs, and the job's result. */
export function presentGate(report: GateReport): void {
  const shown = { failure: 0, warning: 0, notice: 0 };
  for (const a of report.annotations) {
    if (shown[a.level] >= ANNOTATIONS_PER_LEVEL) continue;
    shown[a.level] += 1;
    const properties = { title: a.title, file: a.path, startLine: a.line };
    if (a.level === 'failure') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  appendStepSummary(report.summary);
  setOutput('tasks', report.counts.tasks);
  setOutput('required', report.counts.required);
  setOutput('complete', report.counts.complete);
  setOutput('incomplete', report.incomplete);
  setOutput('conclusion', report.conclusion);
  if (report.conclusion === 'failure') core.setFailed(report.title);
  else core.info(report.title);
}
