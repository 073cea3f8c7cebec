import type { QuestionTopic } from './clarifying-question.js';

/** Words of a question that say what it is about, first match wins (for requirements.md written by hand). */
const TOPIC_WORDS: ReadonlyArray<readonly [QuestionTopic, RegExp]> = [
  ['reuse', /\b(reuse|re-use|existing (features?|components?|code)|code paths?)\b/i],
  ['visuals', /\b(mock-?ups?|wireframes?|screenshots?|visual|designs?)\b/i],
  ['scope', /\b(out of scope|in scope|scope|first version|leave out|exclude)\b/i],
  ['acceptance', /\b(acceptance|done when|criteria)\b/i],
  ['migration', /\b(migrat\w*|backfill|rollback|roll back|downtime)\b/i],
  ['cli', /\b(flags?|exit codes?|command[- ]line|stdout|output format)\b/i],
  ['api', /\b(endpoints?|status codes?|api|request|response)\b/i],
  ['job', /\b(schedule|cron|background|retries|queue)\b/i],
  ['library', /\b(public (api|interface)|semver|backwards?[- ]compatib\w*|breaking change)\b/i],
  ['docs', /\b(docs|documentation|readme)\b/i],
  ['performance', /\b(performance|volumes?|response times?|latency|how many|how large)\b/i],
  ['data', /\b(data|stored?|models?|tables?|database)\b/i],
  ['rollout', /\b(feature flag|roll ?out|gradual)\b/i],
  ['ui', /\b(screens?|appear|ui|page|where should it)\b/i],
  ['users-and-permissions', /\b(users?|roles?|permissions?|who can|admins?)\b/i],
  ['errors-and-edge-cases', /\b(errors?|edge cases?|fail\w*|invalid)\b/i],
];

/** A question's topic, or `other` for a question about something we do not ask (its answer is a requirement). */
export type AnswerTopic = QuestionTopic | 'other';

/** What a question is about, read from its words. */
export function inferTopic(question: string): AnswerTopic {
  for (const [topic, words] of TOPIC_WORDS) if (words.test(question)) return topic;
  return 'other';
}
