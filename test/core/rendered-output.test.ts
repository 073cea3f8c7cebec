import { describe, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decideGate } from '../../src/core/check/decide-gate.js';
import type { TaskFileRead } from '../../src/core/check/gate-types.js';
import { renderChecklist } from '../../src/core/checklist/render-checklist.js';
import { detectTechStack } from '../../src/core/product/detect-tech-stack.js';
import { missingProductInfo, parseProductBrief } from '../../src/core/product/parse-product-brief.js';
import {
  renderMission,
  renderProductQuestions,
  renderRoadmap,
  renderTechStack,
} from '../../src/core/product/render-product.js';
import { renderSpecPullRequestBody } from '../../src/core/spec/render-pull-request.js';
import { specLocationFor } from '../../src/core/spec/spec-location.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { renderVerification } from '../../src/core/verification/render-verification.js';
import { readFeatureRequests, shapeFeatureRequest } from '../../support/feature-requests.js';
import { expectRendered } from '../support/expect-rendered.js';
import { loadStackFixture, STACK_FIXTURES } from './product/stack-fixtures.js';

/**
 * What every renderer writes today over the fixtures, committed as files under test/fixtures/rendered/ (see
 * test/support/expect-rendered.ts; `UPDATE_RENDERED=1` rewrites them).
 */
describe.each(readFeatureRequests())('rendered from feature request $name', (request) => {
  it('writes requirements.md, spec.md, tasks.md and the pull request body as before', () => {
    const shaped = shapeFeatureRequest(request);
    const dir = `feature-requests/${request.name}`;
    expectRendered(`${dir}/requirements.md`, shaped.requirementsMd);
    expectRendered(`${dir}/spec.md`, shaped.specMd);
    expectRendered(`${dir}/tasks.md`, shaped.tasksMd);
    const location = specLocationFor(
      { issueNumber: request.meta.number, title: request.meta.title, createdAt: request.meta.createdAt },
      { specRoot: 'agent-os', branchPrefix: 'agent-os/' },
    );
    const roadmap = { number: 3, title: request.meta.title, path: 'agent-os/product/roadmap.md' };
    expectRendered(
      `${dir}/pull-request.md`,
      renderSpecPullRequestBody(request.meta.number, request.meta.title, location, roadmap),
    );
  });
});

const BRIEFS = 'test/fixtures/product/briefs';

describe.each(readdirSync(BRIEFS).map((f) => f.replace(/\.md$/, '')))('rendered from product brief %s', (name) => {
  it('writes mission.md, roadmap.md and the questions comment as before', () => {
    const brief = parseProductBrief(`Product: ${name}`, readFileSync(join(BRIEFS, `${name}.md`), 'utf8'));
    expectRendered(`product/${name}/mission.md`, renderMission(brief));
    expectRendered(`product/${name}/roadmap.md`, renderRoadmap(brief));
    expectRendered(`product/${name}/questions.md`, renderProductQuestions(missingProductInfo(brief)));
  });
});

describe.each(readdirSync(STACK_FIXTURES))('rendered from stack %s', (name) => {
  it('writes tech-stack.md as before', async () => {
    expectRendered(`stacks/${name}/tech-stack.md`, renderTechStack(detectTechStack(await loadStackFixture(name))));
  });
});

const TASKS = 'test/fixtures/tasks';
const taskFiles = readdirSync(TASKS).flatMap((name) =>
  readdirSync(join(TASKS, name), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ name, path: f.split('\\').join('/'), text: readFileSync(join(TASKS, name, f), 'utf8') })),
);
const link = (path: string, line?: number) =>
  `https://github.com/acme/app/blob/abc/${path}${line === undefined ? '' : `#L${line}`}`;

describe.each(taskFiles)('rendered from task file $name', ({ name, path, text }) => {
  it('writes the gate summary, the checklist comment and verification.md as before', () => {
    const file = parseTaskFile(text, { path });
    const reads: TaskFileRead[] = [{ path, status: 'read', file }];
    const report = decideGate(reads, link);
    expectRendered(`tasks/${name}/gate-summary.md`, report.summary);
    expectRendered(`tasks/${name}/checklist.md`, renderChecklist({ reads, report, link }));
    const verification = renderVerification({
      specTitle: `Tasks of ${name}`,
      specFolder: dirname(path),
      issueNumber: 12,
      pullRequest: 34,
      date: '2026-12-06',
      tasks: file,
      specFiles: [path, 'spec.md'],
      roadmap: { file: 'found', item: { number: 2, title: 'Team invites', checked: false }, update: 'pull-request' },
      checks: [
        { name: 'ci / test', status: 'completed', conclusion: 'success', url: 'https://example.test/1' },
        { name: 'ci / lint', status: 'completed', conclusion: 'failure', url: 'https://example.test/2' },
      ],
    });
    expectRendered(`tasks/${name}/verification.md`, verification);
  });
});
