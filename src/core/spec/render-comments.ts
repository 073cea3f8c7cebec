import type { SpecLocation } from './spec-location.js';
import { TOPIC_LABELS, type ClarifyingQuestion } from './clarifying-question.js';

/** Hidden first lines that let the App find its own comments again. */
export const MARKERS = {
  questions: (issue: number) => `<!-- agent-os-github:questions issue=${issue} -->`,
  followUps: (commentId: number) => `<!-- agent-os-github:follow-ups comment=${commentId} -->`,
  reply: (commentId: number) => `<!-- agent-os-github:reply comment=${commentId} -->`,
  notice: (eventId: string) => `<!-- agent-os-github:notice event=${eventId.replace(/[^\w.-]/g, '')} -->`,
} as const;

export interface SpecLinks {
  location: SpecLocation;
  branchUrl: string;
  folderUrl: string;
  pullRequest?: { number: number; url: string; draft: boolean };
}

function numbered(questions: readonly ClarifyingQuestion[]): string[] {
  return questions.map((q) => `${q.number}. **${TOPIC_LABELS[q.topic]}.** ${q.text}`);
}

function whereItIs(links: SpecLinks): string {
  const pr = links.pullRequest;
  const prText = pr === undefined ? '' : ` and ${pr.draft ? 'draft ' : ''}pull request #${pr.number}`;
  return `the branch [\`${links.location.branch}\`](${links.branchUrl})${prText}, in [\`${links.location.folder}\`](${links.folderUrl})`;
}

/** The clarifying questions, posted on the issue once its spec branch exists. */
export function renderQuestionsComment(issueNumber: number, questions: readonly ClarifyingQuestion[], links: SpecLinks): string {
  const clarifying = questions.filter((q) => q.topic !== 'reuse' && q.topic !== 'visuals' && q.topic !== 'follow-up');
  const reuse = questions.filter((q) => q.topic === 'reuse');
  const visuals = questions.filter((q) => q.topic === 'visuals');
  return [
    MARKERS.questions(issueNumber),
    '### Shaping this spec: a few questions first',
    '',
    `The spec for this issue is started on ${whereItIs(links)}, with the issue's text in \`planning/requirements.md\`.`,
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
  ].join('\n');
}

/** Follow-up questions for answers that were empty or unclear, in reply to the answering comment. */
export function renderFollowUpComment(commentId: number, author: string, followUps: readonly ClarifyingQuestion[]): string {
  return [
    MARKERS.followUps(commentId),
    `Thanks @${author}, your answers are in \`requirements.md\`. A few need a little more:`,
    '',
    ...followUps.map((q) => `${q.number}. ${q.text}`),
    '',
    'Reply with the numbers above (or leave them: the proposed defaults stand).',
  ].join('\n');
}
