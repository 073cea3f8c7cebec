import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import { hasSection, itemsOfKind, type ParsedIssue } from '../issue/parse-issue.js';
import type { ClarifyingQuestion, QuestionTopic, SpecDrafter } from './clarifying-question.js';

export const MIN_QUESTIONS = 4;
export const MAX_QUESTIONS = 8;
export const MAX_FOLLOW_UPS = 3;

const ROLE_WORDS = [
  'workspace admins',
  'admins',
  'administrators',
  'owners',
  'maintainers',
  'managers',
  'moderators',
  'editors',
  'members',
  'reviewers',
  'customers',
  'guests',
  'viewers',
];
const DATA_WORDS = /\b(data|store|stored|save|database|db|table|import|export|csv|record|migrat\w*|email|upload|file|schema|model)s?\b/i;
const PERFORMANCE_WORDS = /\b(fast|slow|performance|latency|large|thousands|millions|scale|bulk|batch|limit|pagination|timeout)\b/i;
const ERROR_WORDS = /\b(error|fail\w*|invalid|expire\w*|expired|duplicate|conflict|limit|retry|missing|empty)\b/i;
const ROLLOUT_WORDS = /\b(feature flag|flag|rollout|roll out|beta|gradual|release|launch)\b/i;

type Draft = (issue: ParsedIssue, text: string) => Omit<ClarifyingQuestion, 'number'> | undefined;

/**
 * Plain text of what someone wrote, shortened to a phrase and safe to quote in our comments: markdown escaped,
 * and no `@` that would mention someone.
 */
function phrase(markdown: string, max = 80): string {
  const plain = plainText(markdown).replace(/\s+/g, ' ').trim();
  const short = plain.length <= max ? plain.replace(/[.;:]$/, '') : `${plain.slice(0, Math.max(plain.slice(0, max).lastIndexOf(' '), max / 2))}…`;
  return escapeMarkdown(short).replace(/@/g, '@\u200b');
}

function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second !== '' && second !== second.toUpperCase() ? first.toLowerCase() + text.slice(1) : text;
}

/** The one or two roles the issue names most often (`owners and admins`), if any. */
function mainRole(text: string): string | undefined {
  const lower = text.toLowerCase();
  const counted = ROLE_WORDS.map((role, order) => ({ role, order, count: lower.split(role).length - 1 }))
    .filter((r) => r.count > 0 && !(r.role === 'admins' && lower.includes('workspace admins')))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, 2);
  return counted.length === 0 ? undefined : counted.map((r) => r.role).join(' and ');
}

/** The first sentence of the issue that mentions an error-like word, shortened. */
function edgeCaseFrom(text: string): string | undefined {
  const sentences = plainText(text).split(/(?<=[.!?])\s+|\n+/);
  const found = sentences.find((s) => ERROR_WORDS.test(s) && s.trim().length > 12);
  return found === undefined ? undefined : phrase(found.trim(), 90);
}

const feature = (issue: ParsedIssue): string => (issue.title === '' ? 'this feature' : `“${phrase(issue.title, 70)}”`);

