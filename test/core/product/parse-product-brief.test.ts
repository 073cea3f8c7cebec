import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  foldProductAnswers,
  missingProductInfo,
  productNameOf,
  parseProductBrief,
  type ProductBrief,
} from '../../../src/core/product/parse-product-brief.js';

const BRIEFS = resolve('test/fixtures/product/briefs');

function brief(name: string): Promise<string> {
  return readFile(`${BRIEFS}/${name}.md`, 'utf8');
}

describe('parseProductBrief', () => {
  it('reads an issue written in the Agent OS sections, splitting features into title and description', async () => {
    expect(parseProductBrief('Product: Shiftboard', await brief('agent-os-sections'))).toEqual({
      name: 'Shiftboard',
      pitch:
        'Shiftboard is a scheduling app that helps **independent clinics** fill open shifts in minutes by matching them with qualified, available staff.',
      users: [
        'Clinic managers: run a 5–40 person clinic and build the weekly rota by hand',
        'Part-time nurses who pick up extra shifts across several clinics',
        '**Agency coordinators** — place temporary staff and need to see open shifts at a glance',
      ],
      problem:
        'Clinics fill last-minute gaps by phoning down a list, which takes hours and often fails. Unfilled shifts cost a small clinic about 3 % of its revenue.',
      differentiators: [
        'Unlike generic rota tools, Shiftboard checks licences and certifications before offering a shift',
        'Works by SMS for staff without the app',
      ],
      // The list item in an HTML comment and the one in a code block are not features.
      features: [
        { title: 'Open shift board', description: 'managers post an open shift and see who can take it' },
        {
          title: 'Credential checks',
          description: 'only staff with a valid licence for the role are offered the shift',
        },
        { title: 'SMS offers', description: 'staff accept or decline an offer by replying to a text message' },
        {
          title: 'Stripe billing',
          description: 'clinics pay per filled shift with Stripe, invoices every month; monthly invoice as PDF',
        },
        { title: 'Dark mode', description: '' },
      ],
    });
  });

  it('reads an issue form: fields as headings, one item a line, empty fields ignored', async () => {
    expect(parseProductBrief('[plan-product] Something', await brief('issue-form'))).toEqual({
      name: 'Quiltbook',
      pitch: "A shared recipe book for families, where grandparents' recipes are kept with their stories and photos.",
      users: ['Families spread across several cities', 'Home cooks who inherited handwritten recipe cards'],
      problem: '',
      differentiators: [],
      features: [
        { title: 'Recipe cards', description: 'type or photograph a recipe, with its story' },
        { title: 'Family circles', description: 'invite relatives by email to a private book' },
        { title: 'Print a book', description: "order a printed copy of the family's recipes" },
      ],
    });
  });

  it('reads an issue without headings: the first paragraph is the pitch, the list items the features', async () => {
    expect(parseProductBrief('Plan product: notesite', await brief('no-headings'))).toEqual({
      name: 'notesite',
      pitch:
        'A command-line tool that turns a folder of markdown notes into a static website that search engines can read.',
      users: [],
      problem: '',
      differentiators: [],
      features: [
        { title: 'Wiki links between notes become real links', description: '' },
        { title: 'Full-text search without a server', description: '' },
        { title: 'Deploy to GitHub Pages with one command', description: '' },
      ],
    });
  });

  it('reads bold lead-ins, lead-in lines before a list, quotes, and nested items as part of their feature', () => {
    const body = [
      '**Vision:** a bold lead-in followed by text is a paragraph, not a heading',
      '',
      '**Who it is for**',
      '',
      '> Solo founders who sell digital products',
      '',
      'Main capabilities:',
      '',
      '* Storefront – a hosted page per product',
      '* License keys',
      '  * generated on purchase',
      '  * revocable',
      '* Payouts: weekly, to a bank account',
      '',
      '| not | a feature |',
      '|---|---|',
      '| - x | y |',
    ].join('\n');
    const read = parseProductBrief('Paperclip', body);
    expect(read.pitch).toBe('**Vision:** a bold lead-in followed by text is a paragraph, not a heading');
    expect(read.users).toEqual(['Solo founders who sell digital products']);
    expect(read.features).toEqual([
      { title: 'Storefront', description: 'a hosted page per product' },
      { title: 'License keys', description: 'generated on purchase; revocable' },
      { title: 'Payouts', description: 'weekly, to a bank account' },
    ]);
  });

  it('keeps one user a line, joining lines of hard-wrapped prose', () => {
    const body =
      '## Target users\n\nAgencies that build marketing sites for\nseveral clients at once\nFreelance designers\n';
    expect(parseProductBrief('x', body).users).toEqual([
      'Agencies that build marketing sites for several clients at once',
      'Freelance designers',
    ]);
  });

  it('reads task-list items as features, without their boxes', () => {
    const body =
      '## Features\n\n- [ ] Invites: by email\n- [x] **Roles** — admin or member\n- [-] Billing - monthly plans';
    expect(parseProductBrief('x', body).features).toEqual([
      { title: 'Invites', description: 'by email' },
      { title: 'Roles', description: 'admin or member' },
      { title: 'Billing', description: 'monthly plans' },
    ]);
  });

  it('leaves out what is out of scope or for later', () => {
    const body =
      '## MVP\n\n- Invites\n\n## Out of scope\n\n- SSO\n\n## Later\n\n- Mobile app\n\n## Non-goals\n\n- Chat';
    expect(parseProductBrief('x', body).features).toEqual([{ title: 'Invites', description: '' }]);
  });

  it('does not list a feature twice', () => {
    const body = '## Features\n\n- Invites: by email\n- invites\n- **Roles** — admin or member\n- Roles';
    expect(parseProductBrief('x', body).features).toEqual([
      { title: 'Invites', description: 'by email' },
      { title: 'Roles', description: 'admin or member' },
    ]);
  });

  it('does not split a long sentence at a late colon', () => {
    const body = '## Features\n\n- Managers can see at a glance which shifts are still open this week: by day and role';
    expect(parseProductBrief('x', body).features).toEqual([
      { title: 'Managers can see at a glance which shifts are still open this week: by day and role', description: '' },
    ]);
  });

  it('is total: an empty issue gives an empty brief named by the title', () => {
    expect(parseProductBrief('Product:', null)).toEqual({
      name: 'Untitled product',
      pitch: '',
      users: [],
      problem: '',
      differentiators: [],
      features: [],
    });
    expect(parseProductBrief('Acme', '')).toMatchObject({ name: 'Acme', features: [] });
  });
});

