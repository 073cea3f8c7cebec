import { splitSentences } from '../issue/prose.js';
import { plainText } from '../markdown/plain-text.js';
import { TOPIC_LABELS } from './clarifying-question.js';
import { findCodePaths } from './find-code-paths.js';
import { isUnclearAnswer } from './parse-answers.js';
import type { DiscussionEntry } from './parse-requirements.js';

/** A requirement an answer adds or changes, with the answer as written. */
export interface AnswerRequirement {
  title: string;
  /** The answer (or the part of it that asks for behaviour), as written. */
  text: string;
  /** The question it answers. */
  question: number;
}

/** An acceptance criterion from an answer, attached to the specific requirement it names when it names one. */
export interface AnswerCriterion {
  text: string;
  question: number;
  /** The 0-based index of the issue requirement it belongs to, when the answer names or clearly describes one. */
  requirement?: number;
}

/** Where the answers go in spec.md: each to the section it answers. */
export interface RoutedAnswers {
  outOfScope: Array<{ text: string; question: number }>;
  reuse: Array<{ text: string; question: number; paths: string[] }>;
  visuals: Array<{ text: string; question: number }>;
  users: Array<{ text: string; question: number }>;
  acceptance: AnswerCriterion[];
  requirements: AnswerRequirement[];
  /** Answers that confirm the proposed default (or are too vague to change it): the default stands. */
  confirmed: number[];
}

/** An answer that agrees with the assumption and says nothing more. */
const CONFIRMATION =
  /^(yes|yep|yeah|yup|correct|right|that'?s (right|correct|fine)|agreed?|fine|sounds good|ok(ay)?|exactly|good|perfect|sure|looks good|lgtm|confirmed|as proposed|default is fine|the default is fine|👍|✅)[\s.!,]*$/i;
/** Leading agreement before the part that matters ("Yes, but also …"). */
const AGREEMENT = /^(yes|yep|yeah|correct|right|agreed|sure|ok(ay)?|fine)\b[\s,.!:;—–-]*/i;
const OUT_OF_SCOPE_LEAD =
  /^(out of scope|not in scope|non-?goals?|exclude[ds]?|leave out|not (for )?now|later|no need (to|for))(,? (as well|too|also))?\b\s*[:—–-]?\s*/i;
const REUSE_LEAD = /^(reuse|re-use|use the existing|existing code|follow the pattern (of|in)|see how)\b\s*[:—–-]?\s*/i;
/** A sentence in a scope answer that adds to the scope rather than excluding something. */
const ADDS =
  /^(also|and also|plus|in addition|additionally|add|please add|include|we (also )?need|it should also|it must also|in scope)\b/i;

const SIGNIFICANT = /[\p{L}\p{N}_-]{4,}/gu;
const STOP = new Set([
  'that',
  'this',
  'with',
  'from',
  'have',
  'should',
  'would',
  'could',
  'when',
  'them',
  'they',
  'their',
  'there',
  'into',
  'only',
  'also',
  'must',
  'will',
  'each',
  'every',
  'which',
  'what',
  'where',
  'after',
  'before',
  'about',
  'than',
  'then',
  'once',
  'just',
  'like',
  'more',
  'some',
  'same',
  'still',
]);

function words(text: string, seen: string = plainText(text)): Set<string> {
  return new Set((seen.toLowerCase().match(SIGNIFICANT) ?? []).filter((w) => !STOP.has(w)));
}

/**
 * A matcher from a text to the requirement it is about: one it names by number ("requirement 2", "#2", "R2"),
 * else the one it shares the most significant words with (at least two). Each requirement's words are read once.
 */
export function requirementMatcher(
  requirements: readonly string[],
  seen?: readonly string[],
): (text: string) => number | undefined {
  const vocabulary = requirements.map((r, i) => words(r, seen?.[i]));
  return (text) => {
    const named = /\b(?:requirement|req\.?|item|point|r)\s*#?(\d{1,3})\b|(?:^|\s)#(\d{1,3})\b/i.exec(plainText(text));
    const n = Number(named?.[1] ?? named?.[2] ?? NaN);
    if (Number.isInteger(n) && n >= 1 && n <= requirements.length) return n - 1;
    const said = words(text);
    let best: { index: number; shared: number } | undefined;
    vocabulary.forEach((own, index) => {
      const shared = [...own].filter((w) => said.has(w)).length;
      if (shared >= 2 && (best === undefined || shared > best.shared)) best = { index, shared };
    });
    return best?.index;
  };
}

/** The requirement one answer is about (see `requirementMatcher`). */
export function matchRequirement(answer: string, requirements: readonly string[]): number | undefined {
  return requirementMatcher(requirements)(answer);
}

/** The answer's first sentence in plain words: the name of the requirement it becomes. */
export function firstSentence(text: string, seen: string = plainText(text)): string {
  const plain = seen.replace(/\s+/g, ' ').trim();
  return (splitSentences(plain)[0] ?? plain).replace(/[.:;,]$/, '');
}

/** An answer's paragraphs and list items, each on its own, so lead-ins can be taken wherever they are. */
function pieces(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d{1,3}[.)])\s)/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A piece cut where a sentence opens with an "Out of scope" or "Reuse" lead-in (the whole piece when it opens with one). */
function splitAtLead(piece: string): { before: string; lead: string } {
  const sentences = splitSentences(piece);
  const at = sentences.findIndex(
    (s, i) => i > 0 && (OUT_OF_SCOPE_LEAD.test(plainText(s)) || REUSE_LEAD.test(plainText(s))),
  );
  if (at < 0) return { before: '', lead: piece };
  const offset = piece.indexOf(sentences[at] ?? '');
  return offset < 0
    ? { before: '', lead: piece }
    : { before: piece.slice(0, offset).trim(), lead: piece.slice(offset).trim() };
}

