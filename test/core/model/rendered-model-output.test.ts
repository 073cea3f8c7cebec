import { describe, it } from '@jest/globals';
import { checkGroupPromptDraft } from '../../../src/core/model/check-group-prompt-draft.js';
import { checkProductDraft } from '../../../src/core/model/check-product-draft.js';
import { checkSpecDraft } from '../../../src/core/model/check-spec-draft.js';
import { checkTasksDraft, type TasksGrounding } from '../../../src/core/model/check-tasks-draft.js';
import { groundSpec, visualsOf } from '../../../src/core/model/ground-spec.js';
import { GROUP_PROMPT_DRAFT_SCHEMA } from '../../../src/core/model/group-prompt-draft-schema.js';
import type { GroupPromptGrounding } from '../../../src/core/model/group-prompt-grounding.js';
import { PRODUCT_DRAFT_SCHEMA } from '../../../src/core/model/product-draft-schema.js';
import { groundProduct } from '../../../src/core/model/product-grounding.js';
import { renderModelGroupPrompt, renderModelGuidance } from '../../../src/core/model/render-model-group-prompt.js';
import { renderModelProduct } from '../../../src/core/model/render-model-product.js';
import { renderModelSpec } from '../../../src/core/model/render-model-spec.js';
import { renderModelTasks } from '../../../src/core/model/render-model-tasks.js';
import { SPEC_DRAFT_SCHEMA } from '../../../src/core/model/spec-draft-schema.js';
import { TASKS_DRAFT_SCHEMA } from '../../../src/core/model/tasks-draft-schema.js';
import { parseRequirements } from '../../../src/core/spec/parse-requirements.js';
import { parseSpec } from '../../../src/core/spec/parse-spec.js';
import { readFeatureRequests, shapeFeatureRequest } from '../../../support/feature-requests.js';
import { expectRendered } from '../../support/expect-rendered.js';
import { BRIEF, GOOD_PLAN, PATHS, PRODUCT_BODY, STACK, UNSOURCED_PLAN } from '../../model/product-fixture.js';
import {
  ALL_PROPOSED_TASKS_DRAFT,
  GUIDANCE_DRAFT,
  HOSTILE,
  HOSTILE_GUIDANCE_DRAFT,
  HOSTILE_TASKS_DRAFT,
  hostile,
  MARKER,
  PROMPT_FLOOR,
  TASKS_DRAFT,
} from './model-draft-cases.js';

/**
 * What the model drafter's renderers write for a range of drafts (ordinary, with proposals, every field hostile),
 * committed under test/fixtures/rendered/model/ (see test/support/expect-rendered.ts).
 */
function expectFiles(dir: string, files: Record<string, string>): void {
  for (const [name, actual] of Object.entries(files)) expectRendered(`model/${dir}/${name}`, actual);
}

/** A spec draft carrying every requirement of the grounding, as a model that follows the prompt writes one. */
function faithfulSpecDraft(grounding: ReturnType<typeof groundSpec>) {
  return SPEC_DRAFT_SCHEMA.parse({
    goal: `${grounding.title}: done when every requirement below holds.`,
    user_stories: [`As a user, I want ${grounding.title.toLowerCase()} so that I get my work done.`],
    requirements: grounding.requirements.map((r) => ({
      name: r.name,
      details: r.details.slice(0, 2),
      requirements: [r.number],
      issue_lines: [1],
    })),
    acceptance_criteria: [{ text: 'Every requirement above is covered by a test', requirements: [1] }],
    visual_design: [{ text: 'Follows the existing layout', issue_lines: [1] }],
    existing_code: [{ path: 'src/index.ts', reason: 'the entry point to extend', answers: [1] }],
    out_of_scope: [{ text: 'Anything the issue does not ask for', issue_lines: [1] }],
  });
}

