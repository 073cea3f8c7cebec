import { parseProductBrief } from '../../src/core/product/parse-product-brief.js';
import { renderMission, renderRoadmap } from '../../src/core/product/render-product.js';
import type { StackEntry } from '../../src/core/product/stack-entry.js';

export const TOKEN = 'sk-model-secret-5678';

/** A product description as people write one on an issue (our own, in the shape of real ones). */
export const PRODUCT_BODY = [
  '## Pitch',
  '',
  'Tandem helps small remote teams plan their week together, in one shared board instead of ten Slack threads.',
  '',
  '## Users',
  '',
  '- Engineering managers: at 10–50 person startups, running the weekly planning',
  '',
  '## The problem',
  '',
  'Weekly planning happens in Slack threads and spreadsheets, so priorities get lost.',
  '',
  '## Key features',
  '',
  '- Shared weekly board: everyone sees the team’s priorities for the week in one place',
  '- Async check-ins: a short daily update replaces the stand-up meeting',
  '- Calendar sync: two-way sync of planned work with Google Calendar',
].join('\n');

export const BRIEF = parseProductBrief('Tandem', PRODUCT_BODY);
export const FLOOR = { mission: renderMission(BRIEF), roadmap: renderRoadmap(BRIEF) };
export const PATHS = ['package.json', 'src', 'src/app', 'src/app/page.tsx', 'src/calendar', 'src/calendar/google.ts'];
export const STACK: StackEntry[] = [
  { category: 'Language', name: 'TypeScript 5.7', source: 'package.json' },
  { category: 'Framework', name: 'Next.js 15.1.0', source: 'package.json' },
];

/** A plan that passes the check: every item carried, real paths. */
export const GOOD_PLAN = {
  pitch: { text: 'Tandem gives small remote teams one shared board to plan their week.', from: ['PITCH'], files: [] },
  customers: [
    { name: 'Engineering managers', description: 'at 10–50 person startups who run weekly planning', from: ['U1'] },
  ],
  personas: [
    {
      name: 'Maya, engineering manager',
      context: 'runs planning for a remote team of eight',
      pain_points: ['priorities lost in threads'],
      goals: ['one view of the week'],
      from: ['U1', 'L7'],
    },
  ],
  problem: { text: 'Planning scattered over Slack threads and spreadsheets loses priorities.', from: ['PROBLEM'] },
  differentiators: [],
  features: [
    {
      title: 'Shared weekly board',
      description: 'the week’s priorities in one place',
      from: ['F1'],
      files: ['src/app/page.tsx'],
    },
    { title: 'Async check-ins', description: 'a daily written update instead of a stand-up', from: ['F2'], files: [] },
    {
      title: 'Calendar sync',
      description: 'two-way sync with Google Calendar',
      from: ['F3'],
      files: ['src/calendar/google.ts'],
    },
  ],
  roadmap: [
    {
      title: 'Shared weekly board',
      description: 'a board of the week’s priorities, per team',
      effort: 'M',
      from: ['F1'],
      files: ['src/app'],
    },
    { title: 'Async check-ins', description: 'daily updates on the board', effort: 'S', from: ['F2'], files: [] },
    {
      title: 'Calendar sync',
      description: 'two-way Google Calendar sync',
      effort: 'L',
      from: ['F3'],
      files: ['src/calendar/google.ts'],
    },
  ],
};
export const DROPPED_PLAN = {
  ...GOOD_PLAN,
  features: GOOD_PLAN.features.slice(0, 2),
  roadmap: GOOD_PLAN.roadmap.slice(0, 2),
};
export const INVENTED_PLAN = {
  ...GOOD_PLAN,
  features: [...GOOD_PLAN.features.slice(0, 2), { ...GOOD_PLAN.features[2], files: ['src/calendar/outlook.ts'] }],
};
export const UNSOURCED_PLAN = {
  ...GOOD_PLAN,
  features: [
    ...GOOD_PLAN.features,
    { title: 'AI planning assistant', description: 'suggests the week’s plan', from: [], files: [] },
  ],
  roadmap: [
    ...GOOD_PLAN.roadmap,
    { title: 'AI planning assistant', description: 'suggests the week’s plan', effort: 'XL', from: [], files: [] },
  ],
};
