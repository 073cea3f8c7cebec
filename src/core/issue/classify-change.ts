import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { inlineCodeOfTree, proseOfTree } from './prose.js';

/** The kinds of change an issue can ask for; several may apply. */
export type ChangeKind = 'ui' | 'api' | 'cli' | 'library' | 'data' | 'migration' | 'performance' | 'job' | 'docs';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'data',
  'migration',
  'api',
  'job',
  'cli',
  'library',
  'ui',
  'docs',
  'performance',
];

/** Words that say a kind, read from the prose (never from code, addresses or image links). */
export const KIND_WORDS: Record<ChangeKind, RegExp> = {
  ui: /\b(pages?|screens?|buttons?|dialogs?|modals?|forms?|ui|ux|views?|tabs?|menus?|dark mode|light mode|themes?|layouts?|sidebars?|navbar|tooltips?|dropdowns?|checkbox(es)?|toggles?|banners?|icons?|css|styles?|click\w*|dashboard|front-?end|browser|mobile app|responsive|settings page|toast|badge|inline error)\b/gi,
  api: /\b(api|apis|endpoints?|rest|graphql|http|request body|response body|responses? (code|shape|format|schema)|webhooks?|routes?|status codes?|payloads?|back-?end|server)\b/gi,
  cli: /\b(cli|command[- ]line|commands?|(?<!feature )flags?|subcommands?|terminal|shell|stdout|stderr|exits? (with )?(codes?|status)|arguments?|--[a-z][\w-]*)\b/gi,
  library: /\b(library|sdk|npm package|package api|crate|gem|module api|type definitions|typings)\b/gi,
  data: /\b(database|db|database tables?|new (table|column|field|model|index)s?|(a|the) table (for|to store)|schema|data models?|records?|unique index|indexes|indices|stor(e|ed|es|ing)|persist\w*|imports?|exports?|csv|xlsx|backups?|storage|cache|preferences?|information)\b/gi,
  migration: /\b(migrat\w*|backfill\w*|schema changes?|data fix|re-?index\w*|convert existing)\b/gi,
  performance:
    /\b(slow\w*|performance|latency|faster|speed( up)?|timeouts?|memory|cpu|throughput|p9[59]|scal\w+|thousands|millions|large (files?|numbers?|repos?|datasets?)|too long|hangs?|freez\w*|lag\w*)\b/gi,
  job: /\b(cron|cron ?jobs?|scheduled|reminders?|in advance|ahead of time|on a schedule|background (jobs?|tasks?|workers?|process\w*)|in the background|job queues?|queues?|workers?|nightly|hourly|every (day|hour|week|night|morning)|recurring|async(hronous)? jobs?)\b/gi,
  docs: /\b(docs|documentation|readme|guides?|tutorials?|examples? in the docs|docstrings?|changelog)\b/gi,
};

/** Words that say a kind on their own: each counts twice. */
const STRONG: Partial<Record<ChangeKind, RegExp>> = {
  job: /\b(cron|cron ?jobs?|background (jobs?|workers?)|scheduled (jobs?|tasks?|emails?|reports?|digests?)|weekly digests?|daily digests?|sends? (\w+ )?(notifications?|notices|reminders?|digests?)|in the background)\b/gi,
  api: /\b(endpoints?|rest api|graphql)\b/gi,
  migration: /\b(migrations?|backfill\w*)\b/gi,
  cli: /\b(cli|command[- ]line|subcommands?)\b/gi,
  ui: /\b(dashboard|dropdowns?|buttons?|modals?|dialogs?|sidebars?|dark mode)\b/gi,
  docs: /\b(documentation|docs)\b/gi,
  data: /\b(database|new tables?|new columns?)\b/gi,
};

