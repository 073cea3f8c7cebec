// `node dist/index.js` as a GitHub Actions runner starts it for one workflow run (as in
// test/action/bundled-action-lifecycle.test.ts): the event in GITHUB_EVENT_PATH, the API at GITHUB_API_URL (no
// `/api/v3`), the inputs as INPUT_* with their action.yml defaults, and the outputs read back from GITHUB_OUTPUT.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runNode, type ProcessResult } from '../../../support/run-node.js';
import { parseActionOutputs } from '../../support/parse-action-outputs.js';

export interface ActionRun extends ProcessResult {
  outputs: Record<string, string>;
  summary: string;
}

export async function runAction(options: {
  apiUrl: string;
  workdir: string;
  eventName: string;
  payload: object;
  runId: string;
}): Promise<ActionRun> {
  const { workdir, runId } = options;
  const eventPath = join(workdir, `event-${runId}.json`);
  const outputPath = join(workdir, `output-${runId}`);
  const summaryPath = join(workdir, `summary-${runId}.md`);
  await writeFile(eventPath, JSON.stringify(options.payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const result = await runNode(['dist/index.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: options.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: runId,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
      // The fake GitHub has no rate limits: no pacing of writes (docs/action.md, "Pacing of writes").
      AGENT_OS_WRITE_PACING_MS: '0',
      'INPUT_CHECKLIST-COMMENT': 'true',
    },
  });
  const outputs = parseActionOutputs(await readFile(outputPath, 'utf8'));
  return { ...result, outputs, summary: await readFile(summaryPath, 'utf8') };
}
