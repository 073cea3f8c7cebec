/** What a section of an issue is about, from its heading. */
export type SectionKind =
  | 'requirements'
  | 'acceptance'
  | 'out-of-scope'
  | 'problem'
  | 'users'
  | 'technical'
  | 'visuals'
  | 'existing-code'
  | 'questions'
  /** What comes before the first heading: items there are requirements, prose is the description. */
  | 'preamble'
  /** Issue-form boilerplate ("Pre-flight checks", "Code of Conduct"): kept in the description only. */
  | 'boilerplate'
  /** Alternatives considered, additional context, areas or versions picked in a form: context, never requirements. */
  | 'context'
  | 'other';

/** First match wins: "User stories" is about requirements before it is about users. */
const RULES: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  [
    'boilerplate',
    /pre-?flight|code of conduct|before (submitting|you submit)|contributing guidelines|^checks?$|terms|verify that|(not|n't) been (suggested|reported|requested)|i have (searched|checked|read)|duplicates?\b|security policy/,
  ],
  [
    'context',
    /^(areas?|components?|platforms?|versions?|environment|browsers?|os|operating system|priority|severity|labels?|packages?|affected \w+)\b|(request|feature|issue) type\b|^type\b|would affect|alternatives?|workarounds?|additional (context|information|info|notes)|related (issues?|links?|prs?|work)|^references?$|^links?$|^(anything|something) else/,
  ],
  ['problem', /problem you'?d like to solve|related to a problem|^(the )?problem\b|pain points?|^motivation/],
  ['out-of-scope', /out[ -]of[ -]scope|non[- ]?goals?|not in scope|won'?t do|will not|exclu|later|future|not included/],
  [
    'requirements',
    /(solution|proposal).*(definition of done|acceptance)|(definition of done|acceptance).*(solution|proposal)/,
  ],
  [
    'acceptance',
    /acceptance|done when|definition of done|\bdod\b|success criteria|success metrics|how to (test|verify)|test plan|\bac\b/,
  ],
  ['existing-code', /existing code|reuse|related code|similar (code|features?)|prior art/],
  ['visuals', /design|mock|screenshot|visual|wireframe|\bui\b|\bux\b|figma/],
  [
    'requirements',
    /requirement|feature|scope|proposal|propos|solution|user stor|stories|goals?\b|behaviou?r|what|functional|must|should|spec|capabilit|changes?\b|tasks?\b|checklist|deliverable/,
  ],
  ['users', /users?\b|persona|who\b|audience|roles?\b|permission|customers?\b|actors?/],
  [
    'technical',
    /technical|tech\b|implementation|constraint|architecture|performance|security|dependenc|notes?\b|considerations?|api\b|data\b|stack/,
  ],
  [
    'problem',
    /problem|background|context|motivation|why|summary|overview|description|pain|current|today|situation|idea/,
  ],
  ['questions', /questions?|unknowns?|open points/],
];

/** Classify a heading (or a bold lead-in such as `**Acceptance criteria:**`) by its words, case-insensitively. */
export function classifyHeading(heading: string): SectionKind {
  const text = heading.toLowerCase();
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return 'other';
}
