import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { MIN_FEATURES, MIN_USERS, type ProductBrief, type ProductQuestion } from './product-brief.js';

function quoted(titles: readonly string[]): string {
  return titles.map((t) => `“${escapeMarkdown(t)}”`).join(', ');
}

/**
 * The questions to ask before Agent OS can plan the product: what it is (when there is no pitch), at least 3 key
 * features, at least 1 user segment, and the problem it solves. Numbered from 1 in that order; `[]` when the brief
 * has all it needs. The same brief always gives the same questions, so the numbers of a reply can be read later.
 */
export function missingProductInfo(brief: ProductBrief): ProductQuestion[] {
  const name = brief.name;
  const texts: Array<Omit<ProductQuestion, 'number'>> = [];
  if (brief.pitch.trim() === '') {
    texts.push({ topic: 'pitch', text: `What is ${name}, in a sentence or two: what does it do, and for whom?` });
  }
  const features = brief.features.length;
  if (features < MIN_FEATURES) {
    const how = 'one per line, as `Feature: what it lets users do`.';
    texts.push({
      topic: 'features',
      text:
        features === 0
          ? `What are the key features of the first versions? Agent OS plans a product from at least ${MIN_FEATURES}: list them ${how}`
          : `The description names ${features} key feature${features === 1 ? '' : 's'} (${quoted(brief.features.map((f) => f.title))}); Agent OS plans a product from at least ${MIN_FEATURES}. What other key features should the first versions have? List them ${how}`,
    });
  }
  if (brief.users.length < MIN_USERS) {
    texts.push({
      topic: 'users',
      text: 'Who is it for? Name at least one user segment (e.g. “engineering managers at 10–50 person startups”), one per line.',
    });
  }
  if (brief.problem.trim() === '') {
    texts.push({
      topic: 'problem',
      text: `What problem does ${name} solve for them, and how do they deal with it today?`,
    });
  }
  return texts.map((q, index) => ({ number: index + 1, ...q }));
}
