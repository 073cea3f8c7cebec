import type { Blockquote, List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { bulletList, code, emphasis, heading, paragraph, root, strong, text } from '../markdown/build-mdast.js';
import { EFFORT_SCALE, EFFORTS, estimateEffort, type Effort } from '../product/estimate-effort.js';
import { markFile } from '../spec/file-marker.js';
import { normaliseId, type ProductCheck } from './check-product-draft.js';
import type { ProductDraft } from './product-draft-schema.js';
import type { ProductGrounding } from './product-grounding.js';
import type { ModelSpecMarker } from './render-model-spec.js';
import { boldName, modelLine, proposedHeading, starless, writeModelMarkdown } from './model-markdown.js';
import { joined, pathSpans, shortText, withSourceList } from './render-sources.js';

interface Sourced {
  from?: string[];
  files?: string[];
}

const KIND_NAMES = {
  pitch: 'the pitch',
  problem: 'the problem',
  user: 'user segment',
  differentiator: 'differentiator',
  feature: 'key feature',
} as const;

/** `key feature “Calendar sync”; issue line 4; \`src/app\`` — where an item comes from, as people read it. */
function sourceList(item: Sourced, grounding: ProductGrounding): PhrasingContent[][] {
  const byId = new Map(grounding.floor.map((f) => [f.id, f]));
  const names = [...new Set((item.from ?? []).map(normaliseId))].map((id): PhrasingContent[] => {
    const floor = byId.get(id);
    if (floor === undefined) return [text(`issue line ${id.slice(1)}`)];
    return floor.kind === 'pitch' || floor.kind === 'problem'
      ? [text(KIND_NAMES[floor.kind])]
      : [text(`${KIND_NAMES[floor.kind]} “`), modelLine(shortText(floor.text, 40)), text('”')];
  });
  return [...names, ...pathSpans(item.files ?? []).map((span) => [span])];
}

function withSources(text: string, item: Sourced, grounding: ProductGrounding): PhrasingContent[] {
  return withSourceList(text, sourceList(item, grounding));
}

function effortOf(item: ProductDraft['roadmap'][number]): Effort {
  const said = item.effort.trim().toUpperCase();
  return (EFFORTS as readonly string[]).includes(said)
    ? (said as Effort)
    : estimateEffort({ title: item.title, description: item.description });
}

/** A roadmap line as roadmap.md's reader and the roadmap matcher read it: `N. [ ] Title — description \`M\``. */
function roadmapLine(item: ProductDraft['roadmap'][number], grounding: ProductGrounding): PhrasingContent[] {
  return [
    starless(item.title),
    text(' — '),
    ...withSources(item.description, item, grounding),
    text(' '),
    code(effortOf(item)),
  ];
}

const split = <T>(items: readonly T[], proposed: readonly number[]): Split<T> => ({
  kept: items.filter((_i, n) => !proposed.includes(n)),
  proposed: items.filter((_i, n) => proposed.includes(n)),
});

/** A section's items: those kept in their list, those moved under "Proposed". */
interface Split<T> {
  kept: T[];
  proposed: T[];
}

/** An item led by a bold name: `**Name**: text`. */
const named = (name: string, rest: PhrasingContent[]): PhrasingContent[] => [boldName(name), text(': '), ...rest];

/** A list of the items given, or `empty` when there are none. */
const listOr = (items: PhrasingContent[][], empty: RootContent): RootContent =>
  items.length > 0 ? bulletList(items) : empty;

/** A placeholder paragraph in italics. */
const placeholder = (value: string): Paragraph => paragraph([emphasis([text(value)])]);

/**
 * The personas, each a bold name then its context, pain points and goals (no blank line between the two: the name
 * is added to `tight`), a blank line between two personas.
 */
function personas(draft: ProductDraft, grounding: ProductGrounding, tight: Set<Nodes>): RootContent[] {
  const labelled = (label: string, rest: PhrasingContent[]) => [strong([text(label)]), text(' '), ...rest];
  return draft.personas.flatMap((p) => {
    const name = paragraph([boldName(p.name)]);
    tight.add(name);
    const details = [
      labelled('Context:', withSources(p.context, p, grounding)),
      ...(p.pain_points.length > 0 ? [labelled('Pain Points:', joined(p.pain_points.map((x) => [modelLine(x)])))] : []),
      ...(p.goals.length > 0 ? [labelled('Goals:', joined(p.goals.map((x) => [modelLine(x)])))] : []),
    ];
    return [name, bulletList(details)];
  });
}

/** The Users section: primary customers and personas, or what is missing. */
function usersSection(draft: ProductDraft, grounding: ProductGrounding, tight: Set<Nodes>): RootContent[] {
  const people = personas(draft, grounding, tight);
  return [
    heading(2, [text('Users')]),
    heading(3, [text('Primary Customers')]),
    listOr(
      draft.customers.map((c) => named(c.name, withSources(c.description, c, grounding))),
      placeholder('Not described yet.'),
    ),
    heading(3, [text('User Personas')]),
    ...(people.length > 0
      ? people
      : [placeholder('No personas described yet: add one per kind of user (role, context, pain points, goals).')]),
  ];
}

/** mission.md's text: pitch, users, problem, differentiators and features, then the proposed ones. */
function mission(
  draft: ProductDraft,
  grounding: ProductGrounding,
  differentiators: Split<ProductDraft['differentiators'][number]>,
  features: Split<ProductDraft['features'][number]>,
): string {
  const tight = new Set<Nodes>();
  const proposed = [
    ...differentiators.proposed.map((d) => [boldName(d.name), text(' (differentiator): '), modelLine(d.text)]),
    ...features.proposed.map((f) => named(f.title, [modelLine(f.description)])),
  ];
  const tree = root([
    heading(1, [text('Product Mission')]),
    heading(2, [text('Pitch')]),
    paragraph(withSources(draft.pitch.text, draft.pitch, grounding)),
    ...usersSection(draft, grounding, tight),
    heading(2, [text('The Problem')]),
    paragraph(withSources(draft.problem.text, draft.problem, grounding)),
    heading(2, [text('Differentiators')]),
    listOr(
      differentiators.kept.map((d) => named(d.name, withSources(d.text, d, grounding))),
      placeholder('None listed yet.'),
    ),
    heading(2, [text('Key Features')]),
    heading(3, [text('Core Features')]),
    ...(features.kept.length > 0
      ? [bulletList(features.kept.map((f) => named(f.title, withSources(f.description, f, grounding))))]
      : []),
    ...(proposed.length > 0
      ? [
          ...proposedHeading(
            'Suggested by the model with no source in the product description: optional until someone moves them above.',
          ),
          bulletList(proposed),
        ]
      : []),
  ]);
  return writeModelMarkdown(tree, tight);
}

/** roadmap.md's "Notes": a quote whose first line is its title, its list right under it. */
function roadmapNotes(tight: Set<Nodes>): Blockquote {
  const scale = EFFORTS.flatMap((effort, i): PhrasingContent[] => [
    ...(i > 0 ? [text(', ')] : []),
    code(effort),
    text(` ${EFFORT_SCALE[effort]}`),
  ]);
  const title = paragraph([text('Notes')]);
  tight.add(title);
  return {
    type: 'blockquote',
    children: [
      title,
      bulletList([
        [
          text(
            'Ordered by technical dependencies and product architecture (drafted by the model: adjust the order as you see fit)',
          ),
        ],
        [text('Each item should represent an end-to-end (frontend + backend) functional and testable feature')],
        [text('Effort scale: '), ...scale],
      ]),
    ],
  };
}

/** roadmap.md's text: the numbered roadmap items, the notes, then the proposed ones as plain bullets. */
function roadmap(grounding: ProductGrounding, items: Split<ProductDraft['roadmap'][number]>): string {
  const tight = new Set<Nodes>();
  const numbered: List = {
    type: 'list',
    ordered: true,
    start: 1,
    spread: false,
    children: items.kept.map((item) => ({
      type: 'listItem',
      checked: false,
      spread: false,
      children: [paragraph(roadmapLine(item, grounding))],
    })),
  };
  const tree = root([
    heading(1, [text('Product Roadmap')]),
    ...(items.kept.length > 0 ? [numbered] : []),
    roadmapNotes(tight),
    ...(items.proposed.length > 0
      ? [
          ...proposedHeading(
            'Suggested by the model with no source in the product description: not roadmap items until someone moves them into the list above.',
          ),
          bulletList(items.proposed.map((item) => roadmapLine(item, grounding))),
        ]
      : []),
  ]);
  return writeModelMarkdown(tree, tight);
}

/**
 * mission.md and roadmap.md from a model's product plan that passed the check, in the layout the deterministic
 * drafter writes (so the roadmap matcher and the merge that ticks an item read them the same way). Every item shows
 * its sources; features, roadmap items and differentiators citing nothing go under "Proposed", outside the lists
 * people plan from (proposed roadmap items are plain bullets, never roadmap items a spec is matched to).
 */
export function renderModelProduct(input: {
  draft: ProductDraft;
  check: ProductCheck;
  grounding: ProductGrounding;
  marker: ModelSpecMarker;
}): { mission: string; roadmap: string } {
  const { draft, check, grounding } = input;
  const features = split(draft.features, check.proposed.features);
  const differentiators = split(draft.differentiators, check.proposed.differentiators);
  const items = split(draft.roadmap, check.proposed.roadmap);
  return {
    mission: markFile('mission', mission(draft, grounding, differentiators, features), input.marker),
    roadmap: markFile('roadmap', roadmap(grounding, items), input.marker),
  };
}
