import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  inlineCodeOfTree,
  proseOfTree
} from "./chunk-4JXO3V7L.js";
import {
  parseMarkdown
} from "./chunk-TT3HGKZC.js";

// src/core/issue/classify-change.ts
var CHANGE_KINDS = [
  "data",
  "migration",
  "api",
  "job",
  "cli",
  "library",
  "ui",
  "docs",
  "performance"
];
var KIND_WORDS = {
  ui: /\b(pages?|screens?|buttons?|dialogs?|modals?|forms?|ui|ux|views?|tabs?|menus?|dark mode|light mode|themes?|layouts?|sidebars?|navbar|tooltips?|dropdowns?|checkbox(es)?|toggles?|banners?|icons?|css|styles?|click\w*|dashboard|front-?end|browser|mobile app|responsive|settings page|toast|badge|inline error)\b/gi,
  api: /\b(api|apis|endpoints?|rest|graphql|http|request body|response body|responses? (code|shape|format|schema)|webhooks?|routes?|status codes?|payloads?|back-?end|server)\b/gi,
  cli: /\b(cli|command[- ]line|commands?|(?<!feature )flags?|subcommands?|terminal|shell|stdout|stderr|exits? (with )?(codes?|status)|arguments?|--[a-z][\w-]*)\b/gi,
  library: /\b(library|sdk|npm package|package api|crate|gem|module api|type definitions|typings)\b/gi,
  data: /\b(database|db|database tables?|new (table|column|field|model|index)s?|(a|the) table (for|to store)|schema|data models?|records?|unique index|indexes|indices|stor(e|ed|es|ing)|persist\w*|imports?|exports?|csv|xlsx|backups?|storage|cache|preferences?|information)\b/gi,
  migration: /\b(migrat\w*|backfill\w*|schema changes?|data fix|re-?index\w*|convert existing)\b/gi,
  performance: /\b(slow\w*|performance|latency|faster|speed( up)?|timeouts?|memory|cpu|throughput|p9[59]|scal\w+|thousands|millions|large (files?|numbers?|repos?|datasets?)|too long|hangs?|freez\w*|lag\w*)\b/gi,
  job: /\b(cron|cron ?jobs?|scheduled|reminders?|in advance|ahead of time|on a schedule|background (jobs?|tasks?|workers?|process\w*)|in the background|job queues?|queues?|workers?|nightly|hourly|every (day|hour|week|night|morning)|recurring|async(hronous)? jobs?)\b/gi,
  docs: /\b(docs|documentation|readme|guides?|tutorials?|examples? in the docs|docstrings?|changelog)\b/gi
};
var STRONG = {
  job: /\b(cron|cron ?jobs?|background (jobs?|workers?)|scheduled (jobs?|tasks?|emails?|reports?|digests?)|weekly digests?|daily digests?|sends? (\w+ )?(notifications?|notices|reminders?|digests?)|in the background)\b/gi,
  api: /\b(endpoints?|rest api|graphql)\b/gi,
  migration: /\b(migrations?|backfill\w*)\b/gi,
  cli: /\b(cli|command[- ]line|subcommands?)\b/gi,
  ui: /\b(dashboard|dropdowns?|buttons?|modals?|dialogs?|sidebars?|dark mode)\b/gi,
  docs: /\b(documentation|docs)\b/gi,
  data: /\b(database|new tables?|new columns?)\b/gi
};
var TREE_SIGNS = [
  [
    "ui",
    /(^|\/)(components|pages|views|screens|templates|app\/views|frontend|web|ui|styles)\/|\.(tsx|jsx|vue|svelte|css|scss|html|erb)$/i
  ],
  ["api", /(^|\/)(api|routes|controllers|handlers|endpoints|graphql|openapi)(\/|\.)/i],
  ["cli", /(^|\/)(bin|cmd|cli|commands)\//i],
  ["data", /(^|\/)(models|db|database|schema|entities|prisma)(\/|\.)/i],
  ["migration", /(^|\/)(migrations?|migrate|alembic)\//i],
  ["job", /(^|\/)(jobs|workers|cron|tasks|queues)\//i],
  ["docs", /(^|\/)(docs|documentation)\//i]
];
function storesData(scores, top) {
  const primary = ["api", "job", "ui"].some((k) => (scores[k] ?? 0) >= Math.max(2, Math.ceil(top / 3)));
  return primary && (scores.data ?? 0) >= 1;
}
function count(text, words) {
  return text.match(new RegExp(words.source, words.flags.includes("g") ? words.flags : `${words.flags}g`))?.length ?? 0;
}
function classifyChange(title, body, repositoryPaths = [], tree = parseMarkdown(body)) {
  const prose = proseOfTree(tree);
  const code = inlineCodeOfTree(tree);
  const repository = TREE_SIGNS.filter(([, sign]) => repositoryPaths.some((p) => sign.test(p))).map(([kind]) => kind);
  const scores = {};
  for (const kind of CHANGE_KINDS) {
    const words = KIND_WORDS[kind];
    const strong = STRONG[kind];
    let score = count(prose, words) + 3 * count(title, words) + (strong === void 0 ? 0 : count(prose, strong) + count(title, strong));
    if (kind === "cli")
      score += 2 * code.filter((c) => /^(-{1,2}[a-z][\w-]*|[a-z][\w-]* (?:-{1,2}[a-z]|[a-z]+ --))/i.test(c)).length;
    if (kind === "api")
      score += 2 * code.filter((c) => /^(GET|POST|PUT|PATCH|DELETE) \//.test(c)).length + 2 * count(prose, /\b(GET|POST|PUT|PATCH|DELETE) \//g);
    if (kind === "api" && /```(json|graphql|http)/i.test(body)) score += 2;
    if (score > 0) scores[kind] = score;
  }
  const top = Math.max(0, ...Object.values(scores));
  const titleScore = (kind) => count(title, KIND_WORDS[kind]);
  const kinds = CHANGE_KINDS.filter((k) => (scores[k] ?? 0) >= Math.max(2, Math.ceil(top / 3))).filter((k) => !(k === "library" && (scores.cli ?? 0) > (scores.library ?? 0))).concat(storesData(scores, top) ? ["data"] : []).filter((k, i, all) => all.indexOf(k) === i).sort((a, b) => titleScore(b) - titleScore(a) || (scores[b] ?? 0) - (scores[a] ?? 0));
  return { kinds, scores, repository };
}

export {
  KIND_WORDS,
  classifyChange
};