const DRAFTS: ReadonlyArray<readonly [QuestionTopic, Draft]> = [
  [
    'users-and-permissions',
    (issue, text) => {
      if (hasSection(issue, 'users')) return undefined;
      const role = mainRole(text);
      const who = role === undefined ? 'every signed-in user' : `only ${role}`;
      const other = role === undefined ? 'limited to a role (for example admins only)' : 'open to other roles too';
      return {
        topic: 'users-and-permissions',
        text: `I assume ${who} can use ${feature(issue)}, with no new roles or permissions — is that right, or should it be ${other}?`,
        default: `${who[0]?.toUpperCase()}${who.slice(1)} can use it; no new roles or permissions.`,
      };
    },
  ],
  [
    'scope',
    (issue) => {
      if (hasSection(issue, 'out-of-scope')) return undefined;
      const listed = itemsOfKind(issue, ['requirements', 'preamble']).filter((i) => i.depth === 0);
      const first = listed[0];
      const what =
        first === undefined
          ? `what the issue describes`
          : listed.length === 1
            ? `the one requirement listed (${lowerFirst(phrase(first.text, 60))})`
            : `the ${listed.length} requirements listed (starting with ${lowerFirst(phrase(first.text, 60))})`;
      return {
        topic: 'scope',
        text: `I assume the first version covers exactly ${what} and nothing more — is there anything that should be explicitly out of scope, or anything missing?`,
        default: `Only what the issue lists is in scope; anything else is out of scope for now.`,
      };
    },
  ],
  [
    'acceptance',
    (issue) => {
      if (hasSection(issue, 'acceptance')) return undefined;
      const first = itemsOfKind(issue, ['requirements', 'preamble'])[0];
      const done =
        first === undefined
          ? `${feature(issue)} works end to end`
          : `every listed requirement works end to end (for example “${phrase(first.text, 60)}”)`;
      return {
        topic: 'acceptance',
        text: `I assume this is done when ${done}, covered by automated tests — are there specific acceptance criteria you want checked?`,
        default: `Done when every listed requirement works end to end and is covered by automated tests.`,
      };
    },
  ],
  [
    'errors-and-edge-cases',
    (_issue, text) => {
      const edge = edgeCaseFrom(text);
      const example = edge === undefined ? '' : ` (the issue mentions: “${edge}”)`;
      return {
        topic: 'errors-and-edge-cases',
        text: `I assume invalid input and failures show a clear error message and change nothing${example} — are there edge cases that need special handling?`,
        default: 'Invalid input and failures show a clear error and leave data unchanged; no special edge cases.',
      };
    },
  ],
  [
    'data',
    (_issue, text) =>
      DATA_WORDS.test(text)
        ? {
            topic: 'data',
            text: 'I assume the existing data models are extended rather than replaced, and no existing data needs migrating — is that right?',
            default: 'Existing data models are extended; no migration of existing data.',
          }
        : undefined,
  ],
  [
    'ui',
    (issue) =>
      hasSection(issue, 'visuals') || issue.images.length > 0
        ? undefined
        : {
            topic: 'ui',
            text: `I assume ${feature(issue)} appears next to the related existing screens and reuses the existing components and styles — where should it appear, and is any new UI needed?`,
            default: 'It appears next to the related existing screens and reuses existing components and styles.',
          },
  ],
  [
    'performance',
    (_issue, text) =>
      PERFORMANCE_WORDS.test(text)
        ? {
            topic: 'performance',
            text: 'I assume typical volumes (up to a few hundred items at a time) with no special performance targets — are there volumes or response times it must meet?',
            default: 'Typical volumes; no special performance targets.',
          }
        : undefined,
  ],
  [
    'rollout',
    (_issue, text) => ({
      topic: 'rollout',
      text: ROLLOUT_WORDS.test(text)
        ? 'I assume it rolls out the way the issue describes, to everyone once merged — should it go behind a feature flag or roll out gradually?'
        : 'I assume it ships to everyone once merged, without a feature flag — should it roll out gradually or behind a flag instead?',
      default: 'Ships to everyone once merged; no feature flag.',
    }),
  ],
];

/** Questions for topics the issue already settles, used only to reach the minimum. */
const FILLERS: ReadonlyArray<Omit<ClarifyingQuestion, 'number'>> = [
  {
    topic: 'data',
    text: 'I assume no new data needs to be stored beyond what the issue describes — is that right?',
    default: 'No new data is stored beyond what the issue describes.',
  },
  {
    topic: 'performance',
    text: 'I assume there are no special performance targets — are there volumes or response times it must meet?',
    default: 'No special performance targets.',
  },
  {
    topic: 'users-and-permissions',
    text: 'I assume the users and permissions described in the issue are complete — is anyone else affected?',
    default: 'The users and permissions in the issue are complete.',
  },
  {
    topic: 'scope',
    text: 'I assume the out-of-scope list in the issue is complete — is there anything else to leave out of the first version?',
    default: 'The out-of-scope list in the issue is complete.',
  },
];

function standingRequests(next: number): ClarifyingQuestion[] {
  return [
    {
      number: next,
      topic: 'reuse',
      text: 'Are there existing features, components or code paths with similar behaviour we should reuse or follow? Name files, folders or links.',
      default: 'No existing code identified to reuse.',
    },
    {
      number: next + 1,
      topic: 'visuals',
      text: 'Do you have mockups, wireframes or screenshots? Attach them in your reply (or link them); they are listed under Visual Assets.',
      default: 'No visual assets provided.',
    },
  ];
}

/** Rule-based drafting: the same issue always gets the same questions, with defaults drawn from its text. */
export const deterministicDrafter: SpecDrafter = {
  draftQuestions(issue) {
    const text = `${issue.title}\n${issue.body}`;
    const drafted: Array<Omit<ClarifyingQuestion, 'number'>> = [];
    for (const [, draft] of DRAFTS) {
      const question = draft(issue, text);
      if (question) drafted.push(question);
    }
    for (const filler of FILLERS) {
      if (drafted.length >= MIN_QUESTIONS) break;
      if (!drafted.some((q) => q.topic === filler.topic)) drafted.push(filler);
    }
    const numbered = drafted.slice(0, MAX_QUESTIONS).map((q, i) => ({ ...q, number: i + 1 }));
    return [...numbered, ...standingRequests(numbered.length + 1)];
  },

  draftFollowUps(_questions, unclear, firstNumber) {
    return unclear.slice(0, MAX_FOLLOW_UPS).map(({ question, answer }, i) => {
      const said = answer.text.trim() === '' ? 'was left empty' : `was “${phrase(answer.text, 60)}”`;
      return {
        number: firstNumber + i,
        topic: 'follow-up' as const,
        about: question.number,
        text: `About question ${question.number}, your answer ${said}. Unless you say otherwise we will go with: ${question.default} Is that right, or what would you prefer?`,
        default: question.default,
      };
    });
  },
};
