import { plainText } from '../markdown/plain-text.js';
import type { Bullet } from './read-requirements.js';
import type { SpecDocument, SpecRequirement } from './read-spec.js';

/** The specialisations task groups are made for, in the order they are built. */
export type Layer = 'database' | 'api' | 'frontend';

const LAYERS: ReadonlyArray<{ layer: Layer; heading: string; group: string; work: string; words: RegExp }> = [
  {
    layer: 'database',
    heading: 'Database Layer',
    group: 'Data Models and Persistence',
    work: 'data models and persistence',
    words: /\b(models?|database|db|tables?|columns?|fields?|schema|migrations?|stored?|persist\w*|records?|indexes|data|cache|storage)\b/gi,
  },
  {
    layer: 'api',
    heading: 'API Layer',
    group: 'API and Core Logic',
    work: 'API and core logic',
    words: /\b(api|endpoints?|requests?|responses?|server|backend|webhooks?|jobs?|queues?|e-?mails?|mail|send\w*|notif\w*|tokens?|links?|validat\w*|auth\w*|permissions?|expire\w*|retr\w*|limits?)\b/gi,
  },
  {
    layer: 'frontend',
    heading: 'Frontend',
    group: 'User Interface',
    work: 'user interface',
    words: /\b(pages?|screens?|buttons?|forms?|dialogs?|modals?|ui|views?|display\w*|shows?|banners?|toggles?|click\w*|layouts?|components?|menus?|tabs?|icons?|themes?|inline)\b/gi,
  },
];

/** The layer a requirement belongs to, by the words it uses (API and core logic when nothing stands out). */
export function layerOf(requirement: SpecRequirement): Layer {
  const text = plainText([requirement.name, ...requirement.bullets.map((b) => b.text)].join('\n'));
  let best: { layer: Layer; score: number } = { layer: 'api', score: 0 };
  for (const { layer, words } of LAYERS) {
    const score = text.match(words)?.length ?? 0;
    if (score > best.score) best = { layer, score };
  }
  return best.layer;
}

function short(markdown: string, max = 70): string {
  const plain = plainText(markdown).replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function bulletLines(bullets: readonly Bullet[], indent: string): string[] {
  return bullets.map((b) => `${indent}${'  '.repeat(b.depth)}- ${b.text}`);
}

interface Group {
  number: number;
  heading: string;
  title: string;
  dependencies: string;
  lines: string[];
  acceptance: string[];
}

/**
 * tasks.md in the Agent OS v2.1 layout from a spec: one task group per specialisation the requirements need
 * (data, API, UI), each opening with 2–8 focused tests and closing by running only those, then a test-review
 * group. Every specific requirement becomes a sub-task that names it, so it can be traced back.
 */
export function renderTasks(spec: SpecDocument): string {
  const byLayer = new Map<Layer, SpecRequirement[]>();
  for (const requirement of spec.requirements) {
    const layer = layerOf(requirement);
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), requirement]);
  }
  const groups: Group[] = [];
  for (const { layer, heading, group, work } of LAYERS) {
    const requirements = byLayer.get(layer);
    if (requirements === undefined) continue;
    const n = groups.length + 1;
    const numbers = requirements.map((r) => r.number);
    const which = numbers.length === 1 ? `Specific Requirement ${numbers[0] ?? ''}` : `Specific Requirements ${numbers.join(', ')}`;
    const lines = [`- [ ] ${n}.0 Complete the ${work}`, `  - [ ] ${n}.1 Write 2-8 focused tests for ${which}`];
    requirements.forEach((r, i) => {
      lines.push(`  - [ ] ${n}.${i + 2} Implement Specific Requirement ${r.number}: ${short(r.name)}`);
      lines.push(...bulletLines(r.bullets, '    '));
    });
    lines.push(`  - [ ] ${n}.${requirements.length + 2} Ensure the ${work} tests pass`, `    - Run only the 2-8 tests written in ${n}.1`);
    groups.push({
      number: n,
      heading,
      title: group,
      dependencies: n === 1 ? 'None' : `Task Group ${n - 1}`,
      lines,
      acceptance: [
        `The 2-8 tests written in ${n}.1 pass`,
        ...requirements.map((r) => `Specific Requirement ${r.number} (${short(r.name, 50)}) works as the spec describes`),
      ],
    });
  }
  const review = groups.length + 1;
  const earlier = groups.length === 0 ? 'None' : groups.length === 1 ? 'Task Group 1' : `Task Groups 1-${groups.length}`;
  groups.push({
    number: review,
    heading: 'Testing',
    title: 'Test Review and Gap Analysis',
    dependencies: earlier,
    lines: [
      `- [ ] ${review}.0 Review the feature's tests and fill critical gaps only`,
      `  - [ ] ${review}.1 Review the tests written in ${groups.length === 0 ? 'this spec' : groups.map((g) => `${g.number}.1`).join(', ')}`,
      `  - [ ] ${review}.2 Find the gaps in test coverage for this feature only, against the acceptance criteria`,
      `  - [ ] ${review}.3 Write at most 10 more strategic tests for the gaps`,
      `  - [ ] ${review}.4 Run the feature's tests only`,
    ],
    acceptance: [
      "All of the feature's tests pass",
      'No more than 10 tests added in this group',
      ...spec.acceptance.map((a) => `${'  '.repeat(a.depth)}${a.text}`),
    ],
  });

  const total = groups.reduce((sum, g) => sum + g.lines.filter((l) => /^\s*- \[ \]/.test(l)).length, 0);
  const out = [`# Task Breakdown: ${spec.title === '' ? 'Spec' : spec.title}`, '', '## Overview', '', `Total Tasks: ${total}`, ''];
  if (spec.goal !== '') out.push(`Goal: ${spec.goal}`, '');
  out.push('## Task List', '');
  let heading = '';
  for (const g of groups) {
    if (g.heading !== heading) {
      out.push(`### ${g.heading}`, '');
      heading = g.heading;
    }
    out.push(`#### Task Group ${g.number}: ${g.title}`, '', `**Dependencies:** ${g.dependencies}`, '', ...g.lines, '', '**Acceptance Criteria:**', '');
    out.push(...g.acceptance.map((a) => (a.startsWith(' ') ? a.replace(/^( *)/, '$1- ') : `- ${a}`)), '');
  }
  out.push('## Execution Order', '', ...groups.map((g, i) => `${i + 1}. ${g.heading}: ${g.title} (Task Group ${g.number})`), '');
  return out.join('\n');
}
