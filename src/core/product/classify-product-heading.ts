/** What a section of a product description is about. */
export type ProductSection = 'name' | 'pitch' | 'users' | 'problem' | 'differentiators' | 'features' | 'other';

/**
 * First match wins: "Out of scope" is no feature list, "Key features for users" is about features, "Why us" about
 * differentiators before "why".
 */
const RULES: ReadonlyArray<readonly [ProductSection, RegExp]> = [
  // What the product will not do (yet) is no feature of it.
  ['other', /out[ -]of[ -]scope|non[- ]?goals?|not in scope|won'?t (do|have)|\blater\b|future|nice to have|someday/],
  ['name', /^(product|project|app)?\s*name$|^product$/],
  [
    'differentiators',
    /differentiat|why us|why choose|unique|advantage|stand(s)? out|sets? (us|it) apart|compar|competit|alternatives?/,
  ],
  ['features', /features?|capabilit|\bmvp\b|scope|functionality|what it does|roadmap|milestones?/],
  ['problem', /problem|pain|challenge|^why\b|motivation|^the need$|background/],
  [
    'users',
    /users?\b|audience|personas?|customers?|who (is it|it'?s|it is) for|^who\b|target|segments?|stakeholders|^((built|made|designed) )?for( whom)?$/,
  ],
  [
    'pitch',
    /pitch|vision|overview|summary|elevator|idea|concept|description|about|mission|what is|introduction|^intro$|tl;?dr|^goals?$/,
  ],
];

/** Classify a heading (or a lead-in such as `**Key features:**`) of a product description, case-insensitively. */
export function classifyProductHeading(heading: string): ProductSection {
  const text = heading
    .toLowerCase()
    .replace(/[*_`:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [section, pattern] of RULES) if (pattern.test(text)) return section;
  return 'other';
}