function stripMarker(piece: string): string {
  return piece.replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, '');
}

/**
 * The pieces of an answer that open with an "Out of scope" or "Reuse" lead-in go to those sections (unless the
 * question asked about that very thing); the rest of the answer is returned, piece by piece.
 */
function takeLeadIns(entry: DiscussionEntry, answer: string, routed: RoutedAnswers): string[] {
  const question = entry.number;
  const rest: string[] = [];
  for (const whole of pieces(answer)) {
    // A lead-in later in a paragraph ("No mockups. Out of scope: …") starts a piece of its own.
    const { before, lead } = splitAtLead(whole);
    if (before !== '') rest.push(before);
    if (lead === '') continue;
    const body = stripMarker(lead);
    const plain = plainText(body);
    if (OUT_OF_SCOPE_LEAD.test(plain) && entry.topic !== 'scope')
      routed.outOfScope.push({ text: body.replace(OUT_OF_SCOPE_LEAD, ''), question });
    else if (REUSE_LEAD.test(plain) && entry.topic !== 'reuse')
      routed.reuse.push({ text: body, question, paths: findCodePaths(body) });
    else rest.push(lead);
  }
  return rest;
}

/** A scope answer: what it adds becomes a requirement each, what it excludes goes to Out of Scope. */
function routeScope(rest: readonly string[], question: number, routed: RoutedAnswers): void {
  const adds = rest.filter((p) => ADDS.test(plainText(stripMarker(p)).replace(AGREEMENT, '')));
  const excludes = rest.filter((p) => !adds.includes(p));
  const excluded = excludes.map((p) => p.replace(AGREEMENT, '').replace(OUT_OF_SCOPE_LEAD, ''));
  if (excluded.length > 0) routed.outOfScope.push({ text: excluded.join('\n\n'), question });
  for (const add of adds)
    routed.requirements.push({ title: `Scope: ${firstSentence(stripMarker(add))}`, text: stripMarker(add), question });
}

/** The rest of an answer (after its lead-ins), sent where its question's topic says. */
function routeByTopic(
  entry: DiscussionEntry,
  rest: readonly string[],
  match: (text: string) => number | undefined,
  routed: RoutedAnswers,
): void {
  const question = entry.number;
  const text = rest.join('\n\n');
  const title = (label: string) => `${label}: ${firstSentence(text.replace(AGREEMENT, ''))}`;
  switch (entry.topic) {
    case 'scope':
      routeScope(rest, question, routed);
      break;
    case 'reuse':
      routed.reuse.push({ text, question, paths: findCodePaths(text) });
      break;
    case 'visuals':
      routed.visuals.push({ text, question });
      break;
    case 'acceptance': {
      const index = match(text);
      routed.acceptance.push({
        text: text.replace(AGREEMENT, ''),
        question,
        ...(index === undefined ? {} : { requirement: index }),
      });
      break;
    }
    case 'users-and-permissions':
      routed.users.push({ text, question });
      routed.requirements.push({ title: title(TOPIC_LABELS['users-and-permissions']), text, question });
      break;
    case 'other':
    case 'follow-up':
      routed.requirements.push({ title: title(`From the answer to Q${question}`), text, question });
      break;
    default:
      routed.requirements.push({ title: title(TOPIC_LABELS[entry.topic]), text, question });
  }
}

/**
 * Send each answer where it answers: scope to Out of Scope, reuse to Existing Code to Leverage (with the paths it
 * names), visuals to Visual Design, acceptance to the requirement it names (or the spec's criteria), users to the
 * user stories, and every other answer that says more than "yes" to a requirement of its own, so it reaches a
 * task. "Out of scope: …" and "Reuse …" lead-ins count wherever an answer says them. Answers stay as written.
 */
export function routeAnswers(
  entries: readonly DiscussionEntry[],
  requirements: readonly string[],
  seen?: readonly string[],
): RoutedAnswers {
  const routed: RoutedAnswers = {
    outOfScope: [],
    reuse: [],
    visuals: [],
    users: [],
    acceptance: [],
    requirements: [],
    confirmed: [],
  };
  const match = requirementMatcher(requirements, seen);
  for (const entry of entries) {
    const answer = entry.answer.trim();
    if (entry.defaulted || answer === '' || isUnclearAnswer(answer) || CONFIRMATION.test(plainText(answer))) {
      routed.confirmed.push(entry.number);
      continue;
    }
    const rest = takeLeadIns(entry, answer, routed);
    if (rest.length > 0) routeByTopic(entry, rest, match, routed);
  }
  return routed;
}
