import { KIND_WORDS, type ChangeKind } from '../issue/classify-change.js';
import { plainText } from '../markdown/plain-text.js';
import type { SpecRequirement } from './parse-spec.js';

/** The kinds of work a task group is made for, in the order they are built (what others depend on first). */
export type WorkKind = 'data' | 'core' | 'api' | 'job' | 'cli' | 'ui' | 'docs';

export const WORK_ORDER: readonly WorkKind[] = ['data', 'core', 'api', 'job', 'cli', 'ui', 'docs'];

/** Which change kinds' words count for which work. */
const WORDS: ReadonlyArray<readonly [WorkKind, readonly ChangeKind[]]> = [
  ['data', ['data', 'migration']],
  ['api', ['api']],
  ['job', ['job']],
  ['cli', ['cli']],
  ['ui', ['ui']],
  ['docs', ['docs']],
  ['core', ['library']],
];

/** Requirements the answers added are named by their question's topic: the topic says the work. */
const BY_TITLE: ReadonlyArray<readonly [RegExp, WorkKind | 'spec']> = [
  [/^(Data|Migration):/, 'data'],
  [/^API contract:/, 'api'],
  [/^Command line:/, 'cli'],
  [/^Background work:/, 'job'],
  [/^Where it appears:/, 'ui'],
  [/^Documentation:/, 'docs'],
  [/^Public interface:/, 'core'],
  [/^(Users and permissions|Performance|Errors and edge cases|Rollout|Scope|From the answer to Q\d+):/, 'spec'],
];

/** Words of logic that lives behind any interface: rules, messages, tokens. */
const CORE_WORDS =
  /\b(e-?mails?|mailer|mail|send(s|ing)?|notif\w*|tokens?|expir\w*|validat\w*|permissions?|revok\w*|invalidat\w*|rules?|calculat\w*|pars(e|es|ing)|generat\w*|single-use|dedup\w*|retr(y|ies))\b/gi;

function scores(text: string): Map<WorkKind, number> {
  const plain = plainText(text);
  const out = new Map<WorkKind, number>();
  // What one requirement stores says data, even where the whole issue's "table" would not.
  const stored = plain.match(/\b(tables?|columns?|rows?|migrat\w*|backfill\w*|indexe?s?)\b/gi)?.length ?? 0;
  if (stored > 0) out.set('data', stored);
  const core = plain.match(CORE_WORDS)?.length ?? 0;
  if (core > 0) out.set('core', core);
  // A route (`POST /v1/x`) or an HTTP example is an API's, whatever words its paths hold.
  const routes =
    (text.match(/\b(GET|POST|PUT|PATCH|DELETE) \//g)?.length ?? 0) +
    (text.match(/```(http|json|graphql)/gi)?.length ?? 0);
  if (routes > 0) out.set('api', 3 * routes);
  for (const [work, kinds] of WORDS) {
    const score = kinds.reduce(
      (sum, kind) => sum + (plain.match(new RegExp(KIND_WORDS[kind].source, 'gi'))?.length ?? 0),
      0,
    );
    if (score > 0) out.set(work, (out.get(work) ?? 0) + score);
  }
  return out;
}

function best(scored: Map<WorkKind, number>): WorkKind | undefined {
  let top: [WorkKind, number] | undefined;
  for (const work of WORK_ORDER) {
    const score = scored.get(work) ?? 0;
    if (score > 0 && (top === undefined || score > top[1])) top = [work, score];
  }
  return top?.[0];
}

function textOf(requirement: SpecRequirement): string {
  return [
    requirement.name,
    ...requirement.bullets.flatMap((b) => [b.text, ...(b.blocks ?? []).map((block) => block.split('\n')[0] ?? '')]),
  ].join('\n');
}

/**
 * The kind of work each requirement is, by what it says: a data model or migration, an API, a background job, a
 * command, a screen, docs, or core logic. A requirement that says nothing specific (a permission rule, a
 * performance target, an answer about errors) belongs to the work the spec as a whole is mostly about.
 */
export function classifyWork(requirements: readonly SpecRequirement[]): WorkKind[] {
  const spec = best(scores(requirements.map(textOf).join('\n'))) ?? 'core';
  return requirements.map((requirement) => {
    const byTitle = BY_TITLE.find(([pattern]) => pattern.test(requirement.name))?.[1];
    if (byTitle !== undefined && byTitle !== 'spec') return byTitle;
    if (byTitle === 'spec') return spec;
    const own = scores(textOf(requirement));
    const mine = best(own);
    if (mine === undefined) return spec;
    // A tie goes to the interface the spec is about ("a --json flag … instead of the table" is the CLI's work).
    return spec !== 'core' && (own.get(spec) ?? 0) >= (own.get(mine) ?? 0) ? spec : mine;
  });
}
