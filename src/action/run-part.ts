import * as core from '@actions/core';
import type { GitHubClient } from '../github/github-client.js';
import { ACTION_INPUTS, failJob } from './action-io.js';
import { createActionClient } from './create-action-client.js';
import type { ActionContext } from './read-action-context.js';

/**
 * Run a part of the Action (the gate, the lifecycle, a closed pull request) on its event: the GitHub client from
 * the token input, then the part; any failure fails the job with a clear message. Each part is bundled as one
 * file with its own copy of what it uses (scripts/bundle-action.mjs), so its failures are told apart here, by the
 * code that threw them, not in dist/index.js.
 */
export async function runPart(
  context: ActionContext,
  run: (client: GitHubClient, context: ActionContext) => Promise<void>,
): Promise<void> {
  try {
    const token = core.getInput(ACTION_INPUTS.githubToken, { required: true });
    const { client, close } = await createActionClient(token, context.apiUrl, process.env);
    try {
      await run(client, context);
    } finally {
      close();
    }
  } catch (error) {
    failJob(error);
  }
}
