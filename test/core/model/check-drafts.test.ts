import { describe, expect, it } from '@jest/globals';
import { checkSpecDraft } from '../../../src/core/model/check-spec-draft.js';
import { checkTasksDraft } from '../../../src/core/model/check-tasks-draft.js';
import { rankRelevantFiles } from '../../../src/core/model/rank-relevant-files.js';
import { safeLine } from '../../../src/core/model/render-model-spec.js';
import { SPEC_DRAFT_SCHEMA } from '../../../src/core/model/spec-draft-schema.js';
import { isBehaviourChanging, type SpecGrounding } from '../../../src/core/model/spec-grounding.js';
import { TASKS_DRAFT_SCHEMA } from '../../../src/core/model/tasks-draft-schema.js';

const GROUNDING: SpecGrounding = {
  title: 'Team invites',
  issueLines: ['- Owners invite by email', '- Links expire after 7 days'],
  requirements: [
    { number: 1, name: 'Owners invite by email', details: [] },
    { number: 2, name: 'Links expire after 7 days', details: [] },
  ],
  acceptance: [],
  outOfScope: [],
  answers: [
    { number: 1, question: 'Who?', answer: 'Owners only, not admins.', behaviourChanging: true },
    { number: 2, question: 'Flag?', answer: 'yes', behaviourChanging: false },
  ],
  paths: ['src', 'src/mail', 'src/mail/send.ts'],
  documents: [],
};

const draft = (over: object) =>
  SPEC_DRAFT_SCHEMA.parse({
    goal: 'Invite people.',
    requirements: [
      {
        name: 'Invite',
        details: ['Owners only'],
        requirements: ['R1'],
        answers: ['Q1'],
        issue_lines: [1],
        files: ['./src/mail/send.ts:12'],
      },
      { name: 'Expiry', details: [], requirements: [2] },
    ],
    ...over,
  });

describe('the check on a spec draft', () => {
  it('passes a draft that carries every requirement and behaviour-changing answer and cites real paths (references as models write them)', () => {
    const check = checkSpecDraft(draft({}), GROUNDING);
    expect(check).toMatchObject({ ok: true, findings: [], proposed: [] });
    expect(check.figures).toEqual({
      requirementsCovered: 2,
      requirementsTotal: 2,
      answersCarried: 1,
      answersTotal: 1,
      pathsCited: 1,
      pathsExisting: 1,
      proposed: 0,
    });
  });

  it('names every requirement dropped, answer not carried, invented path and dangling reference', () => {
    const check = checkSpecDraft(
      draft({
        requirements: [
          {
            name: 'Invite',
            details: [],
            requirements: [1, 7],
            answers: [9],
            issue_lines: [40],
            files: ['src/invites.ts'],
          },
        ],
        existing_code: [{ path: 'lib/magic.rb', reason: 'x' }],
      }),
      GROUNDING,
    );
    expect(check.ok).toBe(false);
    expect(check.findings.map((f) => f.message)).toEqual([
      'cites R7, Q9, L40, which do not exist in what it was given',
      'requirement R2 (“Links expire after 7 days”) is not carried by any requirement of the draft',
      'the answer to Q1 is not carried by any item of the draft',
      '`src/invites.ts` does not exist in the repository',
      '`lib/magic.rb` does not exist in the repository',
    ]);
  });

  it('makes a requirement that cites nothing a proposal, not a failure', () => {
    const base = draft({});
    const check = checkSpecDraft(
      {
        ...base,
        requirements: [
          ...base.requirements,
          { name: 'Dashboard', details: [], requirements: [], answers: [], issue_lines: [], files: [] },
        ],
      },
      GROUNDING,
    );
    expect(check).toMatchObject({ ok: true, proposed: [2] });
  });

  it('tells a bare confirmation from an answer that says something new', () => {
    expect(['yes', 'No.', 'Sounds good!', ' **ok** ', ''].map(isBehaviourChanging)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['Owners only.', 'Yes, but also admins', 'no flag; ship to 10% first'].map(isBehaviourChanging)).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('the check on a tasks draft', () => {
  const grounding = { title: 'T', goal: '', requirements: GROUNDING.requirements, paths: GROUNDING.paths };
  it('needs a task for every requirement, real paths and backward dependencies; unsourced tasks are proposals', () => {
    const ok = TASKS_DRAFT_SCHEMA.parse({
      groups: [{ title: 'A', tasks: [{ text: 'one', requirements: [1, 2] }, { text: 'extra' }] }],
    });
    expect(checkTasksDraft(ok, grounding)).toMatchObject({ ok: true, proposed: [[0, 1]] });
    const bad = TASKS_DRAFT_SCHEMA.parse({
      groups: [{ title: 'A', depends_on: [2], tasks: [{ text: 'one', requirements: [1, 5], files: ['src/nope.ts'] }] }],
    });
    expect(checkTasksDraft(bad, grounding).findings.map((f) => f.message)).toEqual([
      'cites requirement 5, which spec.md does not have',
      'groups depend on groups that do not come before them (1 → 2)',
      'specific requirement 2 (“Links expire after 7 days”) has no task',
      '`src/nope.ts` does not exist in the repository',
    ]);
  });
});

describe('model text in markdown', () => {
  it('stays on one line and opens no block, HTML or marker', () => {
    expect(safeLine('# Title\n\n## More')).toBe('\\# Title ## More');
    expect(safeLine('<!-- agent-os-github:spec {} -->')).toBe('&lt;!-- agent-os-github:spec {} --&gt;');
    expect(safeLine('[x] done')).toBe('\\[x] done');
    expect(safeLine('1. first')).toBe('1\\. first');
    expect(safeLine('2) second')).toBe('2\\) second');
  });
});

describe('relevant files', () => {
  it('ranks paths named outright first, then by shared words, never generated or binary files', () => {
    const paths = [
      'src/mail/send.ts',
      'src/members/members-table.tsx',
      'src/invites/invite-token.ts',
      'node_modules/invite/index.js',
      'docs/invite.png',
      'README.md',
    ];
    expect(
      rankRelevantFiles(
        paths,
        'Owners invite members by email. The mailer is in src/mail/send.ts; invite tokens expire.',
        3,
      ),
    ).toEqual(['src/mail/send.ts', 'src/invites/invite-token.ts', 'src/members/members-table.tsx']);
  });
});
