import { itemsOfKind } from '../issue/parse-issue.js';
import type { ClarifyingQuestion } from './clarifying-question.js';
import { segmentsIn } from './user-stories.js';
import {
  hasAny,
  hasSection,
  namedInterfaces,
  phrase,
  quantitiesIn,
  quoteKind,
  quoteOf,
  relatedPaths,
  type QuestionContext,
} from './question-context.js';

type Question = Omit<ClarifyingQuestion, 'number'>;
type Draft = (context: QuestionContext) => Question | undefined;

const MACHINE_OUTPUT = /\b(json|machine[- ]readable|yaml|csv output|structured output|parseable|parsable)\b/i;
const ERROR_WORDS =
  /\b(errors?|fail\w*|invalid|expire\w*|expired|duplicat\w*|identical|twice|conflicts?|retr(y|ies)|missing|empty|reject\w*|denied|timeouts?)\b/i;
const ROLLOUT_WORDS = /\b(feature flags?|rollout|roll out|beta|gradual\w*|canary|opt-in|opt in)\b/i;
const NEW_STORAGE =
  /\b(new (table|model|collection|column|field|index|schema)s?|add (a |an )?(table|column|field|index))\b/i;

const feature = (context: QuestionContext): string =>
  context.issue.title === '' ? 'this feature' : `“${phrase(context.issue.title, 70)}”`;

function listed(context: QuestionContext): string {
  const [first] = context.requirements;
  if (first === undefined) return 'what the issue describes';
  const n = context.requirements.length;
  return n === 1
    ? `the one requirement listed (“${phrase(first, 60)}”)`
    : `the ${n} requirements listed (starting with “${phrase(first, 60)}”)`;
}

