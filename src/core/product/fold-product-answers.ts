import type { ClarifyingQuestion } from '../spec/clarifying-question.js';
import { parseReply } from '../spec/parse-answers.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import type { ProductBrief, ProductQuestion } from './product-brief.js';
import { addFeatures, addLines, featureOf, lineOf } from './product-entries.js';
import { listedEntries } from './parse-product-sections.js';

/** Our questions in the shape the reply reader knows (it only looks at their numbers and texts). */
function asClarifying(questions: readonly ProductQuestion[]): ClarifyingQuestion[] {
  return questions.map((q) => ({ number: q.number, topic: 'follow-up', text: q.text, default: '' }));
}

/** Whether some markdown holds a list (outside code and HTML). */
function hasList(markdown: string): boolean {
  return parseMarkdown(markdown).children.some(
    (node) => node.type === 'list' || (node.type === 'blockquote' && node.children.some((c) => c.type === 'list')),
  );
}

/** The answers of a reply, by question number. A reply to a single question about a list may be just the list. */
function answersOf(reply: string, questions: readonly ProductQuestion[]): Map<number, string> {
  const found = new Map(
    parseReply(reply, asClarifying(questions))
      .answers.filter((a) => !a.unclear)
      .map((a) => [a.number, a.text] as const),
  );
  const [only] = questions;
  if (
    found.size === 0 &&
    questions.length === 1 &&
    only !== undefined &&
    (only.topic === 'features' || only.topic === 'users') &&
    hasList(reply)
  ) {
    found.set(only.number, reply.trim());
  }
  return found;
}

/**
 * Fold a reply to the product questions into the brief: answers by number (`1. …`, `1) …`, `Q1: …`, `**Q1:** …`,
 * a quoted question followed by the answer, or a list under the number) add key features (each item or line, as
 * `Title: description`), user segments, the pitch or the problem. Empty and vague answers ("not sure", "tbd") add
 * nothing. Features and users already in the brief are not added twice.
 */
export function foldProductAnswers(
  brief: ProductBrief,
  questions: readonly ProductQuestion[],
  reply: string,
): ProductBrief {
  const answers = answersOf(reply, questions);
  let folded: ProductBrief = {
    ...brief,
    users: [...brief.users],
    differentiators: [...brief.differentiators],
    features: [...brief.features],
  };
  for (const question of questions) {
    const answer = answers.get(question.number);
    if (answer === undefined) continue;
    if (question.topic === 'features') {
      folded = {
        ...folded,
        features: addFeatures(
          folded.features,
          listedEntries(answer)
            .map((entry) => featureOf(entry))
            .filter((f) => f.title !== ''),
        ),
      };
    } else if (question.topic === 'users') {
      folded = {
        ...folded,
        users: addLines(
          folded.users,
          listedEntries(answer).map((entry) => lineOf(entry)),
        ),
      };
    } else if (question.topic === 'pitch') {
      folded = { ...folded, pitch: answer };
    } else {
      folded = { ...folded, problem: answer };
    }
  }
  return folded;
}