describe('productNameOf', () => {
  it.each([
    ['Product: Acme', 'Acme'],
    ['[Product] Acme', 'Acme'],
    ['/plan-product Acme', 'Acme'],
    ['plan-product: Acme', 'Acme'],
    ['Plan product — Acme', 'Acme'],
    ['Product brief: "Acme"', 'Acme'],
    ['PRD - Acme Cloud', 'Acme Cloud'],
    ['Acme', 'Acme'],
    ['Productive Labs', 'Productive Labs'],
  ])('%s → %s', (title, name) => {
    expect(productNameOf(title)).toBe(name);
  });
});

describe('missingProductInfo', () => {
  it('asks nothing of a brief with a pitch, 3 features, a user segment and the problem', async () => {
    expect(missingProductInfo(parseProductBrief('Product: Shiftboard', await brief('agent-os-sections')))).toEqual([]);
  });

  it('asks, numbered from 1, for the pitch, more features, users and the problem', () => {
    expect(missingProductInfo(parseProductBrief('Dog walking', '- Booking calendar'))).toEqual([
      { number: 1, topic: 'pitch', text: 'What is Dog walking, in a sentence or two: what does it do, and for whom?' },
      {
        number: 2,
        topic: 'features',
        text: 'The description names 1 key feature (“Booking calendar”); Agent OS plans a product from at least 3. What other key features should the first versions have? List them one per line, as `Feature: what it lets users do`.',
      },
      {
        number: 3,
        topic: 'users',
        text: 'Who is it for? Name at least one user segment (e.g. “engineering managers at 10–50 person startups”), one per line.',
      },
      {
        number: 4,
        topic: 'problem',
        text: 'What problem does Dog walking solve for them, and how do they deal with it today?',
      },
    ]);
  });

  it('asks for features from scratch when there are none', () => {
    const [question] = missingProductInfo({
      name: 'X',
      pitch: 'p',
      users: ['u'],
      problem: 'q',
      differentiators: [],
      features: [],
    });
    expect(question).toEqual({
      number: 1,
      topic: 'features',
      text: 'What are the key features of the first versions? Agent OS plans a product from at least 3: list them one per line, as `Feature: what it lets users do`.',
    });
  });
});

