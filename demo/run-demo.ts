// `npm run demo`: the real App (Probot's server, in this process) against a local GitHub (in memory, over HTTP as
// GitHub Enterprise), playing all six phases: the product plan, one issue from idea to a spec, its tasks, sub-issues
// and hand-off, the merge gate turning green, and the merge that ticks the roadmap, printed as a transcript.
// No account and no configuration: the App's key is made on the fly and the webhooks are signed here.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BOT, type FakeCheckRun, type FakeUser } from '../support/fake-github/fake-github.js';
import { analyse, clip, plain, readableLines, short, snapshot, type Analysis } from './analyse.js';
import {
  checkSuiteRequested,
  commentEvent,
  issueOpened,
  labelEvent,
  pullRequestEvent,
  pullRequestMerged,
  type Delivery,
} from './payloads.js';
import { parseTaskFile } from '../src/core/tasks/parse-task-file.js';
import {
  ANSWERS,
  followUpAnswer,
  ISSUE_BODY,
  ISSUE_NUMBER,
  ISSUE_TITLE,
  LEE,
  MARA,
  PRODUCT_BODY,
  PRODUCT_ISSUE_NUMBER,
  PRODUCT_TITLE,
} from './sample.js';
import { RecordingGitHub, startStage, type Stage } from './stage.js';
import { wrap } from './wrap-line.js';

const CHECK = 'Agent OS: tasks';
/** Webhooks caused by webhooks caused by … the App's writes: a loop would stop here (none is expected). */
const MAX_ECHO_DEPTH = 4;
const HIDDEN_LINE = /^\s*<!--.*-->\s*$/;

// A closed pipe (`npm run demo | head`) ends the demo quietly.
process.stdout.on('error', () => {
  process.exit(0);
});

function say(line = ''): void {
  for (const piece of wrap(line)) process.stdout.write(`${piece}\n`);
}

