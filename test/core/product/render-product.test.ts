import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { detectTechStack } from '../../../src/core/product/detect-tech-stack.js';
import { estimateEffort } from '../../../src/core/product/estimate-effort.js';
import { STACK_FILE_PATHS } from '../../../src/core/product/product-files.js';
import { missingProductInfo, parseProductBrief } from '../../../src/core/product/parse-product-brief.js';
import {
  renderMission,
  renderProductQuestions,
  renderRoadmap,
  renderTechStack,
} from '../../../src/core/product/render-product.js';
import { parseRoadmap } from '../../../src/core/product/roadmap.js';
import { loadStackFixture } from './stack-fixtures.js';

const shiftboard = parseProductBrief(
  'Product: Shiftboard',
  await readFile(resolve('test/fixtures/product/briefs/agent-os-sections.md'), 'utf8'),
);

describe('renderMission', () => {
  it('writes the Agent OS mission sections from the brief, as written', () => {
    expect(renderMission(shiftboard)).toBe(
      [
        '# Product Mission',
        '',
        '## Pitch',
        '',
        'Shiftboard is a scheduling app that helps **independent clinics** fill open shifts in minutes by matching them with qualified, available staff.',
        '',
        '## Users',
        '',
        '### Primary Customers',
        '',
        '- **Clinic managers:** run a 5–40 person clinic and build the weekly rota by hand',
        '- Part-time nurses who pick up extra shifts across several clinics',
        '- **Agency coordinators:** place temporary staff and need to see open shifts at a glance',
        '',
        '### User Personas',
        '',
        '**Clinic managers**',
        '- **Context:** run a 5–40 person clinic and build the weekly rota by hand',
        '',
        '**Agency coordinators**',
        '- **Context:** place temporary staff and need to see open shifts at a glance',
        '',
        '## The Problem',
        '',
        'Clinics fill last-minute gaps by phoning down a list, which takes hours and often fails. Unfilled shifts cost a small clinic about 3 % of its revenue.',
        '',
        '## Differentiators',
        '',
        '- Unlike generic rota tools, Shiftboard checks licences and certifications before offering a shift',
        '- Works by SMS for staff without the app',
        '',
        '## Key Features',
        '',
        '### Core Features',
        '',
        '- **Open shift board:** managers post an open shift and see who can take it',
        '- **Credential checks:** only staff with a valid licence for the role are offered the shift',
        '- **SMS offers:** staff accept or decline an offer by replying to a text message',
        '- **Stripe billing:** clinics pay per filled shift with Stripe, invoices every month; monthly invoice as PDF',
        '- **Dark mode**',
        '',
      ].join('\n'),
    );
  });

  it('names the product in a pitch that does not, and says plainly what is not described', () => {
    const mission = renderMission({
      name: 'Quiltbook',
      pitch: 'A shared recipe book for families.',
      users: ['Families'],
      problem: '',
      differentiators: [],
      features: [],
    });
    expect(mission).toContain('## Pitch\n\n**Quiltbook**: A shared recipe book for families.\n');
    expect(mission).toContain(
      '### User Personas\n\n_No personas described yet: add one per kind of user (role, context, pain points, goals)._\n',
    );
    expect(mission).toContain('## The Problem\n\n_Not described yet._\n');
    expect(mission).toContain('## Differentiators\n\n_None listed yet._\n');
  });

  it('closes a code fence left open in the problem, so it cannot swallow the sections after it', () => {
    const mission = renderMission({ ...shiftboard, problem: 'Today:\n\n```\nphone list' });
    expect(mission).toContain('```\nphone list\n```\n\n## Differentiators');
  });
});

describe('renderRoadmap', () => {
  it('writes one ordered task line per feature with an effort, and the Agent OS notes', () => {
    expect(renderRoadmap(shiftboard)).toBe(
      [
        '# Product Roadmap',
        '',
        '1. [ ] Open shift board — managers post an open shift and see who can take it `S`',
        '2. [ ] Credential checks — only staff with a valid licence for the role are offered the shift `M`',
        '3. [ ] SMS offers — staff accept or decline an offer by replying to a text message `M`',
        '4. [ ] Stripe billing — clinics pay per filled shift with Stripe, invoices every month; monthly invoice as PDF `M`',
        '5. [ ] Dark mode `XS`',
        '',
        '> Notes',
        '> - Order items by technical dependencies and product architecture (they start in the order the product description lists them)',
        '> - Each item should represent an end-to-end (frontend + backend) functional and testable feature',
        '> - Effort scale: `XS` 1 day, `S` 2–3 days, `M` 1 week, `L` 2 weeks, `XL` 3+ weeks',
        '> - Efforts are first estimates from the length of each description and the kinds of work it names (integrations, billing, sync, permissions, search, …): adjust them',
        '',
      ].join('\n'),
    );
  });

  it('reads back as the same items (titles with markdown characters too)', () => {
    const brief = {
      ...shiftboard,
      features: [...shiftboard.features, { title: 'C# SDK *beta*', description: 'a `dotnet` client' }],
    };
    expect(
      parseRoadmap(renderRoadmap(brief)).map((i) => [i.number, i.title, i.description, i.effort, i.checked]),
    ).toEqual([
      [1, 'Open shift board', 'managers post an open shift and see who can take it', 'S', false],
      [2, 'Credential checks', 'only staff with a valid licence for the role are offered the shift', 'M', false],
      [3, 'SMS offers', 'staff accept or decline an offer by replying to a text message', 'M', false],
      [
        4,
        'Stripe billing',
        'clinics pay per filled shift with Stripe, invoices every month; monthly invoice as PDF',
        'M',
        false,
      ],
      [5, 'Dark mode', '', 'XS', false],
      [6, 'C# SDK *beta*', 'a `dotnet` client', 'XS', false],
    ]);
  });
});