const DRAFTS: readonly Draft[] = [
  // Who: only where people use it (a screen, an API, a job acting for someone), never for a flag or a doc.
  (c) => {
    if (hasSection(c.issue, 'users')) return undefined;
    const segments = segmentsIn(c.requirements.join('\n'));
    // Nobody's access changes in a speed-up, a doc or a flag: asked only where people use a screen or an API.
    const main = c.profile.kinds[0];
    if (segments.length === 0 && (main === undefined || !['ui', 'api'].includes(main))) return undefined;
    const who = segments.length === 0 ? undefined : segments.map((s) => `${s}s`).join(' and ');
    return {
      topic: 'users-and-permissions',
      text:
        who === undefined
          ? `I assume everyone who can already use this part of the product can use ${feature(c)}, with no new roles or permissions — or should only some roles (admins, owners) have it?`
          : `I assume only ${who} (as the issue says) can use ${feature(c)}, with no new roles or permissions — is that right, or should others have access too?`,
      default:
        who === undefined
          ? 'Everyone who can already use this part of the product; no new roles or permissions.'
          : `Only ${who}; no new roles or permissions.`,
    };
  },
  // Scope: always asked, as Agent OS does.
  (c) => {
    const excluded = itemsOfKind(c.issue, ['out-of-scope'])[0];
    return {
      topic: 'scope',
      text:
        excluded === undefined
          ? `I assume the first version covers exactly ${listed(c)} — what should be explicitly out of scope, and is anything missing?`
          : `The issue already leaves out “${phrase(excluded.text, 60)}”; I assume the first version covers exactly ${listed(c)} — is there anything else to leave out, or anything missing?`,
      default: 'Only what the issue lists is in scope; anything else is out of scope for now.',
    };
  },
  (c) =>
    hasSection(c.issue, 'acceptance')
      ? undefined
      : {
          topic: 'acceptance',
          text: `How will we know it is done? I assume when each listed requirement works end to end${c.requirements[0] === undefined ? '' : ` (for example “${phrase(c.requirements[0], 60)}”)`}, covered by automated tests — which specific checks matter most to you?`,
          default: 'Done when every listed requirement works end to end and is covered by automated tests.',
        },
  (c) => {
    if (!c.has('migration')) return undefined;
    const quote = quoteKind(c, 'migration');
    const size = quantitiesIn(c)[0];
    return {
      topic: 'migration',
      text: `${quote === undefined ? 'The issue changes existing data.' : `The issue says ${quote}.`} How much data does it touch${size === undefined ? '' : ` (the issue mentions ${size})`}, can it run without downtime (I assume online, in batches), and how is it rolled back if it goes wrong?`,
      default: 'Runs online in batches without downtime, and can be rolled back.',
    };
  },
  (c) => {
    if (!c.has('data') || c.has('migration')) return undefined;
    const quote = quoteKind(c, 'data');
    const says = NEW_STORAGE.test(c.sentences.join(' '));
    return {
      topic: 'data',
      text: says
        ? `The issue asks for new storage${quote === undefined ? '' : ` (${quote})`}: I assume existing records need no backfill — is that right, and what must be kept, for how long?`
        : `${quote === undefined ? '' : `About ${quote}: `}I assume this fits the existing data models with new fields rather than a new table, and existing records need no backfill — is that right?`,
      default: says
        ? 'New storage as the issue describes; existing records need no backfill.'
        : 'Existing models gain new fields; no new table and no backfill.',
    };
  },
  (c) => {
    if (!c.has('api')) return undefined;
    const { routes } = namedInterfaces(c);
    const which = routes.length > 0 ? `\`${routes.join('`, `')}\`` : 'the new endpoint';
    return {
      topic: 'api',
      text: `I assume ${which} follows the existing API's conventions — the same authentication, the same error shape, 4xx for bad input and no new API version — is that right, and what must the response contain?`,
      default: "Follows the existing API's authentication, error shape and versioning.",
    };
  },
  (c) => {
    if (!c.has('cli')) return undefined;
    const { flags } = namedInterfaces(c);
    const which = flags.length > 0 ? `\`${flags.join('`, `')}\`` : 'the new command';
    // An issue about machine-readable output is not asked whether it wants one.
    const machine =
      MACHINE_OUTPUT.test(c.sentences.join(' ')) || flags.some((f) => /json|machine|format|output/i.test(f));
    return {
      topic: 'cli',
      text: machine
        ? `I assume ${which} writes its output to stdout (one JSON object per line) and errors to stderr as plain text, and exits 0 on success and non-zero on failure — which fields must the output hold, and which exit codes do scripts rely on?`
        : `I assume ${which} prints human-readable output to stdout and errors to stderr, and exits 0 on success and non-zero on failure — should it also have a machine-readable mode (e.g. JSON), and which exit codes do scripts rely on?`,
      default: machine
        ? 'JSON on stdout, errors on stderr; exit 0 on success, non-zero on failure.'
        : 'Human-readable output on stdout, errors on stderr; exit 0 on success, non-zero on failure.',
    };
  },
  (c) => {
    if (!c.has('library')) return undefined;
    return {
      topic: 'library',
      text: 'I assume this adds to the public interface without breaking existing callers (a minor release) — is that right, or is a breaking change acceptable?',
      default: 'Additive change to the public interface; no breaking change.',
    };
  },
  (c) => {
    if (!c.has('job')) return undefined;
    const quote = quoteKind(c, 'job');
    return {
      topic: 'job',
      text: `${quote === undefined ? '' : `The issue says ${quote}. `}I assume the work runs in the background, can safely run twice, and retries a failed run a few times before reporting it — how often should it run, and who hears about a failure?`,
      default: 'Runs in the background, idempotent, retried a few times; failures logged.',
    };
  },
  (c) => {
    if (!c.has('ui') || hasSection(c.issue, 'visuals') || c.issue.images.length > 0) return undefined;
    const quote = quoteKind(c, 'ui');
    return {
      topic: 'ui',
      text: `${quote === undefined ? '' : `The issue says ${quote}. `}I assume ${feature(c)} reuses the existing components and styles — where exactly should it appear, and does it need any new UI?`,
      default: 'It appears where the issue says and reuses the existing components and styles.',
    };
  },
  (c) => {
    if (!c.has('performance')) return undefined;
    const numbers = quantitiesIn(c);
    const quote = quoteKind(c, 'performance');
    return {
      topic: 'performance',
      text:
        numbers.length > 0
          ? `The issue mentions ${numbers.map((n) => `“${phrase(n, 30)}”`).join(', ')}: I assume it must handle at least that — what response time or throughput is acceptable at that size, and how will we measure it?`
          : `${quote === undefined ? 'The issue is about speed.' : `The issue says ${quote}.`} I assume today's volumes unless you say otherwise — what volume must it handle and what response time is acceptable, so we can measure it?`,
      default:
        numbers.length > 0
          ? `Handles at least ${numbers.join(', ')} as the issue states.`
          : 'The volumes the issue describes, measured before and after.',
    };
  },
  (c) => {
    if (!c.has('docs')) return undefined;
    return {
      topic: 'docs',
      text: 'I assume the documentation lives with the existing docs and ships in the same pull request as the change — is that right, and who is the reader?',
      default: 'Docs next to the existing docs, in the same pull request.',
    };
  },
  (c) => {
    const quote = quoteOf(c, ERROR_WORDS);
    if (quote === undefined) return undefined;
    return {
      topic: 'errors-and-edge-cases',
      text: `The issue mentions ${quote}: I assume failures show a clear message and change nothing — are there other edge cases that need special handling?`,
      default: 'Failures show a clear message and leave data unchanged.',
    };
  },
  (c) => {
    const quote = quoteOf(c, ROLLOUT_WORDS);
    if (quote === undefined) return undefined;
    return {
      topic: 'rollout',
      text: `The issue says ${quote}: I assume it rolls out as described — should it go behind a feature flag or roll out gradually, and to whom first?`,
      default: 'Rolls out as the issue describes.',
    };
  },
];

