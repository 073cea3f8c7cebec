import type { SpecLocation } from './spec-location.js';
import { TOPIC_LABELS, type ClarifyingQuestion } from './clarifying-question.js';

/** Hidden first lines that let the App find its own comments again. */
export const MARKERS = {
  /** The questions comment of an issue (one per issue). */
  questions: 'agent-os-github:questions',
  /** Follow-up questions for one answering comment. */
  followUps: (commentId: number) => `agent-os-github:follow-ups comment=${commentId}`,
  /** The answer to a command or an event (one per event). */
  reply: 'agent-os-github:reply',
  /** What went wrong with an event (one per event, updated when a retry fails again; a retry is still allowed). */
  failed: 'agent-os-github:failed',
} as const;

/** An event's key as kept in a marker: letters, digits, `.`, `_` and `-` only. */
function safeKey(eventKey: string): string {
  return eventKey.replace(/[^\w.-]/g, '');
}

/** The hidden first line of a comment: what it is, and the event that wrote it. */
export function markerLine(kind: string, eventKey: string): string {
  return `<!-- ${kind} event=${safeKey(eventKey)} -->`;
}

/** Whether a comment's first line says it was written for this event (so the event was handled already). */
export function writtenForEvent(body: string, eventKey: string): boolean {
  const first = body.split('\n', 1)[0] ?? '';
  return first.startsWith('<!-- agent-os-github:') && first.endsWith(` event=${safeKey(eventKey)} -->`);
}

/** Whether a comment's first line marks it as this kind of ours (`MARKERS.questions`, …). */
export function markedAs(body: string, kind: string): boolean {
  return body.startsWith(`<!-- ${kind} event=`);
}

export interface SpecLinks {
  location: SpecLocation;
  branchUrl: string;
  folderUrl: string;
  pullRequest?: { number: number; url: string; draft: boolean };
  /** The repository does not allow draft pull requests, so the spec's is a normal one. */
  draftUnavailable?: boolean;
  /** GitHub did not let the workflow's token open the pull request: the page where a person can open it. */
  pullRequestRefused?: { compareUrl: string };
}

function numbered(questions: readonly ClarifyingQuestion[]): string[] {
  return questions.map((q) => `${q.number}. **${TOPIC_LABELS[q.topic]}.** ${q.text}`);
}

function whereItIs(links: SpecLinks): string {
  const pr = links.pullRequest;
  const note =
    links.draftUnavailable === true ? ' (a normal one: this repository does not allow draft pull requests)' : '';
  const prText =
    pr === undefined ? '' : ` and ${pr.draft ? 'draft ' : ''}pull request [#${pr.number}](${pr.url})${note}`;
  return `the branch [\`${links.location.branch}\`](${links.branchUrl})${prText}, in [\`${links.location.folder}\`](${links.folderUrl})`;
}

/** Why the spec has no pull request yet, and the three ways to give it one; nothing when it has one. */
function refusedPullRequestNote(links: SpecLinks): string[] {
  if (links.pullRequestRefused === undefined) return [];
  return [
    '',
    '**The pull request is not open yet:** this repository does not allow GitHub Actions to create pull requests, ' +
      `so the branch was pushed without one. [Open the pull request](${links.pullRequestRefused.compareUrl}) ` +
      '(as a draft if you like), or ask an admin to turn on **Settings → Actions → General → Workflow permissions → ' +
      'Allow GitHub Actions to create and approve pull requests** (an organisation can turn it off for all its ' +
      'repositories), or give the Action a `github-token` that may open pull requests. The next command finds the ' +
      'pull request once it is open.',
  ];
}

/** The clarifying questions, posted on the issue once its spec branch exists. */
export function renderQuestionsComment(
  eventKey: string,
  questions: readonly ClarifyingQuestion[],
  links: SpecLinks,
  note = '',
): string {
  const clarifying = questions.filter((q) => q.topic !== 'reuse' && q.topic !== 'visuals' && q.topic !== 'follow-up');
  const reuse = questions.filter((q) => q.topic === 'reuse');
  const visuals = questions.filter((q) => q.topic === 'visuals');
  return [
    markerLine(MARKERS.questions, eventKey),
    '### Shaping this spec: a few questions first',
    '',
    `The spec for this issue is started on ${whereItIs(links)}, with the issue's text in \`planning/requirements.md\`.`,
    ...refusedPullRequestNote(links),
    '',
    'Before the spec is written, please confirm or correct these assumptions:',
    '',
    ...numbered(clarifying),
    '',
    ...(reuse.length > 0 ? ['**Existing code to reuse**', '', ...numbered(reuse), ''] : []),
    ...(visuals.length > 0 ? ['**Visual assets**', '', ...numbered(visuals), ''] : []),
    '**How to answer:** reply on this issue with numbered answers (`1. …` or `Q1: …`, one per question, or quote a question and answer below it). ' +
      'Anything you leave unanswered keeps its proposed default. Answers go into `requirements.md` word for word; ' +
      'edit your reply to change an answer. When you are done, comment `/write-spec`.',
    // Who asked, when a model was configured (and what it cost).
    ...(note === '' ? [] : ['', note]),
  ].join('\n');
}

/** Follow-up questions for answers that were empty or unclear, in reply to the answering comment. */
export function renderFollowUpComment(
  commentId: number,
  author: string,
  followUps: readonly ClarifyingQuestion[],
  note = '',
): string {
  return [
    markerLine(MARKERS.followUps(commentId), `comment-${commentId}`),
    `Thanks @${author}, your answers are in \`requirements.md\`. A few need a little more:`,
    '',
    ...followUps.map((q) => `${q.number}. ${q.text}`),
    '',
    'Reply with the numbers above (or leave them: the proposed defaults stand).',
    ...(note === '' ? [] : ['', note]),
  ].join('\n');
}

/** Where the spec already is, for a second shaping request. */
export function renderAlreadyShaped(links: SpecLinks): string {
  const note = refusedPullRequestNote(links).join('\n');
  return `The spec for this issue already exists: ${whereItIs(links)}. Answer the questions above (edit your reply to change an answer), or comment \`/write-spec\` when you are ready. To rebuild \`requirements.md\` from the issue and the answers, comment \`/shape-spec --force\`.${note === '' ? '' : `\n${note}`}`;
}
