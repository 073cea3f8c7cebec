// End to end with the model drafter on: the real App servers (two replicas) against the local GitHub and a local
// OpenAI-compatible model server; every webhook delivered and then redelivered with the same X-GitHub-Delivery.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isBehaviourChanging } from '../../src/core/model/spec-grounding.js';
import { parseRequirements } from '../../src/core/spec/parse-requirements.js';
import { parseSpec } from '../../src/core/spec/parse-spec.js';
import { renderSpec } from '../../src/core/spec/render-spec.js';
import { parseTaskFile } from '../../src/core/tasks/parse-task-file.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { startAppStage, type AppStage } from './support/app-stage.js';
import {
  ANSWERS,
  ISSUE_NUMBER as ISSUE,
  LEE,
  MARA,
  REQUIREMENTS,
  SPEC,
  Story,
  TASKS,
  sampleRepository,
} from './support/story.js';

const PR = 13;
let stage: AppStage;
let model: ModelServer;

beforeAll(async () => {
  model = await startModelServer();
  process.env.AGENT_OS_MODEL_URL = model.url;
  process.env.AGENT_OS_MODEL = 'e2e-model';
  process.env.AGENT_OS_MODEL_TOKEN = 'sk-e2e-token-000';
  stage = await startAppStage(2);
});

afterAll(async () => {
  await stage.close();
  await model.close();
  for (const key of ['AGENT_OS_MODEL_URL', 'AGENT_OS_MODEL', 'AGENT_OS_MODEL_TOKEN'])
    Reflect.deleteProperty(process.env, key);
});

/** A draft that carries every requirement of the deterministic draft and every answer that says something new. */
function specDraftFor(requirementsMd: string) {
  const doc = parseRequirements(requirementsMd);
  const floor = parseSpec(renderSpec(doc));
  const answers = doc.discussion.filter((d) => !d.defaulted && isBehaviourChanging(d.answer)).map((d) => d.number);
  return {
    goal: 'Team members are invited by email.',
    requirements: floor.requirements.map((r, i) => ({
      name: `Model: ${r.name}`,
      details: ['As the issue says.'],
      requirements: [r.number],
      answers: i === 0 ? answers : [],
    })),
  };
}

/** Six clarifying questions on the sample issue, each quoting it (the answers in ANSWERS fit their numbers). */
const QUESTIONS = {
  questions: [
    {
      topic: 'users-and-permissions',
      text: 'I assume only owners can invite people — is that right, or may admins invite too?',
      default: 'Only owners can invite.',
      issue_line: 7,
      quote: 'Owners can invite one or more people',
    },
    {
      topic: 'errors-and-edge-cases',
      text: 'I assume inviting an address with a pending invite sends a second invite — is that right?',
      default: 'A second invite is sent.',
      issue_line: 10,
      quote: 'already belongs to a member',
    },
    {
      topic: 'data',
      text: 'I assume invites are stored in a new table of their own — is that right?',
      default: 'A new table holds invites.',
      issue_line: 9,
      quote: 'Pending invites are listed with their status',
    },
    {
      topic: 'ui',
      text: 'I assume the Members page gets an invite button that opens a dialog — is that right?',
      default: 'An invite button on the Members page opens a dialog.',
      issue_line: 7,
      quote: 'from the **Members** page',
    },
    {
      topic: 'scope',
      text: 'I assume the first version has no limit on how many addresses one invite holds — is that right?',
      default: 'No limit on addresses per invite.',
      issue_line: 7,
      quote: 'one or more people by email address',
    },
    {
      topic: 'rollout',
      text: 'I assume invites ship to every workspace once merged, without a flag — should they go behind one?',
      default: 'Ships to everyone; no flag.',
      issue_line: 0,
      quote: 'Team invites by email',
    },
  ],
};

const FOLLOW_UP = {
  about: 5,
  text: 'You said “not sure”: how many addresses may one invite hold, and may sending wait in a queue?',
  default: 'Up to 50 addresses; emails are queued.',
  quote: 'not sure',
};

function tasksDraftFor(specMd: string) {
  const spec = parseSpec(specMd);
  return {
    groups: [
      {
        title: 'Model group',
        tasks: spec.requirements.map((r) => ({ text: `Build ${r.name}`, requirements: [r.number] })),
      },
    ],
  };
}

describe('the lifecycle with the model drafter on', () => {
  it('label → questions → answers → /write-spec → /create-tasks → /orchestrate-tasks: one model call per draft, none on redelivery', async () => {
    const fake = sampleRepository('app-model');
    stage.use(fake);
    const story = new Story(stage, fake, 'redelivered');
    story.echoes = false;
    model.script({ json: { questions: QUESTIONS.questions } }, { json: { follow_ups: [FOLLOW_UP] } });
    await story.label(ISSUE, 'shape-spec', MARA);
    await story.comment(ISSUE, ANSWERS, MARA);
    // The questions, then the follow-up on "5. not sure".
    expect(model.requests).toHaveLength(2);
    expect(
      fake.comments.some(
        (c) => c.body.startsWith('<!-- agent-os-github:follow-ups ') && c.body.includes(`9. ${FOLLOW_UP.text}`),
      ),
    ).toBe(true);
    const asked = fake.comments.filter((c) => c.body.startsWith('<!-- agent-os-github:questions '));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toContain(`1. **Users and permissions.** ${QUESTIONS.questions[0]?.text ?? '-'}`);
    expect(story.file(REQUIREMENTS)).toContain('"questionsDrafted":{"drafter":"model","model":"e2e-model"');

    model.script({ json: specDraftFor(story.file(REQUIREMENTS) ?? '') });
    await story.comment(ISSUE, '/write-spec', MARA);
    expect(model.requests).toHaveLength(3);
    const spec = story.file(SPEC) ?? '';
    expect(spec).toContain('"drafter":"model","model":"e2e-model"');
    expect(spec).toContain('**1. Model: ');

    model.script({ json: tasksDraftFor(spec) });
    await story.comment(PR, '/create-tasks', LEE);
    expect(model.requests).toHaveLength(4);
    expect(story.file(TASKS)).toContain('#### Task Group 1: Model group');

    // /orchestrate-tasks: the model's guidance in each group's prompt, one call a group.
    const tasks = parseTaskFile(story.file(TASKS) ?? '');
    const groups = tasks.groups.filter((g) => g.tasks.length > 0);
    model.script(
      ...groups.map((g) => ({
        json: {
          approach: [
            {
              text: `Build group ${g.number ?? ''} test-first`,
              tasks: g.tasks.map((i, n) => tasks.tasks[i]?.id ?? `T${n + 1}`),
            },
          ],
        },
      })),
    );
    await story.comment(PR, '/orchestrate-tasks', LEE);
    expect(model.requests).toHaveLength(4 + groups.length);
    const prompt =
      [...story.files().entries()].find(([path]) => path.includes('/implementation/prompts/1-'))?.[1] ?? '';
    expect(prompt).toContain('## Implement this task and its sub-tasks');
    expect(prompt).toContain('## How to approach it');
    expect(prompt).toContain('"drafter":"model","model":"e2e-model"');
    for (const request of model.requests) expect(JSON.stringify(request.body)).not.toContain('sk-e2e-token-000');
    expect(model.pending()).toBe(0);
  });
});