function quote(lines: readonly string[], indent = '      '): void {
  for (const line of lines) say(`${indent}│ ${line}`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

function requests(a: Pick<Analysis, 'reads' | 'writes' | 'tokens'>): string {
  const total = a.reads + a.writes + a.tokens;
  if (total === 0) return 'no GitHub requests';
  const token = a.tokens > 0 ? `, ${plural(a.tokens, 'token')}` : '';
  return `${plural(total, 'GitHub request')} (${plural(a.reads, 'read')}, ${plural(a.writes, 'write')}${token})`;
}

/** Plays people's actions as webhooks, and prints what the App did about each. */
class Player {
  readonly totals = { deliveries: 0, reads: 0, writes: 0, tokens: 0 };

  constructor(
    readonly fake: RecordingGitHub,
    readonly stage: Stage,
  ) {}

  /** A person does something: the heading, what they wrote, then each webhook GitHub sends and what followed. */
  async step(heading: string, act: () => Delivery[], wrote?: readonly string[]): Promise<void> {
    say();
    say(`▶ ${heading}`);
    if (wrote !== undefined) quote(wrote, '    ');
    for (const delivery of act()) await this.deliver(delivery);
  }

  /**
   * Deliver one webhook, then those GitHub sends because of what the App wrote (pull_request.opened and
   * .synchronize, check_suite.requested, its own comments and labels…), and theirs in turn. Those that change
   * nothing are summed up in one line.
   */
  private async deliver(first: Delivery): Promise<void> {
    const queue: Array<{ delivery: Delivery; depth: number }> = [{ delivery: first, depth: 0 }];
    const quiet: Array<{ delivery: Delivery; analysis: Analysis }> = [];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { delivery, depth } = next;
      const before = snapshot(this.fake);
      const { status, ms } = await this.stage.deliver(delivery);
      const analysis = analyse(this.fake, before);
      this.totals.deliveries += 1;
      this.totals.reads += analysis.reads;
      this.totals.writes += analysis.writes;
      this.totals.tokens += analysis.tokens;
      const fine = status >= 200 && status < 300;
      if (depth > 0 && fine && analysis.did.length === 0) {
        quiet.push({ delivery, analysis });
      } else {
        const arrow = depth === 0 ? '⇒' : '⇢';
        say(
          `  ${arrow} ${delivery.describe} → ${String(status)}${fine ? '' : ' ✗'} in ${String(Math.round(ms))} ms, ${requests(analysis)}`,
        );
        if (analysis.did.length === 0) say('    · nothing to change');
        for (const did of analysis.did) {
          say(`    ${did.ok ? '✓' : '✗'} ${did.text}`);
          if (did.quote && did.quote.length > 0) quote(did.quote);
        }
      }
      if (depth < MAX_ECHO_DEPTH) queue.push(...analysis.echoes.map((echo) => ({ delivery: echo, depth: depth + 1 })));
    }
    if (quiet.length > 0) {
      const counts = new Map<string, number>();
      for (const { delivery } of quiet) {
        const own = delivery.describe.endsWith(`by ${BOT.login}`) ? ' (its own)' : '';
        const key = `${delivery.event}.${delivery.action}${own}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const names = [...counts].map(([name, n]) => (n > 1 ? `${name} ×${String(n)}` : name)).join(', ');
      const reads = quiet.reduce((sum, q) => sum + q.analysis.reads + q.analysis.tokens, 0);
      say(
        `  ⇢ ${plural(quiet.length, 'more webhook')} from those writes, nothing to change: ${names}${reads > 0 ? ` (${plural(reads, 'read')})` : ''}`,
      );
    }
  }
}

/**
 * With `DEMO_SNAPSHOTS=<folder>`, keep the markdown GitHub would render at this point (the pictures in the README
 * are made from it by scripts/render-readme-images.mjs).
 */
async function keepMarkdown(name: string, markdown: string | undefined): Promise<void> {
  const folder = process.env.DEMO_SNAPSHOTS;
  if (folder === undefined || folder === '' || markdown === undefined) return;
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, name), markdown);
}

/** The check run as a person sees it on the pull request: conclusion, title, a bar per task group, what is open. */
function showRun(run: FakeCheckRun | undefined): void {
  if (!run) return;
  const lines = readableLines(run.output.summary).map(plain);
  const groups = lines.flatMap((line) => {
    const row = /^\|\s*(.+?)\s*\|\s*`?([█░]+)`?\s*(\d+%)\s*\|\s*(.+?)\s*\|$/.exec(line);
    return row ? [`${(row[1] ?? '').padEnd(44)} ${row[2] ?? ''} ${(row[3] ?? '').padStart(4)}  ${row[4] ?? ''}`] : [];
  });
  const open = lines
    .filter((line) => /^- line \d+ · /.test(line))
    .map((line) => line.replace(/^- (line \d+) · (.*)$/, '$2 ($1)').replace(/`/g, ''));
  say();
  say(`  Check run “${run.name}” on ${short(run.head_sha)}: ${run.conclusion ?? run.status} — ${run.output.title}`);
  quote(groups, '    ');
  if (open.length > 0) {
    const first = open.slice(0, 2).map((l) => clip(l, 90));
    say(
      `    open: ${first.join('; ')}${open.length > first.length ? `; … (${plural(open.length, 'open task')}, each annotated on its line)` : ''}`,
    );
  }
}

/** The spec folder's files at the branch head, hidden marker lines left out, the issue's verbatim copy folded. */
function showSpecFolder(fake: RecordingGitHub, branch: string, folder: string): void {
  const files = fake.git.filesAt(branch) ?? new Map<string, string>();
  const limits: Array<[string, number]> = [
    ['planning/requirements.md', 45],
    ['spec.md', 40],
    ['tasks.md', 60],
  ];
  say();
  say(`━━ The spec folder at the head of ${branch}: ${folder}/`);
  for (const [name, limit] of limits) {
    const content = files.get(`${folder}/${name}`);
    if (content === undefined) continue;
    const lines = content.trimEnd().split('\n');
    const shown: string[] = [];
    let folded = 0;
    let inVerbatim = false;
    for (const line of lines) {
      if (line.includes('<!-- agent-os-github:initial-description -->')) inVerbatim = true;
      else if (line.includes('<!-- /agent-os-github:initial-description -->')) {
        inVerbatim = false;
        shown.push(`┆ (the issue's text, word for word: ${plural(folded, 'line')}, as quoted above)`);
      } else if (inVerbatim) folded += 1;
      else if (!HIDDEN_LINE.test(line)) shown.push(line);
    }
    const hidden = lines.filter((l) => HIDDEN_LINE.test(l)).length;
    say();
    say(
      `── ${name} (${plural(lines.length, 'line')}${hidden > 0 ? `; ${plural(hidden, 'hidden marker line')} not shown` : ''})`,
    );
    for (const line of shown.slice(0, limit)) say(`   ${clip(line, 160)}`);
    if (shown.length > limit) say(`   … ${plural(shown.length - limit, 'more line')}`);
  }
}

/** A person pushes a commit to the pull request's branch: GitHub sends pull_request.synchronize and check_suite.requested. */
async function push(
  player: Player,
  pr: number,
  branch: string,
  who: FakeUser,
  message: string,
  change: (files: Map<string, string>) => void,
): Promise<void> {
  const { fake } = player;
  const before = fake.git.resolve(branch)?.sha ?? '';
  const commit = fake.git.commitOnBranch(branch, change, message);
  const files = fake.git.trees.get(commit.tree) ?? new Map<string, string>();
  const old = fake.git.filesAt(before) ?? new Map<string, string>();
  const changed = [...files.keys()].filter((p) => files.get(p) !== old.get(p));
  const ticks = (text: string | undefined) => (text ?? '').match(/- \[x\] /g)?.length ?? 0;
  const ticked = changed
    .filter((p) => p.endsWith('/tasks.md'))
    .reduce((sum, p) => sum + ticks(files.get(p)) - ticks(old.get(p)), 0);
  await player.step(
    `@${who.login} pushes ${short(commit.sha)} “${message}” to ${branch}`,
    () => [pullRequestEvent(fake, pr, who, 'synchronize', { before }), checkSuiteRequested(fake, branch, before)],
    [`changes ${changed.join(', ')}${ticked > 0 ? `: ticks ${plural(ticked, 'task')} in tasks.md` : ''}`],
  );
}

/** A person merges a pull request: GitHub merges it and sends pull_request.closed (merged). */
async function merge(player: Player, number: number, who: FakeUser): Promise<void> {
  await player.step(`@${who.login} merges PR #${String(number)}`, () => {
    player.fake.mergePull(number);
    return [pullRequestMerged(player.fake, number, who)];
  });
}

/** The number of the pull request opened from `branch`. */
function pullFrom(fake: RecordingGitHub, branch: string): number {
  const pull = [...fake.issues.values()].find((i) => i.pull_request?.head === branch);
  if (pull === undefined) throw new Error(`no pull request from ${branch}`);
  return pull.number;
}

/** Lines of a file on a branch, hidden marker lines left out. */
function fileLines(fake: RecordingGitHub, branch: string, path: string): string[] {
  return (fake.git.filesAt(branch)?.get(path) ?? '')
    .trimEnd()
    .split('\n')
    .filter((l) => !HIDDEN_LINE.test(l));
}

const ROADMAP = 'agent-os/product/roadmap.md';

async function main(): Promise<void> {
  const fake = new RecordingGitHub('acme', 'app', 'main');
  fake.permissions.set(MARA.login, 'maintain');
  fake.permissions.set(LEE.login, 'write');
  fake.addIssue({ number: PRODUCT_ISSUE_NUMBER, title: PRODUCT_TITLE, body: PRODUCT_BODY, user: MARA });
  fake.addIssue({ number: ISSUE_NUMBER, title: ISSUE_TITLE, body: ISSUE_BODY, user: MARA });
  const issue = ISSUE_NUMBER;
  const ours = (on: number) => fake.comments.filter((c) => c.issue === on && c.user.type === 'Bot');

  const stage = await startStage(fake);
  try {
    const player = new Player(fake, stage);
    say('agent-os-github demo: the real App against a local GitHub, all six phases from a product plan to a merge');
    say();
    say(`  GitHub   ${fake.owner}/${fake.repo}, in memory, served at ${stage.apiUrl} (as GitHub Enterprise)`);
    say(`  App      Probot's server as \`npm start\` runs it (generated key, signed webhooks) at ${stage.webhookUrl};`);
    say(
      "           only its Octokit's pacing of one write per second for github.com is off (the local GitHub has no rate limits)",
    );
    say(`  People   @${MARA.login} writes the issue (maintain), @${LEE.login} builds it (write)`);
    say(
      "  Legend   ▶ a person acts   ⇒ the webhook GitHub sends for it   ⇢ webhooks GitHub sends for the App's own writes",
    );
    say('           ✓ what the App did, read back from the local GitHub   │ what was written');
    say('  Links are written as they would be on github.com; the repository lives only in this process.');

    // 0. plan-product: mission, roadmap and tech stack through a pull request, which Mara merges.
    const product = PRODUCT_ISSUE_NUMBER;
    await player.step(
      `@${MARA.login} opens issue #${String(product)} “${PRODUCT_TITLE}”`,
      () => [issueOpened(fake, product)],
      PRODUCT_BODY.trimEnd().split('\n'),
    );
    const planProduct = fake.addComment(product, '/plan-product', MARA);
    await player.step(`@${MARA.login} comments /plan-product on #${String(product)}`, () => [
      commentEvent(fake, planProduct, MARA),
    ]);
    const productPr = pullFrom(fake, 'agent-os/product');
    say();
    say(`  ${ROADMAP} on PR #${String(productPr)}:`);
    quote(fileLines(fake, 'agent-os/product', ROADMAP), '    ');
    await merge(player, productPr, MARA);

    // 1. The idea.
    await player.step(
      `@${MARA.login} opens issue #${String(issue)} “${ISSUE_TITLE}”`,
      () => [issueOpened(fake, issue)],
      ISSUE_BODY.trimEnd().split('\n'),
    );

    // 2. shape-spec: branch, requirements.md, draft pull request, questions.
    await player.step(`@${MARA.login} labels issue #${String(issue)} “shape-spec”`, () => {
      fake.issues.get(issue)?.labels.push('shape-spec');
      return [labelEvent(fake, issue, 'shape-spec', MARA)];
    });
    const questions = ours(issue).find((c) => c.body.startsWith('<!-- agent-os-github:questions'));
    const pr = [...fake.issues.values()].find(
      (i) => i.pull_request?.head.startsWith(`agent-os/${String(issue)}-`) === true,
    )?.number;
    if (!questions || pr === undefined)
      throw new Error('shape-spec did not ask its questions or open the spec pull request');
    say();
    say(`  The questions comment on #${String(issue)} (links shown by their text):`);
    quote(
      readableLines(questions.body).map((l) => clip(plain(l), 200)),
      '    ',
    );

    // 3. The answers, one of them too vague, then the answer to the follow-up.
    const answers = fake.addComment(issue, ANSWERS, MARA);
    await player.step(
      `@${MARA.login} answers on #${String(issue)} (answer 5 is “not sure”)`,
      () => [commentEvent(fake, answers, MARA)],
      ANSWERS.split('\n'),
    );
    const followUp = ours(issue).at(-1)?.body ?? '';
    const followUpNumber = Number(/^(\d+)\. About question/m.exec(followUp)?.[1] ?? '9');
    const again = fake.addComment(issue, followUpAnswer(followUpNumber), MARA);
    await player.step(
      `@${MARA.login} answers the follow-up`,
      () => [commentEvent(fake, again, MARA)],
      again.body.split('\n'),
    );

    // 4. write-spec, on the issue.
    const writeSpec = fake.addComment(issue, '/write-spec', MARA);
    await player.step(`@${MARA.login} comments /write-spec on #${String(issue)}`, () => [
      commentEvent(fake, writeSpec, MARA),
    ]);

    // 5. create-tasks, on the spec pull request: tasks.md, the checklist comment, the failing check.
    const createTasks = fake.addComment(pr, '/create-tasks', LEE);
    await player.step(`@${LEE.login} comments /create-tasks on PR #${String(pr)}`, () => [
      commentEvent(fake, createTasks, LEE),
    ]);
    const branch = fake.issues.get(pr)?.pull_request?.head ?? '';
    const head = () => fake.git.resolve(branch)?.sha ?? '';
    const latestRun = () => fake.checkRuns.filter((r) => r.head_sha === head() && r.name === CHECK).at(-1);
    const checklist = () => ours(pr).find((c) => c.body.startsWith('<!-- agent-os-github:checklist'));
    const posted = checklist();
    if (!posted) throw new Error('create-tasks did not post the checklist comment');
    say();
    say(`  The checklist comment on PR #${String(pr)}:`);
    quote(
      readableLines(posted.body).map((l) => clip(plain(l), 160)),
      '    ',
    );
    showRun(latestRun());
    const tasksPath = [...(fake.git.filesAt(branch)?.keys() ?? [])].find((p) => p.endsWith('/tasks.md')) ?? '';

    // 5b. orchestrate-tasks: orchestration.yml, a prompt per task group, a sub-issue per group under the issue.
    const orchestrate = fake.addComment(pr, '/orchestrate-tasks', LEE);
    await player.step(`@${LEE.login} comments /orchestrate-tasks on PR #${String(pr)}`, () => [
      commentEvent(fake, orchestrate, LEE),
    ]);

    // 5c. implement-tasks: the pull request declares the groups it implements; their prompts go to a coding agent.
    const groups = parseTaskFile(fake.git.filesAt(branch)?.get(tasksPath) ?? '').groups.flatMap((g) =>
      g.number === undefined ? [] : [g.number],
    );
    const implement = fake.addComment(pr, `/implement-tasks ${groups.join(' ')}`, LEE);
    await player.step(`@${LEE.login} comments /implement-tasks ${groups.join(' ')} on PR #${String(pr)}`, () => [
      commentEvent(fake, implement, LEE),
    ]);

    // 6. Work: a push that ticks Task Group 1 in tasks.md.
    await push(player, pr, branch, LEE, 'Add the invites table and the invite API', (files) => {
      files.set(
        'db/migrations/20260316_create_invites.sql',
        'CREATE TABLE invites (id uuid PRIMARY KEY, email text NOT NULL, role text NOT NULL, token_hash text NOT NULL, expires_at timestamptz NOT NULL);\n',
      );
      files.set(tasksPath, (files.get(tasksPath) ?? '').replace(/- \[ \] 1\./g, '- [x] 1.'));
    });
    showRun(latestRun());

    // 7. A tick in the checklist comment: the App commits it to tasks.md.
    const current = checklist();
    const box = current && /^ +- \[ \] (\d+\.[1-9]\d*) (.*)$/m.exec(current.body);
    if (!current || !box) throw new Error('no open sub-task in the checklist comment');
    const previous = current.body;
    const ticked = `${previous.slice(0, box.index)}${box[0].replace('- [ ] ', '- [x] ')}${previous.slice(box.index + box[0].length)}`;
    await player.step(
      `@${LEE.login} ticks ${box[1] ?? ''} in the checklist comment on PR #${String(pr)}`,
      () => {
        current.body = ticked;
        return [commentEvent(fake, current, LEE, 'edited', previous)];
      },
      [clip(plain(`- [x] ${box[1] ?? ''} ${box[2] ?? ''}`))],
    );
    showRun(latestRun());
    const running = latestRun();
    await keepMarkdown('checklist-comment.md', checklist()?.body);
    await keepMarkdown(
      'check-run.json',
      running &&
        JSON.stringify(
          {
            name: running.name,
            conclusion: running.conclusion,
            title: running.output.title,
            summary: running.output.summary,
          },
          null,
          2,
        ),
    );

    // 8. The rest of the work: every remaining task ticked.
    await push(player, pr, branch, LEE, 'Invite dialog, pending invites tab and the accept flow', (files) => {
      files.set('src/components/InviteDialog.tsx', 'export function InviteDialog() {\n  return null;\n}\n');
      files.set(tasksPath, (files.get(tasksPath) ?? '').replace(/- \[ \] /g, '- [x] '));
    });
    showRun(latestRun());

    showSpecFolder(fake, branch, tasksPath.replace(/\/tasks\.md$/, ''));

    // 9. The merge: the App closes the issue with a summary and ticks the roadmap item through a pull request.
    const headBeforeMerge = head();
    const runBeforeMerge = latestRun();
    const commitsBeforeMerge = fake.git
      .history(branch)
      .findIndex((c) => c.sha === fake.git.resolve(fake.defaultBranch)?.sha);
    await merge(player, pr, MARA);
    const roadmapPr = [...fake.issues.values()]
      .filter((i) => i.pull_request !== undefined && i.number > pr)
      .at(-1)?.number;
    if (roadmapPr !== undefined) await merge(player, roadmapPr, MARA);
    say();
    say(`  ${ROADMAP} on ${fake.defaultBranch} now:`);
    quote(
      fileLines(fake, fake.defaultBranch, ROADMAP).filter((l) => /^\d+\. \[/.test(l)),
      '    ',
    );

    const commits = commitsBeforeMerge;
    const run = runBeforeMerge;
    const comments = fake.comments.filter((c) => c.issue === issue);
    const pull = fake.issues.get(pr);
    say();
    say('━━ In all');
    const row = (name: string, value: string) => {
      say(`  ${name.padEnd(11)}${value}`);
    };
    row(
      `issue #${String(issue)}`,
      `labels: ${fake.issues.get(issue)?.labels.join(', ') ?? ''} · ${plural(comments.length, 'comment')} (${String(ours(issue).length)} by the App)`,
    );
    row(
      `PR #${String(pr)}`,
      `${pull?.pull_request?.merged === true ? 'merged, ' : ''}${branch} → ${fake.defaultBranch}, ${plural(commits, 'commit')}`,
    );
    row('check', `“${CHECK}” on ${short(headBeforeMerge)}: ${run?.conclusion ?? 'none'} — ${run?.output.title ?? ''}`);
    const subIssues = [...fake.issues.values()].filter((i) => i.pull_request === undefined && i.number > issue);
    row(
      'sub-issues',
      `${plural(subIssues.length, 'sub-issue')}, ${String(subIssues.filter((i) => i.state === 'closed').length)} closed`,
    );
    row('GitHub', `${plural(player.totals.deliveries, 'webhook')} delivered; the App made ${requests(player.totals)}`);
  } finally {
    await stage.close();
  }
  say(
    `  ${'time'.padEnd(11)}${(performance.now() / 1000).toFixed(1)} s from start to finish (bundling included); both servers closed`,
  );
}

await main();
