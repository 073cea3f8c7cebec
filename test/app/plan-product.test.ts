import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { EFFORTS } from '../../src/core/product/estimate-effort.js';
import { parseRoadmap } from '../../src/core/product/roadmap.js';
import { FakeGitHub, type FakeUser } from '../../support/fake-github/fake-github.js';
import { bindToNock } from '../../support/fake-github/nock-binding.js';
import { commentPayload, say } from '../../support/lifecycle-events.js';
import { createTestProbot, deliver } from '../../support/test-probot.js';

const MARA: FakeUser = { login: 'mara', type: 'User' };
const LEE: FakeUser = { login: 'lee', type: 'User' };
const VISITOR: FakeUser = { login: 'visitor', type: 'User' };
const BRANCH = 'agent-os/product';
const MISSION = 'agent-os/product/mission.md';
const ROADMAP = 'agent-os/product/roadmap.md';
const TECH_STACK = 'agent-os/product/tech-stack.md';
const ISSUE = 1;

const PITCH =
  'Tandem helps small remote teams plan their week together, in one shared board instead of ten Slack threads.';
const PROBLEM =
  'Weekly planning happens in Slack threads and spreadsheets, so priorities get lost and nobody sees who is overloaded.';
const FEATURES = [
  ['Shared weekly board', 'everyone sees the team’s priorities for the week in one place'],
  ['Async check-ins', 'a short daily update replaces the stand-up meeting'],
  ['Calendar sync', 'two-way sync of planned work with Google Calendar and Outlook'],
  ['Workload insights', 'a chart of who is overloaded this week, by person'],
] as const;
const COMPLETE = [
  '## Pitch',
  '',
  PITCH,
  '',
  '## Users',
  '',
  '- Engineering managers: at 10–50 person startups, running the weekly planning',
  '- Remote designers: who juggle several projects at once',
  '',
  '## The problem',
  '',
  PROBLEM,
  '',
  '## Key features',
  '',
  ...FEATURES.map(([title, description]) => `- ${title}: ${description}`),
].join('\n');

const PACKAGE_JSON = `${JSON.stringify(
  {
    name: 'tandem',
    private: true,
    scripts: { dev: 'next dev', build: 'next build', test: 'jest' },
    dependencies: { next: '15.1.0', react: '^19.0.0', 'react-dom': '^19.0.0', '@prisma/client': '^6.1.0' },
    devDependencies: { prisma: '^6.1.0', jest: '^29.7.0', typescript: '~5.7.2', '@types/react': '^19.0.2' },
  },
  null,
  2,
)}\n`;
const TSCONFIG = '{\n  "compilerOptions": { "strict": true, "jsx": "preserve" }\n}\n';
const LOCKFILE = '{\n  "name": "tandem",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {}\n}\n';
const DOCKERFILE = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY . .',
  'RUN npm ci && npm run build',
  'CMD ["npm", "start"]',
  '',
].join('\n');
const CI = [
  'name: CI',
  'on: [push, pull_request]',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: npm ci && npm test',
  '',
].join('\n');

let fake: FakeGitHub;
let probot: Probot;

function realisticRepository(): void {
  fake.git.commitOnBranch(
    'main',
    (f) => {
      f.set('package.json', PACKAGE_JSON);
      f.set('tsconfig.json', TSCONFIG);
      f.set('package-lock.json', LOCKFILE);
      f.set('Dockerfile', DOCKERFILE);
      f.set('.github/workflows/ci.yml', CI);
      f.set('src/app/page.tsx', 'export default function Page() { return null; }\n');
    },
    'Scaffold Tandem',
  );
}

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub();
  fake.permissions.set('mara', 'write');
  fake.permissions.set('lee', 'write');
  fake.permissions.set('visitor', 'read');
  bindToNock(fake);
  probot = await createTestProbot();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Commits of the product branch that main does not have. */
const commits = () =>
  fake.git.history(BRANCH).filter((c) => !fake.git.isAncestor(c.sha, fake.git.resolve('main')?.sha ?? ''));
const fileOnBranch = (path: string) => fake.git.filesAt(BRANCH)?.get(path) ?? '';
const pulls = () => [...fake.issues.values()].filter((i) => i.pull_request);
const ours = () => fake.comments.filter((c) => c.user.type === 'Bot');
const lastReply = () =>
  ours()
    .filter((c) => c.body.startsWith('<!-- agent-os-github:reply '))
    .pop()?.body ?? '';
