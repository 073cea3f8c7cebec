import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Options } from 'mdast-util-to-markdown';
import { bulletList, emphasis, heading, paragraph, raw, root, strong, text } from '../markdown/build-mdast.js';
import { embedVerbatim } from '../markdown/embed-verbatim.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import { MARKDOWN_WRITER, writeMarkdown } from '../markdown/write-markdown.js';
import type { ProductBrief, ProductFeature } from './product-brief.js';
import { splitFeature } from './split-feature.js';

const notYet = (): Paragraph => paragraph([emphasis([text('Not described yet.')])]);

/** Text written as it is: escapeMarkdown's output for a name or title, a person's markdown as they wrote it. */

/** A one-line entry (a user segment, a differentiator) split like a feature: `Title: description`. */
function splitLine(line: string): ProductFeature {
  const [node] = parseMarkdown(line).children;
  return node?.type === 'paragraph' ? splitFeature(line, node.children) : { title: plainText(line), description: '' };
}

/** `**Title:** description`, or the line as written when it has no description. */
function boldLead(entry: ProductFeature, fallback: string): PhrasingContent[] {
  return entry.description === ''
    ? [raw(fallback)]
    : [strong([raw(escapeMarkdown(entry.title)), text(':')]), text(' '), raw(entry.description)];
}

/** The pitch, opening with the product's name when it does not say it. */
function pitchOf(brief: ProductBrief): RootContent {
  const pitch = embedVerbatim(brief.pitch);
  if (pitch === '') return notYet();
  return plainText(pitch).toLowerCase().includes(brief.name.toLowerCase())
    ? raw(pitch)
    : paragraph([strong([raw(escapeMarkdown(brief.name))]), text(': '), raw(pitch)]);
}

function personas(users: readonly string[]): RootContent[] {
  const split = users.map((line) => splitLine(line)).filter((u) => u.description !== '');
  if (split.length === 0)
    return [
      paragraph([
        emphasis([text('No personas described yet: add one per kind of user (role, context, pain points, goals).')]),
      ]),
    ];
  return split.flatMap((u) => [
    paragraph([strong([raw(escapeMarkdown(u.title))])]),
    bulletList([[strong([text('Context:')]), text(' '), raw(u.description)]]),
  ]);
}

function listOr(items: PhrasingContent[][], empty: Paragraph): RootContent {
  return items.length > 0 ? bulletList(items) : empty;
}

/** The mission's layout: a persona's name directly above its details. */
const MISSION_WRITER: Options = {
  ...MARKDOWN_WRITER,
  join: [(left, right) => (left.type === 'paragraph' && right.type === 'list' ? 0 : undefined)],
};

/**
 * mission.md in the Agent OS format: Pitch, Users (Primary Customers, User Personas), The Problem, Differentiators,
 * Key Features. What people wrote is kept as written; what the brief does not say is marked as not described yet.
 */
export function renderMission(brief: ProductBrief): string {
  const problem = embedVerbatim(brief.problem);
  const tree = root([
    heading(1, [text('Product Mission')]),
    heading(2, [text('Pitch')]),
    pitchOf(brief),
    heading(2, [text('Users')]),
    heading(3, [text('Primary Customers')]),
    listOr(
      brief.users.map((line) => boldLead(splitLine(line), line)),
      notYet(),
    ),
    heading(3, [text('User Personas')]),
    ...personas(brief.users),
    heading(2, [text('The Problem')]),
    problem === '' ? notYet() : raw(problem),
    heading(2, [text('Differentiators')]),
    listOr(
      brief.differentiators.map((line) => boldLead(splitLine(line), line)),
      paragraph([emphasis([text('None listed yet.')])]),
    ),
    heading(2, [text('Key Features')]),
    heading(3, [text('Core Features')]),
    listOr(
      brief.features.map((f) =>
        f.description === ''
          ? [strong([raw(escapeMarkdown(f.title))])]
          : [strong([raw(escapeMarkdown(f.title)), text(':')]), text(' '), raw(f.description)],
      ),
      notYet(),
    ),
  ]);
  return writeMarkdown(tree, MISSION_WRITER);
}
