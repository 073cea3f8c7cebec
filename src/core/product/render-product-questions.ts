import type { ProductQuestion, ProductTopic } from './product-brief.js';

const TOPIC_LABELS: Readonly<Record<ProductTopic, string>> = {
  pitch: 'The product',
  features: 'Key features',
  users: 'Users',
  problem: 'The problem',
};

/**
 * The comment that asks what the product description lacks: the numbered questions, then how to answer (numbered
 * answers in a reply, or an edit of the issue) and to comment `/plan-product` again.
 */
export function renderProductQuestions(questions: readonly ProductQuestion[]): string {
  return [
    'To plan the product (mission, roadmap and tech stack), Agent OS needs a little more about it:',
    '',
    ...questions.map((q) => `${q.number}. **${TOPIC_LABELS[q.topic]}:** ${q.text}`),
    '',
    'Reply with answers numbered like the questions (`1. …` or `Q1: …`; a list under a number is fine), or edit the issue to add them; then comment `/plan-product` again.',
    '',
  ].join('\n');
}
