import * as core from '@actions/core';
import { accessSync, appendFileSync, constants } from 'node:fs';
import { EOL } from 'node:os';
import { errorMessage } from '../core/errors.js';
import type { EventOutcome } from '../events/event-types.js';
import { COMMAND_NAMES } from '../core/commands/parse-command.js';

/**
 * The Action's contract with workflows: the inputs it reads and the outputs it sets. `action.yml` declares exactly
 * these (a contract test holds it to them), and the entry points read and write nothing else.
 */
export const ACTION_INPUTS = {
  /** Token for the API; `action.yml` defaults it to the workflow's token. */
  githubToken: 'github-token',
  /** On pull requests, keep the checklist comment (needs `pull-requests: write`). */
  checklistComment: 'checklist-comment',
  /** A model to draft spec.md and tasks.md with (empty: rules only); see docs/model-drafter.md. */
  model: 'model',
  /** Token for the model endpoint (empty: `github-token`, which GitHub Models takes with `models: read`). */
  modelToken: 'model-token',
} as const;

/** Set by the gate on `pull_request`, `pull_request_target` and `merge_group` events. */
export const GATE_OUTPUTS = ['tasks', 'required', 'complete', 'incomplete', 'conclusion'] as const;

/** Set on `issues`, `issue_comment` and closed `pull_request` events. */
export const LIFECYCLE_OUTPUTS = ['phase', 'status'] as const;

export type ActionOutput = (typeof GATE_OUTPUTS)[number] | (typeof LIFECYCLE_OUTPUTS)[number];

/**
 * Set an output the Action declares (the only way the Action sets one). A one-line value is written as
 * `name=value`, GitHub's form for one line, which needs no random delimiter and so no `node:crypto` (a start-up
 * cost); a value with a line break goes through the toolkit's delimited form.
 */
export function setOutput(name: ActionOutput, value: string | number): void {
  const text = String(value);
  const file = process.env.GITHUB_OUTPUT;
  if (file === undefined || file === '' || /[\r\n]/.test(text)) {
    core.setOutput(name, value);
    return;
  }
  appendFileSync(file, `${name}=${text}${EOL}`, 'utf8');
}

/**
 * Append markdown to the job summary, as `core.summary.addRaw(markdown, true).write()` does (same file, same
 * errors), but synchronously: the toolkit's summary module loads `fs/promises` when it is imported, a start-up
 * cost on every run.
 */
export function appendStepSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  appendFileSync(file, `${markdown}${EOL}`, 'utf8');
}

/** A boolean input, or its default when the workflow leaves it empty; anything but true/false is refused. */
export function booleanInput(name: string, fallback: boolean): boolean {
  return core.getInput(name) === '' ? fallback : core.getBooleanInput(name);
}

/** Fail the job with the error's message (ours as it is, anything else as "Unexpected error: …"). */
export function failJob(error: unknown): void {
  setOutput('conclusion', 'failure');
  core.setFailed(errorMessage(error));
}

/** Every value of the `phase` output. */
export const PHASE_VALUES = [
  ...COMMAND_NAMES,
  'fold-answers',
  'tick',
  'sub-issue',
  'finish-spec',
  'none',
] as const satisfies ReadonlyArray<EventOutcome['phase']>;

/** Compiles only while PHASE_VALUES lists every phase the handlers can report. */
type NoneMissing<T extends never> = T;
export type EveryPhaseListed = NoneMissing<Exclude<EventOutcome['phase'], (typeof PHASE_VALUES)[number]>>;

/** The default of `checklist-comment` in `action.yml`. */
export const CHECKLIST_COMMENT_DEFAULT = true;

/** The events the Action acts on, and which part of it handles each. */
export type EventRoute = 'gate' | 'lifecycle' | 'pull-request-closed' | 'ignored';

export function routeEvent(
  eventName: string,
  payload: { action?: unknown; issue?: unknown; pull_request?: unknown; merge_group?: unknown },
): EventRoute {
  if ((eventName === 'issues' || eventName === 'issue_comment') && payload.issue !== undefined) return 'lifecycle';
  const pullRequestEvent = eventName === 'pull_request' || eventName === 'pull_request_target';
  if (pullRequestEvent && payload.pull_request !== undefined)
    return payload.action === 'closed' ? 'pull-request-closed' : 'gate';
  if (eventName === 'merge_group' && payload.merge_group !== undefined) return 'gate';
  return 'ignored';
}
