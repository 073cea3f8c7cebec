import { parseIssue } from '../../src/core/issue/parse-issue.js';
import type { QuestionsGrounding } from '../../src/core/model/check-questions-draft.js';
import { deterministicDrafter } from '../../src/core/spec/deterministic-drafter.js';

export const TOKEN = 'sk-model-secret-1234';
export const TITLE = 'Team invites by email';
export const BODY = [
  '## Requirements',
  '- Owners and admins can invite people by email from the **Members** page',
  '- Each invite has a single-use link that expires after 7 days',
  '',
  '## Acceptance criteria',
  '- [ ] An expired link shows "This invite has expired"',
  '',
  '## Out of scope',
  '- SSO / SCIM provisioning',
].join('\n');

/** Five questions that pass the check: assumptions, quoting the issue, one about scope. */
export const GOOD_QUESTIONS = [
  {
    topic: 'users-and-permissions',
    text: 'I assume only owners and admins can send invites, and members cannot — is that right, or should members invite too?',
    default: 'Only owners and admins can invite.',
    issue_line: 2,
    quote: 'Owners and admins can invite',
  },
  {
    topic: 'scope',
    text: 'I assume the first version covers email invites only, with SSO / SCIM provisioning left out — is anything else out of scope?',
    default: 'Email invites only; SSO and SCIM are out of scope.',
    issue_line: 9,
    quote: 'SSO / SCIM provisioning',
  },
  {
    topic: 'errors-and-edge-cases',
    text: 'I assume an expired or already used link shows “This invite has expired” and offers to ask for a new invite — is that right?',
    default: 'An expired or used link says so and offers a new invite.',
    issue_line: 6,
    quote: 'This invite has expired',
  },
  {
    topic: 'data',
    text: 'I assume a pending invite is stored with its email, its inviter and its expiry, and is deleted once used — is that right?',
    default: 'Pending invites are stored with email, inviter and expiry; deleted once used.',
    issue_line: 3,
    quote: 'expires after 7 days',
  },
  {
    topic: 'rollout',
    text: 'I assume invites ship to every workspace at once, without a feature flag — should they roll out behind a flag instead?',
    default: 'Ships to everyone at once; no flag.',
    issue_line: 0,
    quote: 'Team invites by email',
  },
];

export const INVENTED_QUOTE = {
  topic: 'ui',
  text: 'I assume invites can also be sent as a magic link by SMS — is that right?',
  default: 'Invites can be sent by SMS.',
  issue_line: 2,
  quote: 'magic link by SMS',
};

export async function groundingFor(body = BODY): Promise<QuestionsGrounding> {
  const issue = parseIssue(TITLE, body);
  return {
    title: issue.title,
    issueLines: issue.body.split('\n'),
    floor: await deterministicDrafter.draftQuestions(issue),
  };
}

/** A follow-up on an answer of "not sure about the 7 days" to question 3 that passes the check. */
export const GOOD_FOLLOW_UP = {
  about: 3,
  text: 'You said “not sure about the 7 days”: should an expired link offer to request a fresh invite, or only say it expired?',
  default: 'An expired link only says it expired.',
  quote: 'not sure about the 7 days',
};
