import { fingerprint } from '../markdown/fingerprint.js';
import { escapeLineStart, escapeMarkdown } from '../markdown/escape-markdown.js';
import { markFile } from '../spec/file-marker.js';
import type { TaskFile } from '../tasks/types.js';
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, ThematicBreak } from 'mdast';
import { bulletList, code, heading, link, paragraph, raw, root, strong, text } from '../markdown/build-mdast.js';
import { writeMarkdown } from '../markdown/write-markdown.js';

/** Another check run on the pull request's head commit (tests, lint, builds): what the verification reports. */
export interface OtherCheck {
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  url: string;
}

export interface VerificationInput {
  specTitle: string;
  specFolder: string;
  issueNumber: number;
  pullRequest: number;
  /** `YYYY-MM-DD`. */
  date: string;
  tasks: TaskFile;
  /** Files of the spec folder this pull request holds (to report the implementation documentation). */
  specFiles: readonly string[];
  /** The roadmap item this spec delivers, if the product roadmap names one, and how a merge updates it. */
  roadmap: {
    file: 'found' | 'absent';
    item?: { number: number; title: string; checked: boolean };
    update: 'pull-request' | 'push' | 'off';
  };
  checks: readonly OtherCheck[];
}

const PASSING = new Set(['success', 'neutral', 'skipped']);

/** The state of the tasks the report was written for: the report is rewritten only when it changes. */
export function verificationKey(tasks: TaskFile): string {
  return fingerprint(JSON.stringify(tasks.tasks.map((t) => [t.id ?? '', t.text, t.complete, t.required])));
}

/** Text already escaped (people's text through escapeMarkdown), written as it is: a raw node the writer leaves alone. */

const rule: ThematicBreak = { type: 'thematicBreak' };

/** A tight bullet list of task boxes, each one paragraph. */
function boxList(items: Array<{ checked: boolean; children: PhrasingContent[] }>): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((i): ListItem => ({
      type: 'listItem',
      spread: false,
      checked: i.checked,
      children: [paragraph(i.children)],
    })),
  };
}

/** `**Label:** rest` as the start of a paragraph. */
function field(label: string, rest: PhrasingContent[]): PhrasingContent[] {
  return [strong([text(`${label}:`)]), text(' '), ...rest];
}

function status(value: PhrasingContent[] | string): Paragraph {
  return paragraph(field('Status', typeof value === 'string' ? [text(value)] : value));
}

function checkItem(check: OtherCheck): PhrasingContent[] {
  const state = check.status === 'completed' ? (check.conclusion ?? 'unknown') : check.status.replace('_', ' ');
  return [link(check.url, [raw(escapeMarkdown(check.name))]), text(`: ${state}`)];
}

function section(title: string, blocks: RootContent[]): RootContent[] {
  return [rule, heading(2, [text(title)]), ...blocks];
}

function roadmapBlocks(input: VerificationInput): RootContent[] {
  const { roadmap } = input;
  if (roadmap.file === 'absent') {
    return [
      status('⚠️ No product roadmap'),
      paragraph([
        text('The repository has no '),
        code('roadmap.md'),
        text('; comment '),
        code('/plan-product'),
        text(' on an issue describing the product to make one.'),
      ]),
    ];
  }
  if (roadmap.item === undefined) {
    return [
      status('⚠️ No matching roadmap item'),
      paragraph([
        text('No item of the roadmap matches “'),
        raw(escapeMarkdown(input.specTitle)),
        text('”; tick one by hand if this spec delivers it.'),
      ]),
    ];
  }
  const { item } = roadmap;
  const state: PhrasingContent[] = item.checked
    ? [text('✅ Already ticked')]
    : roadmap.update === 'push'
      ? [text('✅ Will be ticked when this pull request merges')]
      : roadmap.update === 'pull-request'
        ? [text('✅ A pull request ticking it opens when this pull request merges')]
        : [text('⚠️ Not ticked automatically ('), code('roadmap_update: off'), text('): tick it by hand')];
  // The item's number is written as the roadmap writes it (`2. Title`): after the box it cannot start a list.
  return [
    status(state),
    boxList([{ checked: item.checked, children: [raw(`${item.number}. `), raw(escapeMarkdown(item.title))] }]),
  ];
}

function checkBlocks(title: string, checks: readonly OtherCheck[]): RootContent[] {
  return checks.length === 0 ? [] : [heading(3, [text(title)]), bulletList(checks.map(checkItem))];
}

/** One box per task group with tasks: ticked when all its tasks are complete, with its count. */
function groupBoxes(tasks: VerificationInput['tasks']) {
  return tasks.groups
    .filter((g) => g.tasks.length > 0)
    .map((g) => {
      const groupTasks = g.tasks.map((i) => tasks.tasks[i]).filter((t) => t !== undefined);
      const done = groupTasks.filter((t) => t.complete).length;
      return {
        checked: done === groupTasks.length,
        children: [raw(escapeMarkdown(g.title)), text(` (${done} of ${groupTasks.length})`)],
      };
    });
}