describe('estimateEffort', () => {
  it.each([
    ['Dark mode', '', 'XS'],
    ['Landing page', 'a page that explains the product', 'XS'],
    ['Recipe cards', 'type or photograph a recipe, with its story', 'S'],
    ['Slack integration', 'post a daily summary to a channel', 'M'],
    [
      'Team billing',
      'teams subscribe to a monthly plan with Stripe and manage seats, invoices and payment methods from one settings screen',
      'L',
    ],
    [
      'Admin console',
      'admins manage roles and permissions, search every workspace, and export audit reports as CSV',
      'L',
    ],
    [
      'Admin console',
      'admins manage roles and permissions for every workspace, search across all of them, and export audit reports as CSV for compliance reviews every quarter',
      'XL',
    ],
  ])('%s — %s → %s', (title, description, effort) => {
    expect(estimateEffort({ title, description })).toBe(effort);
  });
});

describe('renderTechStack', () => {
  it('groups the entries by category, each saying where it was found', async () => {
    const entries = detectTechStack(await loadStackFixture('go-service'));
    expect(renderTechStack(entries)).toBe(
      [
        '# Tech Stack',
        '',
        'Detected from `go.mod`, `Dockerfile`, `.github/workflows/go.yml`. Edit this file to add what the manifests do not show (hosting, services, conventions); it takes precedence over them.',
        '',
        '## Language',
        '',
        '- Go 1.22.5 (found in `go.mod`)',
        '',
        '## Framework',
        '',
        '- Gin 1.10.0 (found in `go.mod`)',
        '',
        '## Database',
        '',
        '- PostgreSQL (found in `go.mod`)',
        '- Redis (found in `go.mod`)',
        '',
        '## ORM',
        '',
        '- GORM 1.25.12 (found in `go.mod`)',
        '',
        '## Testing',
        '',
        '- testify 1.9.0 (found in `go.mod`)',
        '',
        '## Package manager',
        '',
        '- Go modules (found in `go.mod`)',
        '',
        '## CLI',
        '',
        '- Cobra 1.8.1 (found in `go.mod`)',
        '',
        '## Container',
        '',
        '- Docker (golang:1.22-alpine) (found in `Dockerfile`)',
        '- Docker (gcr.io/distroless/static-debian12:nonroot) (found in `Dockerfile`)',
        '',
        '## CI/CD',
        '',
        '- GitHub Actions (Go) (found in `.github/workflows/go.yml`)',
        '',
      ].join('\n'),
    );
  });

  it('says plainly when no manifests were found, and what was looked for', () => {
    const text = renderTechStack([]);
    expect(
      text.startsWith(
        '# Tech Stack\n\nNo manifests were found in this repository, so nothing could be detected.\n\nLooked for: `package.json`, ',
      ),
    ).toBe(true);
    for (const path of [...STACK_FILE_PATHS, '.github/workflows/*.yml']) expect(text).toContain(`\`${path}\``);
    expect(
      text.endsWith('\n\nList the stack here by hand: language, framework, database, testing, hosting, CI/CD.\n'),
    ).toBe(true);
  });
});

describe('renderProductQuestions', () => {
  it('asks the numbered questions and says how to answer', () => {
    const questions = missingProductInfo(
      parseProductBrief('Dog walking', 'An app for dog walkers.\n\n- Booking calendar\n- Payments\n- Reviews'),
    );
    expect(renderProductQuestions(questions)).toBe(
      [
        'To plan the product (mission, roadmap and tech stack), Agent OS needs a little more about it:',
        '',
        '1. **Users:** Who is it for? Name at least one user segment (e.g. “engineering managers at 10–50 person startups”), one per line.',
        '2. **The problem:** What problem does Dog walking solve for them, and how do they deal with it today?',
        '',
        'Reply with answers numbered like the questions (`1. …` or `Q1: …`; a list under a number is fine), or edit the issue to add them; then comment `/plan-product` again.',
        '',
      ].join('\n'),
    );
  });
});