/** A spec draft whose every text is hostile, with cited paths that need cleaning and one proposal. */
function hostileSpecDraft(grounding: ReturnType<typeof groundSpec>) {
  return SPEC_DRAFT_SCHEMA.parse({
    goal: hostile(0),
    user_stories: HOSTILE.slice(1, 8),
    requirements: [
      ...grounding.requirements.map((r, i) => ({
        name: `${hostile(i + 8)} **${r.name}**`,
        details: [hostile(i), hostile(i + 12)],
        requirements: [r.number, r.number],
        answers: [1],
        issue_lines: [2, 3],
        files: ['./src/`odd`.ts:4', 'src/index.ts'],
      })),
      { name: hostile(9), details: HOSTILE.slice(15, 20) },
    ],
    acceptance_criteria: HOSTILE.slice(10, 14).map((text) => ({ text, requirements: [1] })),
    visual_design: HOSTILE.slice(14, 16).map((text) => ({ text, answers: [2] })),
    existing_code: HOSTILE.slice(16, 19).map((reason, i) => ({
      path: `src/\`x\`/${i}.ts`,
      symbol: i === 0 ? '' : '`fn`',
      reason,
      answers: i === 2 ? [] : [1, 2],
    })),
    out_of_scope: HOSTILE.slice(19).map((text) => ({ text, issue_lines: [4] })),
  });
}

/** A goal as parseSpec reads one from spec.md (plain text) holding what markdown would read as markup. */
const HOSTILE_GOAL = 'Export *.csv & keep <angle> [brackets], snake_case_names, &copy; and 2 * 3 = 6 \\';

const SPEC_REQUESTS = ['api-export-endpoint', 'form-area-checkboxes', 'vague-one-liner', 'ui-copy-code-button'];

describe.each(readFeatureRequests().filter((r) => SPEC_REQUESTS.includes(r.name)))(
  'spec.md and tasks.md drafted by the model for $name',
  (request) => {
    const shaped = shapeFeatureRequest(request);
    const doc = parseRequirements(shaped.requirementsMd);
    const grounding = groundSpec(doc, shaped.specMd, { paths: ['src', 'src/index.ts'], documents: [] });
    const render = (draft: ReturnType<typeof faithfulSpecDraft>) =>
      renderModelSpec({
        draft,
        check: checkSpecDraft(draft, grounding),
        grounding,
        visuals: visualsOf(doc),
        marker: MARKER,
      });
    const tasksGrounding: TasksGrounding = {
      title: grounding.title,
      // As the App grounds the model: spec.md's goal as parseSpec reads it, plain text.
      goal: request.name === 'vague-one-liner' ? '' : parseSpec(shaped.specMd).goal,
      requirements: grounding.requirements,
      paths: ['src', 'src/a.ts', 'src/mail/send.ts', 'db/schema.sql'],
    };
    const tasks = (raw: object, goal = tasksGrounding.goal) => {
      const draft = TASKS_DRAFT_SCHEMA.parse(raw);
      const ground = { ...tasksGrounding, goal };
      return renderModelTasks({ draft, check: checkTasksDraft(draft, ground), grounding: ground, marker: MARKER });
    };

    it('writes spec.md and tasks.md as before', () => {
      expectFiles(`spec/${request.name}`, {
        'spec.md': render(faithfulSpecDraft(grounding)),
        'spec-hostile.md': render(hostileSpecDraft(grounding)),
        'tasks.md': tasks(TASKS_DRAFT),
        'tasks-hostile.md': tasks(HOSTILE_TASKS_DRAFT, HOSTILE_GOAL),
        'tasks-all-proposed.md': tasks(ALL_PROPOSED_TASKS_DRAFT),
      });
    });
  },
);