/** Section 1: the task groups and the incomplete required tasks. */
function taskBlocks(tasks: VerificationInput['tasks'], incomplete: VerificationInput['tasks']['tasks']): RootContent[] {
  const groups = groupBoxes(tasks);
  return [
    status(incomplete.length === 0 ? '✅ All complete' : `⚠️ ${incomplete.length} incomplete`),
    heading(3, [text('Task Groups')]),
    groups.length > 0 ? boxList(groups) : bulletList([[text('(no task groups)')]]),
    heading(3, [text('Incomplete or Issues')]),
    incomplete.length === 0
      ? paragraph([text('None')])
      : bulletList(
          incomplete.map((t) =>
            t.id === undefined ? [raw(escapeLineStart(t.text))] : [text(`${t.id} `), raw(escapeMarkdown(t.text))],
          ),
        ),
  ];
}

/** Section 2: the implementation documents of the spec folder. */
function documentationBlocks(docs: readonly string[]): RootContent[] {
  return [
    status(docs.length > 0 ? '✅ Complete' : '⚠️ No implementation documents'),
    docs.length > 0
      ? bulletList(docs.map((d) => [code(d)]))
      : paragraph([text('The spec folder has no '), code('implementation/'), text(' documents on this pull request.')]),
  ];
}

/** Section 4: the other check runs, counted and listed by outcome. */
function testBlocks(
  testStatus: string,
  total: number,
  { passing, failing, pending }: Record<'passing' | 'failing' | 'pending', OtherCheck[]>,
): RootContent[] {
  return [
    status(testStatus),
    heading(3, [text('Test Summary')]),
    bulletList([
      [strong([text('Total checks:')]), text(` ${total}`)],
      [strong([text('Passing:')]), text(` ${passing.length}`)],
      [strong([text('Failing:')]), text(` ${failing.length}`)],
      [strong([text('Still running:')]), text(` ${pending.length}`)],
    ]),
    heading(3, [text('Failed Checks')]),
    failing.length === 0 ? paragraph([text('None')]) : bulletList(failing.map(checkItem)),
    ...checkBlocks('Still Running', pending),
    ...checkBlocks('Passing Checks', passing),
    heading(3, [text('Notes')]),
    paragraph([
      text(
        'Results are those of the commit this report was written for; the pull request’s Checks tab has the latest.',
      ),
    ]),
  ];
}

/**
 * `verifications/final-verification.md` in the Agent OS layout: overall status, tasks, documentation, roadmap
 * and the test-suite results as the pull request's other check runs report them. Ends with the App's marker
 * (the tasks' state it was written for), so it is rewritten only when the tasks change and never over a
 * person's edit.
 */
export function renderVerification(input: VerificationInput): string {
  const { tasks } = input;
  const required = tasks.tasks.filter((t) => t.required);
  const incomplete = required.filter((t) => !t.complete);
  const finished = input.checks.filter((c) => c.status === 'completed');
  const failing = finished.filter((c) => !PASSING.has(c.conclusion ?? ''));
  const passing = finished.filter((c) => PASSING.has(c.conclusion ?? ''));
  const pending = input.checks.filter((c) => c.status !== 'completed');
  // Implementation reports, not the prompts orchestrate-tasks writes.
  const docs = input.specFiles.filter((f) => f.includes('/implementation/') && !f.includes('/implementation/prompts/'));

  const testStatus =
    input.checks.length === 0
      ? '⚠️ No other checks reported on this commit'
      : failing.length > 0
        ? '❌ Some checks failing'
        : pending.length > 0
          ? '⏳ Some checks still running'
          : '✅ All passing';
  const overall =
    incomplete.length > 0 || failing.length > 0
      ? '❌ Failed'
      : pending.length > 0 || input.checks.length === 0
        ? '⚠️ Passed with issues'
        : '✅ Passed';

  const tree = root([
    heading(1, [text('Verification Report: '), raw(escapeMarkdown(input.specTitle))]),
    paragraph([
      ...field('Spec', [code(input.specFolder)]),
      text('\n'),
      ...field('Date', [text(input.date)]),
      text('\n'),
      ...field('Verifier', [text('agent-os-github')]),
      text('\n'),
      ...field('Status', [text(overall)]),
    ]),
    rule,
    heading(2, [text('Executive Summary')]),
    paragraph([
      text(
        `${required.length - incomplete.length} of ${required.length} required tasks are complete on pull request #${input.pullRequest} (issue #${input.issueNumber}). ` +
          `${passing.length} of ${input.checks.length} other checks pass${failing.length > 0 ? `, ${failing.length} fail` : ''}${pending.length > 0 ? `, ${pending.length} still running` : ''}.`,
      ),
    ]),
    ...section('1. Tasks Verification', taskBlocks(tasks, incomplete)),
    ...section('2. Documentation Verification', documentationBlocks(docs)),
    ...section('3. Roadmap Updates', roadmapBlocks(input)),
    ...section('4. Test Suite Results', testBlocks(testStatus, input.checks.length, { passing, failing, pending })),
  ]);
  return markFile('verification', writeMarkdown(tree), { tasks: verificationKey(tasks) });
}