const writeLog = () =>
  fake
    .writes()
    .map((r) => `${r.method} ${r.path.replace('/repos/acme/app', '')}`.replace(/\/comments\/\d+\//, '/comments/ID/'));
/** Writes other than the reply (or failure) comment and the reactions every command gets. */
const changes = () =>
  fake
    .writes()
    .filter(
      (r) =>
        !r.path.includes('access_tokens') &&
        !/\/reactions$/.test(r.path) &&
        !(r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path)),
    );
const questionsComments = () => ours().filter((c) => c.body.startsWith('<!-- agent-os-github:product-questions '));
const treeEntries = () =>
  fake.requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/git/trees'))
    .map((r) => (r.body as { tree: Array<{ path: string }> }).tree.map((e) => e.path).sort());

describe('/plan-product on a complete product issue', () => {
  beforeEach(() => {
    realisticRepository();
    fake.addIssue({ number: ISSUE, title: 'Product: Tandem', body: COMPLETE, user: MARA });
    fake.requests.splice(0);
  });

  it('writes mission, roadmap and tech stack on agent-os/product in one commit, opens a draft PR and says where it is', async () => {
    const command = await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(writeLog()).toEqual([
      'POST /app/installations/4242/access_tokens',
      'POST /issues/comments/ID/reactions',
      'POST /git/trees',
      'POST /git/commits',
      'POST /git/refs',
      'POST /pulls',
      `POST /issues/${ISSUE}/comments`,
      'POST /issues/comments/ID/reactions',
    ]);
    expect(fake.reactions).toEqual([
      { comment: command.id, content: 'eyes' },
      { comment: command.id, content: 'rocket' },
    ]);

    const [commit, ...more] = commits();
    expect(more).toHaveLength(0);
    expect(commit?.message.split('\n')[0]).toBe(`Plan product from #${ISSUE}: Tandem`);
    expect(treeEntries()).toEqual([[MISSION, ROADMAP, TECH_STACK]]);
    // The branch is main plus the three files.
    const main = fake.git.filesAt('main') ?? new Map<string, string>();
    const onBranch = fake.git.filesAt(BRANCH) ?? new Map<string, string>();
    expect([...onBranch.keys()].filter((p) => !main.has(p)).sort()).toEqual([MISSION, ROADMAP, TECH_STACK]);
    expect(fake.git.resolve(BRANCH)?.parents).toEqual([fake.git.resolve('main')?.sha]);

    const mission = fileOnBranch(MISSION);
    const headings = mission.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Product Mission',
      '## Pitch',
      '## Users',
      '### Primary Customers',
      '### User Personas',
      '## The Problem',
      '## Differentiators',
      '## Key Features',
      '### Core Features',
    ]);
    expect(mission).toContain(`\n${PITCH}\n`);
    expect(mission).toContain('- **Engineering managers:** at 10–50 person startups, running the weekly planning\n');
    expect(mission).toContain(`\n${PROBLEM}\n`);
    for (const [title, description] of FEATURES) expect(mission).toContain(`- **${title}:** ${description}\n`);

    const roadmap = fileOnBranch(ROADMAP);
    expect(roadmap.startsWith('# Product Roadmap\n')).toBe(true);
    const items = parseRoadmap(roadmap);
    expect(items.map((i) => [i.number, i.title, i.description, i.checked])).toEqual(
      FEATURES.map(([title, description], n) => [n + 1, title, description, false]),
    );
    for (const item of items) expect(EFFORTS).toContain(item.effort);
    expect(roadmap).toMatch(
      /^1\. \[ \] Shared weekly board — everyone sees the team’s priorities for the week in one place `(XS|S|M|L|XL)`$/m,
    );

    const stack = fileOnBranch(TECH_STACK);
    expect(stack.startsWith('# Tech Stack\n')).toBe(true);
    for (const line of [
      '- TypeScript 5.7.2 (found in `package.json`)',
      '- Next.js 15.1.0 (found in `package.json`)',
      '- React 19.0.0 (found in `package.json`)',
      '- Prisma 6.1.0 (found in `package.json`)',
      '- Jest 29.7.0 (found in `package.json`)',
      '- npm (found in `package-lock.json`)',
      '- GitHub Actions (CI) (found in `.github/workflows/ci.yml`)',
    ]) {
      expect(stack.split('\n')).toContain(line);
    }
    expect(stack).toMatch(/^- Docker.* \(found in `Dockerfile`\)$/m);
    // Nothing from files that are not manifests.
    expect(stack).not.toContain('page.tsx');

    const [pr, ...otherPulls] = pulls();
    expect(otherPulls).toHaveLength(0);
    expect(pr).toMatchObject({
      title: 'Plan product: Tandem',
      pull_request: { head: BRANCH, base: 'main', draft: true },
    });
    expect(pr?.body).toContain(`Product plan from #${ISSUE}, in the Agent OS layout:`);
    expect(pr?.body).toContain(`- \`${ROADMAP}\`: 4 roadmap items`);

    const replies = ours();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.split('\n')[0]).toBe(`<!-- agent-os-github:reply event=comment-${command.id} -->`);
    expect(replies[0]?.body.split('\n')[1]).toBe(
      `The product plan is opened in #${pr?.number ?? 0} (branch \`${BRANCH}\`): mission, a roadmap of 4 items, and the tech stack (9 tech stack entries were detected from the repository).`,
    );
  });

  it('commented again: no commit, no second PR; the reply says the plan is already open and how to rewrite it', async () => {
    await say(probot, fake, ISSUE, '/plan-product', MARA);
    const head = fake.git.resolve(BRANCH)?.sha;
    fake.requests.splice(0);

    await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(changes()).toEqual([]);
    // The installation token is cached from the first run: only the reply and the two reactions.
    expect(writeLog()).toEqual([
      'POST /issues/comments/ID/reactions',
      `POST /issues/${ISSUE}/comments`,
      'POST /issues/comments/ID/reactions',
    ]);
    expect(fake.git.resolve(BRANCH)?.sha).toBe(head);
    expect(pulls()).toHaveLength(1);
    expect(lastReply()).toContain(
      `The product plan is already open in #${pulls()[0]?.number ?? 0} (branch \`${BRANCH}\`)`,
    );
    expect(lastReply()).toContain(
      'Its files were left as they are; comment `/plan-product --force` to write them again from this issue.',
    );
  });

  it('the same delivery again (a redelivery) does nothing at all', async () => {
    const command = fake.addComment(ISSUE, '/plan-product', MARA);
    await deliver(probot, 'issue_comment', commentPayload(fake, ISSUE, command), 'd-1');
    fake.requests.splice(0);
    await deliver(probot, 'issue_comment', commentPayload(fake, ISSUE, command), 'd-1');
    expect(fake.writes().filter((r) => !r.path.includes('access_tokens'))).toEqual([]);
    expect(ours()).toHaveLength(1);
  });

  it('--force after the issue changed rewrites only the changed files, in one commit; --force again changes nothing', async () => {
    await say(probot, fake, ISSUE, '/plan-product', MARA);
    const issue = fake.issues.get(ISSUE);
    if (issue) issue.body = `${COMPLETE}\n- Retrospectives: a guided end-of-week retro for the team`;
    const before = commits().length;
    fake.requests.splice(0);

    await say(probot, fake, ISSUE, '/plan-product --force', MARA);

    expect(commits()).toHaveLength(before + 1);
    expect(treeEntries()).toEqual([[MISSION, ROADMAP]]);
    expect(parseRoadmap(fileOnBranch(ROADMAP)).map((i) => i.title)).toEqual([
      ...FEATURES.map(([title]) => title),
      'Retrospectives',
    ]);
    expect(fileOnBranch(MISSION)).toContain('- **Retrospectives:** a guided end-of-week retro for the team\n');
    expect(pulls()).toHaveLength(1);
    expect(lastReply()).toContain(
      `The product plan is updated in #${pulls()[0]?.number ?? 0} (branch \`${BRANCH}\`): mission, a roadmap of 5 items`,
    );

    fake.requests.splice(0);
    await say(probot, fake, ISSUE, '/plan-product --force', MARA);
    expect(changes()).toEqual([]);
    expect(commits()).toHaveLength(before + 1);
    expect(lastReply()).toContain(`The product plan is already up to date in #${pulls()[0]?.number ?? 0}`);
  });
});