/** A product plan whose every text is hostile, with empty and proposed sections. */
function hostilePlan(withPeople: boolean) {
  return PRODUCT_DRAFT_SCHEMA.parse({
    pitch: { text: hostile(0), from: ['PITCH', 'L2'], files: ['./src/app/page.tsx'] },
    customers: withPeople
      ? HOSTILE.slice(1, 4).map((name, i) => ({ name, description: hostile(i + 10), from: ['U1'] }))
      : [],
    personas: withPeople
      ? HOSTILE.slice(4, 7).map((name, i) => ({
          name: `**${name}**`,
          context: hostile(i + 7),
          pain_points: i === 1 ? [] : [hostile(i + 11), hostile(i + 12)],
          goals: i === 2 ? [] : [hostile(i + 14)],
          from: i === 0 ? [] : ['U1', 'l3'],
        }))
      : [],
    problem: { text: hostile(10), from: [] },
    differentiators: withPeople
      ? HOSTILE.slice(11, 14).map((name, i) => ({ name, text: hostile(i + 15), from: i === 1 ? [] : ['D1'] }))
      : [],
    features: HOSTILE.slice(14, 18).map((title, i) => ({
      title,
      description: hostile(i + 18),
      from: i === 3 ? [] : [`F${i + 1}`],
      files: i === 0 ? ['src/calendar/google.ts', 'src/`x`.ts'] : [],
    })),
    roadmap: HOSTILE.slice(18).map((title, i) => ({
      title: `*${title}*`,
      description: hostile(i + 2),
      effort: ['m', ' XL ', 'huge', ''][i % 4],
      from: i === 2 ? [] : [`F${(i % 3) + 1}`],
      files: i === 1 ? ['src/app'] : [],
    })),
  });
}

describe('mission.md and roadmap.md drafted by the model', () => {
  const grounding = groundProduct({ brief: BRIEF, issueBody: PRODUCT_BODY, paths: PATHS, stack: STACK });
  const render = (raw: object) => {
    const draft = PRODUCT_DRAFT_SCHEMA.parse(raw);
    return renderModelProduct({ draft, check: checkProductDraft(draft, grounding), grounding, marker: MARKER });
  };

  it.each([
    ['good', GOOD_PLAN],
    ['unsourced', UNSOURCED_PLAN],
    ['hostile', hostilePlan(true)],
    ['hostile-no-people', hostilePlan(false)],
  ])('writes the %s plan as before', (name, plan) => {
    const { mission, roadmap } = render(plan);
    expectFiles(`product/${name}`, { 'mission.md': mission, 'roadmap.md': roadmap });
  });
});

describe("a task group's implementation prompt drafted by the model", () => {
  const grounding: GroupPromptGrounding = {
    specTitle: 'Team invites',
    groupKey: '1',
    groupName: 'Invite model and migration',
    tasks: [
      { ref: '1.0', text: 'Complete Invite model and migration', depth: 0 },
      { ref: '1.1', text: 'Write 2-8 focused tests', depth: 1 },
      { ref: '1.2', text: 'Add the invites table', depth: 1 },
      { ref: '1.3', text: 'Add the Invite model', depth: 1 },
    ],
    otherGroups: ['2: Invite flow'],
    goal: 'Owners invite teammates by email.',
    requirements: [{ number: 2, name: 'Links expire after 7 days', details: [] }],
    paths: ['db/schema.sql', 'src/mail/send.ts', 'src/invites/invite.ts', 'a/b.ts'],
    stack: [],
  };

  it.each([
    ['good', GUIDANCE_DRAFT],
    ['hostile', HOSTILE_GUIDANCE_DRAFT],
  ])('writes the %s guidance and prompt as before', (name, raw) => {
    const draft = GROUP_PROMPT_DRAFT_SCHEMA.parse(raw);
    const check = checkGroupPromptDraft(draft, grounding);
    const guidance = renderModelGuidance({ draft, check, model: 'test-model' });
    expectFiles(`prompt/${name}`, {
      'guidance.md': guidance,
      'prompt.md': renderModelGroupPrompt(PROMPT_FLOOR, guidance, MARKER),
    });
  });
});
