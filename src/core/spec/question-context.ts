import { classifyChange, KIND_WORDS, type ChangeKind, type ChangeProfile } from '../issue/classify-change.js';
import { findIssueRequirements, isSelectionList, noiseOf } from '../issue/find-issue-requirements.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { textOf } from '../markdown/plain-text.js';
import { hasSection, type ParsedIssue } from '../issue/parse-issue.js';
import { inlineCodeOfTree, splitSentences } from '../issue/prose.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';

/** What the questions are drawn from: the issue, what kind of change it is, and the repository's paths. */
export interface QuestionContext {
  issue: ParsedIssue;
  profile: ChangeProfile;
  /** The issue's prose sentences (no code, no addresses). */
  sentences: string[];
  requirements: string[];
  /** What the issue asks for as markdown (`inScopeMarkdown`), and the inline code in it, from its one parse. */
  inScope: { markdown: string; inlineCode: string[] };
  repositoryPaths: readonly string[];
  has: (kind: ChangeKind) => boolean;
}

/** What the issue asks for, without what it leaves out or its form boilerplate: what questions may quote. */
function inScopeMarkdown(issue: ParsedIssue): string {
  return issue.sections
    .filter((s) => s.kind !== 'out-of-scope' && s.kind !== 'boilerplate' && s.kind !== 'context')
    .flatMap((s) => [
      ...(isSelectionList(s.items)
        ? []
        : s.items.filter((i) => noiseOf(i.text, i.plain) === undefined).map((i) => `- ${i.text}`)),
      ...s.paragraphs.filter((p, i) => noiseOf(p, s.paragraphsPlain[i]) === undefined),
      ...s.blocks,
    ])
    .join('\n\n');
}

export function questionContext(issue: ParsedIssue, repositoryPaths: readonly string[] = []): QuestionContext {
  const markdown = inScopeMarkdown(issue);
  // The in-scope text is parsed once: its kind of change and its sentences are read from the one tree.
  const tree = parseMarkdown(markdown);
  const profile = classifyChange(issue.title, markdown, repositoryPaths, tree);
  // Quotes keep inline code (`--json`), never code blocks, comments or addresses alone.
  const sentences = splitSentences(textOf(tree).trim())
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 3);
  const requirements = findIssueRequirements(issue)
    .requirements.filter((r) => r.depth === 0)
    .map((r) => r.text);
  const inScope = { markdown, inlineCode: inlineCodeOfTree(tree) };
  return {
    issue,
    profile,
    sentences,
    requirements,
    inScope,
    repositoryPaths,
    has: (kind) => profile.kinds.includes(kind),
  };
}

/** Someone's words, shortened to a phrase and safe to quote in our comments: markdown escaped, no `@` mention. */
export function phrase(text: string, max = 80): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const short =
    plain.length <= max
      ? plain.replace(/[.;:,]$/, '')
      : `${plain.slice(0, Math.max(plain.slice(0, max).lastIndexOf(' '), max / 2))}…`;
  return escapeMarkdown(short).replace(/@/g, '@\u200b');
}

/** The first sentence of the issue that says this kind of thing, as a quote (`“…”`). */
export function quoteOf(context: QuestionContext, words: RegExp): string | undefined {
  const pattern = new RegExp(words.source, words.flags.replace('g', ''));
  const found = [...context.sentences, context.issue.title].find((s) => pattern.test(s));
  return found === undefined ? undefined : `“${phrase(found)}”`;
}

export function quoteKind(context: QuestionContext, kind: ChangeKind): string | undefined {
  return quoteOf(context, KIND_WORDS[kind]);
}

/** Quantities the issue states ("10,000 pages", "200 ms", "5 MB"), as written. */
export function quantitiesIn(context: QuestionContext): string[] {
  const pattern =
    /(?:^|[\s(~≈<>])((?:\d{1,3}(?:[,.\s]\d{3})+|\d+(?:\.\d+)?)\s?(?:k|m|million|thousand|hundred)?\s?(?:pages?|items?|rows?|records?|entries|users?|requests?|files?|projects?|documents?|messages?|events?|ms|milliseconds?|s|sec|seconds?|minutes?|min|hours?|h|MB|GB|KB|TB|%|req\/s|rps|qps)\b)/gi;
  const found = context.sentences.flatMap((s) => [...s.matchAll(pattern)].map((m) => (m[1] ?? '').trim()));
  return found.filter((q, i) => found.indexOf(q) === i).slice(0, 3);
}

/** The issue's own `--flags` and HTTP routes, as written in its code spans or text. */
export function namedInterfaces(context: QuestionContext): { flags: string[]; routes: string[] } {
  const body = context.inScope.markdown;
  const flags = [...body.matchAll(/(?:^|[\s`(])(--[a-z][\w-]*)/g)].map((m) => m[1] ?? '');
  const routes = [...body.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[\w/{}:.-]*)/g)].map(
    (m) => `${m[1] ?? ''} ${m[2] ?? ''}`,
  );
  // A route written as a path alone (`**URL**: \`/api/v1/feature-request\``).
  if (routes.length === 0) routes.push(...context.inScope.inlineCode.filter((c) => /^\/(api|v\d)[\w/{}:.-]*$/.test(c)));
  const unique = (list: string[]) => list.filter((x, i) => x !== '' && list.indexOf(x) === i).slice(0, 3);
  return { flags: unique(flags), routes: unique(routes) };
}

/** Paths in the repository whose names share words with the issue (candidates to reuse), best first. */
export function relatedPaths(context: QuestionContext, max = 3): string[] {
  if (context.repositoryPaths.length === 0) return [];
  const words = new Set(
    [context.issue.title, ...context.requirements]
      .join(' ')
      .toLowerCase()
      .match(/[a-z]{4,}/g)
      ?.map((w) => w.replace(/(ies|es|s)$/, '')) ?? [],
  );
  for (const common of [
    'should',
    'would',
    'with',
    'from',
    'that',
    'this',
    'have',
    'when',
    'each',
    'every',
    'user',
    'test',
    'file',
    'page',
    'list',
    'they',
    'them',
    'only',
    'also',
    'into',
    'like',
    'make',
    'show',
    'need',
    'want',
    'able',
  ])
    words.delete(common);
  const scored = context.repositoryPaths
    .filter(
      (p) =>
        !/(^|\/)(node_modules|dist|build|vendor|\.git|test|tests|__tests__|spec|fixtures)\//.test(p) &&
        !/\.(md|json|lock|ya?ml|txt|svg|png|jpg)$/i.test(p),
    )
    .map((path) => {
      const name = (path.split('/').pop() ?? '').toLowerCase();
      const score = [...words].filter((w) => name.includes(w)).length;
      return { path, score };
    })
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score || a.path.length - b.path.length || a.path.localeCompare(b.path));
  return scored.slice(0, max).map((p) => p.path);
}

export function hasAny(context: QuestionContext, ...kinds: ChangeKind[]): boolean {
  return kinds.some((k) => context.has(k));
}

export { hasSection };