describe('/plan-product on a plain description', () => {
  const SHOP =
    'Shop is a storefront for independent bakeries. Users: bakery owners and their customers. Key features: online ordering, pickup slots and a loyalty card.';

  beforeEach(() => {
    realisticRepository();
    fake.addIssue({ number: ISSUE, title: 'Plan the product', body: SHOP, user: MARA });
    fake.requests.splice(0);
  });

  it('reads the name, the users, the features and the problem from it, asks nothing, and plans the product with one reply', async () => {
    await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(questionsComments()).toHaveLength(0);
    expect(ours()).toHaveLength(1);
    expect(commits()[0]?.message.split('\n')[0]).toBe(`Plan product from #${ISSUE}: Shop`);
    const mission = fileOnBranch(MISSION);
    expect(mission).toContain('- bakery owners and their customers\n');
    expect(mission).not.toContain('Untitled product');
    expect(parseRoadmap(fileOnBranch(ROADMAP)).map((i) => i.title)).toEqual([
      'Online ordering',
      'Pickup slots',
      'A loyalty card',
    ]);
    expect(lastReply()).toContain(`The product plan is opened in #${pulls()[0]?.number ?? 0}`);
  });
});

describe('/plan-product on an issue that lacks what Agent OS needs', () => {
  const THIN = [
    'Tandem helps small remote teams plan their week together.',
    '',
    '- Shared weekly board: the team’s priorities in one place',
  ].join('\n');

  beforeEach(() => {
    realisticRepository();
    fake.addIssue({ number: ISSUE, title: 'Product: Tandem', body: THIN, user: MARA });
    fake.requests.splice(0);
  });

  it('asks once, folds the author’s numbered answers, and then plans the product with them', async () => {
    const first = await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(changes()).toEqual([]);
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
    expect(pulls()).toHaveLength(0);
    const [questions, ...others] = questionsComments();
    expect(others).toHaveLength(0);
    const text = questions?.body ?? '';
    expect(text.split('\n')[0]).toBe(`<!-- agent-os-github:product-questions event=comment-${first.id} -->`);
    const numbered = text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(numbered).toEqual([
      expect.stringMatching(
        /^1\. \*\*Key features:\*\* The description names 1 key feature \(“Shared weekly board”\); Agent OS plans a product from at least 3\./,
      ),
      expect.stringMatching(/^2\. \*\*Users:\*\* Who is it for\?/),
      expect.stringMatching(/^3\. \*\*The problem:\*\* What problem does Tandem solve/),
    ]);
    // The questions are the command's one reply: no second comment saying the same.
    expect(ours()).toHaveLength(1);
    expect(text).toContain('then comment `/plan-product` again.');

    // Someone else's answers are not the author's: they are not folded.
    await say(probot, fake, ISSUE, ['1. Billing: pay per seat', '2. Accountants', '3. Nobody knows'].join('\n'), LEE);
    await say(probot, fake, ISSUE, '/plan-product', MARA);
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
    expect(questionsComments()).toHaveLength(1);
    expect(lastReply()).toContain(
      `The 3 questions [above](https://github.com/acme/app/issues/${ISSUE}#issuecomment-${questions?.id ?? 0}) are still open: Agent OS needs their answers before it can plan the product. Answer in a reply (or edit the issue), then comment \`/plan-product\` again.`,
    );

    // The author answers: a reply alone writes nothing.
    fake.requests.splice(0);
    await say(
      probot,
      fake,
      ISSUE,
      [
        '1. Async check-ins: a short daily update replaces the stand-up',
        '   Calendar sync: two-way sync with Google Calendar',
        '   Workload insights: who is overloaded this week',
        '2. Engineering managers at 10–50 person startups',
        '3. Planning lives in Slack threads, so priorities get lost.',
      ].join('\n'),
      MARA,
    );
    expect(changes()).toEqual([]);
    fake.requests.splice(0);
    await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(commits()).toHaveLength(1);
    expect(treeEntries()).toEqual([[MISSION, ROADMAP, TECH_STACK]]);
    const items = parseRoadmap(fileOnBranch(ROADMAP));
    expect(items.map((i) => i.title)).toEqual([
      'Shared weekly board',
      'Async check-ins',
      'Calendar sync',
      'Workload insights',
    ]);
    expect(items.every((i) => !i.checked && EFFORTS.includes(i.effort as (typeof EFFORTS)[number]))).toBe(true);
    const mission = fileOnBranch(MISSION);
    expect(mission).toContain('- Engineering managers at 10–50 person startups\n');
    expect(mission).toContain('\nPlanning lives in Slack threads, so priorities get lost.\n');
    expect(mission).not.toContain('Billing');
    expect(mission).not.toContain('Accountants');
    expect(pulls()).toHaveLength(1);
    expect(lastReply()).toContain(
      `The product plan is opened in #${pulls()[0]?.number ?? 0} (branch \`${BRANCH}\`): mission, a roadmap of 4 items`,
    );
    expect(questionsComments()).toHaveLength(1);
  });

  it('commented again before any answer: asks again in the reply, without rewriting the questions comment', async () => {
    await say(probot, fake, ISSUE, '/plan-product', MARA);
    const asked = questionsComments()[0]?.body;
    fake.requests.splice(0);

    await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(changes()).toEqual([]);
    expect(questionsComments().map((c) => c.body)).toEqual([asked]);
    expect(lastReply()).toContain('The 3 questions [above]');
    expect(lastReply()).toContain('are still open');
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
  });

  it('an answer that narrows the questions updates the questions comment, keeping the numbers first asked', async () => {
    await say(probot, fake, ISSUE, '/plan-product', MARA);
    await say(probot, fake, ISSUE, '2. Engineering managers at 10–50 person startups', MARA);
    fake.requests.splice(0);

    await say(probot, fake, ISSUE, '/plan-product', MARA);

    const [questions, ...others] = questionsComments();
    expect(others).toHaveLength(0);
    expect(changes().map((r) => r.method)).toEqual(['PATCH']);
    expect((questions?.body ?? '').split('\n').filter((l) => /^\d+\. /.test(l))).toEqual([
      expect.stringMatching(/^1\. \*\*Key features:\*\*/),
      expect.stringMatching(/^3\. \*\*The problem:\*\*/),
    ]);
    // The updated questions comment is this command's reply: nothing else is posted.
    expect(lastReply()).toBe('');
    expect(questions?.body.split('\n')[0]).toMatch(/^<!-- agent-os-github:product-questions event=comment-\d+ -->$/);
  });
});