/** Asked only to reach the minimum: questions that fit any change without contradicting the issue. */
const FILLERS: readonly Draft[] = [
  (c) => ({
    topic: 'errors-and-edge-cases',
    text: `I assume bad input or a failure in ${feature(c)} shows a clear message and changes nothing — are there edge cases that need special handling?`,
    default: 'Failures show a clear message and leave everything unchanged.',
  }),
  (c) =>
    hasAny(c, 'ui', 'api', 'job')
      ? {
          topic: 'rollout',
          text: 'I assume it ships to everyone once merged, without a feature flag — should it roll out gradually or behind a flag instead?',
          default: 'Ships to everyone once merged; no feature flag.',
        }
      : undefined,
  (c) => ({
    topic: 'users-and-permissions',
    text: `I assume the people the issue describes are the only ones affected by ${feature(c)} — is anyone else affected, or who will use it first?`,
    default: 'The people the issue describes; nobody else is affected.',
  }),
  () => ({
    topic: 'performance',
    text: "I assume no special performance targets beyond today's — are there volumes or response times it must meet?",
    default: "No special performance targets beyond today's.",
  }),
];

export const MIN_QUESTIONS = 4;
export const MAX_QUESTIONS = 8;

/** The numbered clarifying questions an issue leaves open, for the kind of change it is (without the standing requests). */
export function draftIssueQuestions(context: QuestionContext): Question[] {
  const drafted: Question[] = [];
  for (const draft of DRAFTS) {
    const question = draft(context);
    if (question) drafted.push(question);
  }
  for (const filler of FILLERS) {
    if (drafted.length >= MIN_QUESTIONS) break;
    const question = filler(context);
    if (question && !drafted.some((q) => q.topic === question.topic)) drafted.push(question);
  }
  return drafted.slice(0, MAX_QUESTIONS);
}

/** Reuse and visuals: always asked, as Agent OS does, sharpened by what the repository and the change are. */
export function standingRequests(context: QuestionContext, next: number): ClarifyingQuestion[] {
  const candidates = relatedPaths(context);
  const seen =
    candidates.length === 0
      ? ''
      : ` I see ${candidates.map((p) => `\`${p}\``).join(', ')} in the repository — should we build on ${candidates.length === 1 ? 'it' : 'them'}?`;
  const visuals = hasAny(context, 'ui')
    ? 'Do you have mockups, wireframes or screenshots? Attach them in your reply (or link them); they are listed under Visual Assets.'
    : hasAny(context, 'cli', 'api')
      ? 'Do you have an example of the output, request or response you expect (or a screenshot)? Paste or attach it in your reply; it is listed under Visual Assets.'
      : 'Do you have mockups, diagrams or screenshots that help? Attach them in your reply (or link them); they are listed under Visual Assets.';
  return [
    {
      number: next,
      topic: 'reuse',
      text: `Are there existing features, components or code paths with similar behaviour we should reuse or follow?${seen} Name files, folders or links.`,
      default:
        candidates.length === 0
          ? 'No existing code identified to reuse.'
          : `Build on ${candidates.map((p) => `\`${p}\``).join(', ')}.`,
    },
    { number: next + 1, topic: 'visuals', text: visuals, default: 'No visual assets provided.' },
  ];
}
