// The sample repository's story: an issue as a product owner writes it, and her answers to the App's questions.
import type { FakeUser } from '../support/fake-github/fake-github.js';

/** The issue's author, who can also merge (maintain). */
export const MARA: FakeUser = { login: 'mara', type: 'User' };
/** A developer on the team (write). */
export const LEE: FakeUser = { login: 'lee', type: 'User' };

export const ISSUE_NUMBER = 12;
export const ISSUE_TITLE = 'Team invites by email';

export const ISSUE_BODY = `### Problem

Right now the only way to add someone to a workspace is to paste the raw join link into Slack, which means anyone who sees that message can join. Owners asked for a proper invite flow in three support threads this month.

### Requirements

- Owners can invite one or more people by email address from the **Members** page
- Each invite email contains a single-use link that expires after 7 days
- Pending invites are listed with their status (\`pending\`, \`accepted\`, \`expired\`) and can be revoked
- Inviting an address that already belongs to a member shows an inline error instead of sending mail

### Acceptance criteria

- [ ] Following a valid link adds the invitee to the workspace as a Member
- [ ] An expired or revoked link shows "This invite has expired"

### Out of scope

- SSO / SCIM provisioning
- Bulk import of invitees from a CSV file

### Technical notes

- Store only a hash of the invite token, never the token itself
`;

/**
 * Numbered answers to the App's questions (who, scope, data, where it appears, edge cases, then reuse and visuals),
 * as people write them; the fifth is too vague to use, so the App follows it up.
 */
export const ANSWERS = `Thanks! Answers below:

1. Owners and admins only. Regular members shouldn't see the invite button at all.
2. Out of scope as well: inviting people to several workspaces at once.
3. No, we need a new \`invites\` table (email, role, token hash, expires_at); nothing existing needs migrating.
4. An "Invite people" button on the Members page opens a dialog; pending invites get their own tab.
5. not sure
6. The mailer's \`sendTransactional()\` in \`src/mail/send.ts\` already handles retries; the dialog should reuse \`src/components/Modal.tsx\`.
7. No mockups yet, just match the current Members page.`;

/** The answer to the follow-up about question 5 (edge cases). */
export function followUpAnswer(number: number): string {
  return `${String(number)}. Inviting an address that already has a pending invite resends it instead of creating a second one; up to 50 addresses per invite.`;
}

/** The product issue: what the product is, for whom, and its first features (one of them the invites). */
export const PRODUCT_ISSUE_NUMBER = 11;
export const PRODUCT_TITLE = 'Teamspace: the product';
export const PRODUCT_BODY = `## Pitch

Teamspace gives small companies one shared workspace for their documents, tasks and people.

## Users

- Workspace owners: who set up the workspace and decide who is in it
- Team members: who work in it every day

## The problem

New people join through links pasted in chat, documents live in five tools, and nobody knows who can see what.

## Key features

- Sign up with email: people create an account and a workspace
- Team invites by email: owners invite teammates with a single-use link
- Shared documents: one place for the team's documents
- Roles and permissions: owners decide who can see and change what
`;
