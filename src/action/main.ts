import * as core from '@actions/core';
import { failJob, routeEvent, type EventRoute } from './action-io.js';
import { readActionContext, type ActionContext } from './read-action-context.js';

/**
 * The part of the Action that handles this kind of event, loaded only for its events. Each part is bundled as one
 * file with everything it uses, the GitHub client included (scripts/bundle-action.mjs), so an event loads that
 * file and none of the others' code.
 */
async function loadPart(route: Exclude<EventRoute, 'ignored'>): Promise<(context: ActionContext) => Promise<void>> {
  if (route === 'gate') return (await import('./run-gate.js')).gatePart;
  if (route === 'lifecycle') return (await import('./run-lifecycle.js')).lifecyclePart;
  return (await import('./run-pull-request-closed.js')).pullRequestClosedPart;
}

/**
 * The Action: read the event once and run the part it calls for, which reads the inputs it needs and presents its
 * result. An event pays the start-up of what it uses; one the Action ignores, only this file's.
 */
export async function run(): Promise<void> {
  try {
    const context = readActionContext(process.env);
    const route = routeEvent(context.eventName, context.payload);
    if (route === 'ignored') {
      core.info(
        `agent-os-github has nothing to do on "${context.eventName}" events; it handles pull_request, merge_group, issues and issue_comment events.`,
      );
      return;
    }
    const part = await loadPart(route);
    await part(context);
  } catch (error) {
    failJob(error);
  }
}