/** Folder and file names in a repository that say what it is built of. */
const TREE_SIGNS: Array<[ChangeKind, RegExp]> = [
  [
    'ui',
    /(^|\/)(components|pages|views|screens|templates|app\/views|frontend|web|ui|styles)\/|\.(tsx|jsx|vue|svelte|css|scss|html|erb)$/i,
  ],
  ['api', /(^|\/)(api|routes|controllers|handlers|endpoints|graphql|openapi)(\/|\.)/i],
  ['cli', /(^|\/)(bin|cmd|cli|commands)\//i],
  ['data', /(^|\/)(models|db|database|schema|entities|prisma)(\/|\.)/i],
  ['migration', /(^|\/)(migrations?|migrate|alembic)\//i],
  ['job', /(^|\/)(jobs|workers|cron|tasks|queues)\//i],
  ['docs', /(^|\/)(docs|documentation)\//i],
];

export interface ChangeProfile {
  /** Kinds the issue asks for, most-mentioned first. */
  kinds: ChangeKind[];
  /** How many times each kind's words appear in the issue. */
  scores: Partial<Record<ChangeKind, number>>;
  /** Kinds the repository is built of (from its tree); empty when the tree was not read. */
  repository: ChangeKind[];
}

/** An API, a job or a screen that mentions what it keeps ("records each request's title") stores data. */
function storesData(scores: Partial<Record<ChangeKind, number>>, top: number): boolean {
  const primary = (['api', 'job', 'ui'] as const).some((k) => (scores[k] ?? 0) >= Math.max(2, Math.ceil(top / 3)));
  return primary && (scores.data ?? 0) >= 1;
}

function count(text: string, words: RegExp): number {
  return text.match(new RegExp(words.source, words.flags.includes('g') ? words.flags : `${words.flags}g`))?.length ?? 0;
}

/**
 * What kind of change an issue asks for, from its prose and, when given, the repository's file paths. A kind
 * counts when its words appear at least twice, or once in the title; `--flag` in inline code counts for a CLI.
 * The repository only confirms: a web app's tree makes "page" UI, a tree with no UI never adds UI. `tree` is the
 * body's, when the caller has parsed it.
 */
export function classifyChange(
  title: string,
  body: string,
  repositoryPaths: readonly string[] = [],
  tree: Root = parseMarkdown(body),
): ChangeProfile {
  const prose = proseOfTree(tree);
  const code = inlineCodeOfTree(tree);
  const repository = TREE_SIGNS.filter(([, sign]) => repositoryPaths.some((p) => sign.test(p))).map(([kind]) => kind);
  const scores: Partial<Record<ChangeKind, number>> = {};
  for (const kind of CHANGE_KINDS) {
    const words = KIND_WORDS[kind];
    const strong = STRONG[kind];
    let score =
      count(prose, words) +
      3 * count(title, words) +
      (strong === undefined ? 0 : count(prose, strong) + count(title, strong));
    if (kind === 'cli')
      score += 2 * code.filter((c) => /^(-{1,2}[a-z][\w-]*|[a-z][\w-]* (?:-{1,2}[a-z]|[a-z]+ --))/i.test(c)).length;
    if (kind === 'api')
      score +=
        2 * code.filter((c) => /^(GET|POST|PUT|PATCH|DELETE) \//.test(c)).length +
        2 * count(prose, /\b(GET|POST|PUT|PATCH|DELETE) \//g);
    if (kind === 'api' && /```(json|graphql|http)/i.test(body)) score += 2;
    if (score > 0) scores[kind] = score;
  }
  const top = Math.max(0, ...Object.values(scores));
  const titleScore = (kind: ChangeKind): number => count(title, KIND_WORDS[kind]);
  // A kind beside the main one counts when it is said often enough: "the API call fails" does not make a CLI issue an API's.
  const kinds = CHANGE_KINDS.filter((k) => (scores[k] ?? 0) >= Math.max(2, Math.ceil(top / 3)))
    // The data words overlap: "export" alone does not make a database change when the issue is a CLI's.
    .filter((k) => !(k === 'library' && (scores.cli ?? 0) > (scores.library ?? 0)))
    .concat(storesData(scores, top) ? ['data' as const] : [])
    .filter((k, i, all) => all.indexOf(k) === i)
    // What the title is about comes first: "Extremely slow performance …" is a performance issue, however many buttons it names.
    .sort((a, b) => titleScore(b) - titleScore(a) || (scores[b] ?? 0) - (scores[a] ?? 0));
  return { kinds, scores, repository };
}