describe('/plan-product and the tech stack', () => {
  it('says plainly that no manifests were found when the repository has none', async () => {
    fake.git.commitOnBranch('main', (f) => f.delete('package.json'), 'Remove package.json');
    expect([...(fake.git.filesAt('main')?.keys() ?? [])]).toEqual(['README.md']);
    fake.addIssue({ number: ISSUE, title: 'Product: Tandem', body: COMPLETE, user: MARA });

    await say(probot, fake, ISSUE, '/plan-product', MARA);

    const stack = fileOnBranch(TECH_STACK);
    expect(stack).toContain(
      '# Tech Stack\n\nNo manifests were found in this repository, so nothing could be detected.\n',
    );
    expect(stack).toContain('List the stack here by hand: language, framework, database, testing, hosting, CI/CD.');
    expect(stack).not.toMatch(/\(found in `/);
    expect(pulls()[0]?.body).toContain(`- \`${TECH_STACK}\`: no manifests found; fill it in by hand`);
    expect(lastReply()).toContain('and the tech stack (no manifests were found, so `tech-stack.md` says so).');
  });

  it('reads the manifests it says it looks for outside the root too (.circleci/config.yml), and only manifests', async () => {
    fake.git.commitOnBranch(
      'main',
      (f) => {
        f.set('.circleci/config.yml', 'version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/node:20.11\n');
        f.set('docs/package.json', '{"dependencies":{"vue":"3.4.0"}}\n');
      },
      'CircleCI',
    );
    fake.addIssue({ number: ISSUE, title: 'Product: Tandem', body: COMPLETE, user: MARA });

    await say(probot, fake, ISSUE, '/plan-product', MARA);

    const stack = fileOnBranch(TECH_STACK).split('\n');
    expect(stack).toContain('- CircleCI (found in `.circleci/config.yml`)');
    expect(stack).toContain('- JavaScript (found in `package.json`)');
    expect(stack.join('\n')).not.toContain('Vue');
  });
});

describe('/plan-product where product docs exist', () => {
  beforeEach(() => {
    realisticRepository();
    fake.git.commitOnBranch('main', (f) => f.set(MISSION, '# Product Mission\n\nWritten by hand.\n'), 'Mission');
    fake.addIssue({ number: ISSUE, title: 'Product: Tandem', body: COMPLETE, user: MARA });
    fake.requests.splice(0);
  });

  it('writes nothing and offers --force; --force then opens the PR that replaces them', async () => {
    await say(probot, fake, ISSUE, '/plan-product', MARA);

    expect(changes()).toEqual([]);
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
    expect(pulls()).toHaveLength(0);
    expect(lastReply()).toContain(
      'This repository already has [product docs](https://github.com/acme/app/tree/main/agent-os/product), so nothing was written. Comment `/plan-product --force` to write them again from this issue (the pull request then replaces them).',
    );

    await say(probot, fake, ISSUE, '/plan-product --force', MARA);

    expect(commits()).toHaveLength(1);
    expect(fileOnBranch(MISSION)).toContain(`\n${PITCH}\n`);
    expect(fake.git.filesAt('main')?.get(MISSION)).toBe('# Product Mission\n\nWritten by hand.\n');
    const [pr] = pulls();
    expect(pr).toMatchObject({ title: 'Plan product: Tandem', pull_request: { head: BRANCH, base: 'main' } });
    expect(lastReply()).toContain(`The product plan is opened in #${pr?.number ?? 0} (branch \`${BRANCH}\`)`);
  });
});

describe('/plan-product refusals', () => {
  beforeEach(() => {
    realisticRepository();
    fake.addIssue({ number: ISSUE, title: 'Product: Tandem', body: COMPLETE, user: MARA });
    fake.requests.splice(0);
  });

  it('a read-only user is told it needs write permission, and nothing is written', async () => {
    await say(probot, fake, ISSUE, '/plan-product', VISITOR);

    expect(changes()).toEqual([]);
    expect(fake.reactions).toEqual([]);
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
    const [refusal, ...more] = ours();
    expect(more).toHaveLength(0);
    expect(refusal?.body).toContain(
      '@visitor `/plan-product` needs write permission on this repository, and you have read. Nothing was changed.',
    );
  });

  it('on a pull request: says it works on issues, and writes nothing', async () => {
    const main = fake.git.resolve('main')?.sha ?? '';
    fake.git.refs.set('heads/dark-mode', main);
    fake.addIssue({
      number: 7,
      title: 'Add dark mode',
      body: 'Dark mode for the board.',
      user: MARA,
      pull_request: { head: 'dark-mode', base: 'main', draft: false },
    });

    const command = await say(probot, fake, 7, '/plan-product', MARA);

    expect(changes()).toEqual([]);
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
    expect(fake.reactions).toEqual([
      { comment: command.id, content: 'eyes' },
      { comment: command.id, content: 'confused' },
    ]);
    const [failure, ...more] = ours();
    expect(more).toHaveLength(0);
    expect(failure?.issue).toBe(7);
    expect(failure?.body.split('\n')[0]).toBe(`<!-- agent-os-github:failed event=comment-${command.id} -->`);
    expect(failure?.body).toContain(
      '`/plan-product` failed: `/plan-product` works on issues: comment it on an issue that describes the product.',
    );
  });

  it('on a spec pull request: says it works on issues, and does not plan the product from the spec issue', async () => {
    const main = fake.git.resolve('main')?.sha ?? '';
    fake.git.refs.set('heads/agent-os/1-product-tandem', main);
    fake.addIssue({
      number: 7,
      title: 'Spec: Product: Tandem',
      body: '',
      user: MARA,
      pull_request: { head: 'agent-os/1-product-tandem', base: 'main', draft: true },
    });

    await say(probot, fake, 7, '/plan-product', MARA);

    expect(changes()).toEqual([]);
    expect(fake.git.refs.has(`heads/${BRANCH}`)).toBe(false);
    expect(ours()[0]?.body).toContain(
      '`/plan-product` works on issues: comment it on an issue that describes the product.',
    );
  });
});