describe('foldProductAnswers', () => {
  const thin: ProductBrief = parseProductBrief(
    'Dog walking',
    'An app for dog walkers to run their day.\n\n- Booking calendar: clients book walks',
  );
  const questions = missingProductInfo(thin);

  it('asks for features (1), users (2) and the problem (3) here', () => {
    expect(questions.map((q) => [q.number, q.topic])).toEqual([
      [1, 'features'],
      [2, 'users'],
      [3, 'problem'],
    ]);
  });

  it('folds numbered answers: lines and lists become features and users, prose the problem', () => {
    const reply = [
      'Thanks! Here goes:',
      '',
      '1. Route planner: the day’s walks on a map',
      '   Payments - clients pay by card after each walk',
      '2.',
      '   - Independent dog walkers',
      '   - Small walking agencies: 2–10 walkers',
      '3. Walkers juggle bookings across WhatsApp and paper diaries, and miss walks.',
    ].join('\n');
    expect(foldProductAnswers(thin, questions, reply)).toEqual({
      ...thin,
      features: [
        { title: 'Booking calendar', description: 'clients book walks' },
        { title: 'Route planner', description: 'the day’s walks on a map' },
        { title: 'Payments', description: 'clients pay by card after each walk' },
      ],
      users: ['Independent dog walkers', 'Small walking agencies: 2–10 walkers'],
      problem: 'Walkers juggle bookings across WhatsApp and paper diaries, and miss walks.',
    });
    expect(missingProductInfo(foldProductAnswers(thin, questions, reply))).toEqual([]);
  });

  it('folds `Q1:` labels with a list under them, and ignores vague answers and code blocks', () => {
    const reply = [
      '**Q1:**',
      '',
      '- Route planner',
      '- Booking calendar',
      '',
      'Q2: not sure',
      '',
      '```',
      '3. not an answer',
      '```',
    ].join('\n');
    const folded = foldProductAnswers(thin, questions, reply);
    expect(folded.features.map((f) => f.title)).toEqual(['Booking calendar', 'Route planner']);
    expect(folded.users).toEqual([]);
    expect(folded.problem).toBe('');
  });

  it('takes a bare list as the answer when only a list question was asked', () => {
    const onlyUsers = missingProductInfo({
      ...thin,
      features: [...thin.features, { title: 'A', description: '' }, { title: 'B', description: '' }],
      problem: 'p',
    });
    expect(onlyUsers.map((q) => q.topic)).toEqual(['users']);
    expect(foldProductAnswers(thin, onlyUsers, '- Dog walkers\n- Pet sitters').users).toEqual([
      'Dog walkers',
      'Pet sitters',
    ]);
    expect(foldProductAnswers(thin, onlyUsers, 'Will do, thanks!').users).toEqual([]);
  });

  it('changes nothing for a reply that answers none of the questions', () => {
    expect(foldProductAnswers(thin, questions, 'Looks good to me')).toEqual(thin);
  });
});

describe('parseProductBrief, on a plain description with labels in its sentences', () => {
  const SHOP =
    'Shop is a storefront for independent bakeries. Users: bakery owners and their customers. Key features: online ordering, pickup slots and a loyalty card.';

  it('reads the name from the first sentence, the users and features from their labels, and asks nothing', () => {
    const brief = parseProductBrief('Plan the product', SHOP);
    expect(brief).toEqual({
      name: 'Shop',
      pitch: 'Shop is a storefront for independent bakeries.',
      users: ['bakery owners and their customers'],
      problem: 'Shop is a storefront for independent bakeries.',
      differentiators: [],
      features: [
        { title: 'Online ordering', description: '' },
        { title: 'Pickup slots', description: '' },
        { title: 'A loyalty card', description: '' },
      ],
    });
    expect(missingProductInfo(brief)).toEqual([]);
  });

  it('reads labels at the start of lines too: For: is the users, Problem: the problem, and a Key features: line leads a list', () => {
    const brief = parseProductBrief(
      '/plan-product',
      [
        'Tandem helps small remote teams plan their week together',
        'For: engineering managers at startups',
        'Problem: priorities get lost in Slack threads.',
        'Key features:',
        '',
        '- Shared board',
        '- Check-ins',
        '- Calendar sync',
      ].join('\n'),
    );
    expect(brief.name).toBe('Tandem');
    expect(brief.users).toEqual(['engineering managers at startups']);
    expect(brief.problem).toBe('priorities get lost in Slack threads.');
    expect(brief.features.map((f) => f.title)).toEqual(['Shared board', 'Check-ins', 'Calendar sync']);
    expect(missingProductInfo(brief)).toEqual([]);
  });

  it('keeps a title that names the product, and reads no name from a sentence that gives none', () => {
    expect(parseProductBrief('Product: Loaf', SHOP).name).toBe('Loaf');
    expect(parseProductBrief('Plan product', 'We need a plan for the product. Note: it is early.').name).toBe(
      'Untitled product',
    );
    expect(parseProductBrief('Plan product', 'We need a plan for the product. Note: it is early.').pitch).toBe(
      'We need a plan for the product. Note: it is early.',
    );
  });
});
