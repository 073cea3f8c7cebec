import type { List, ListItem } from 'mdast';
import type { Options } from 'mdast-util-to-markdown';
import { bulletList, code, heading, paragraph, raw, root, text } from '../markdown/build-mdast.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { MARKDOWN_WRITER, writeMarkdown } from '../markdown/write-markdown.js';
import { EFFORT_SCALE, EFFORTS, estimateEffort } from './estimate-effort.js';
import type { ProductBrief, ProductFeature } from './product-brief.js';

/** Text written as it is: escapeMarkdown's output for a title, a person's markdown for a description. */

/** One roadmap item: an open box, the title, the description as written, the effort as code. */
function roadmapItem(feature: ProductFeature): ListItem {
  const description = feature.description === '' ? [] : [text(' — '), raw(feature.description)];
  return {
    type: 'listItem',
    spread: false,
    checked: false,
    children: [
      paragraph([raw(escapeMarkdown(feature.title)), ...description, text(' '), code(estimateEffort(feature))]),
    ],
  };
}

function roadmapList(features: readonly ProductFeature[], start = 1): List {
  return { type: 'list', ordered: true, start, spread: false, children: features.map(roadmapItem) };
}

/** The roadmap's layout: the notes' label directly above their list, inside the quote. */
const ROADMAP_WRITER: Options = {
  ...MARKDOWN_WRITER,
  join: [
    (left, right, parent) =>
      parent.type === 'blockquote' && left.type === 'paragraph' && right.type === 'list' ? 0 : undefined,
  ],
};

/** One roadmap line: `1. [ ] Title — description \`S\``. */
export function renderRoadmapLine(number: number, feature: ProductFeature): string {
  return writeMarkdown(roadmapList([feature], number)).replace(/\n$/, '');
}

/**
 * roadmap.md in the Agent OS format: an ordered checklist, one end-to-end testable feature a line with its effort
 * (a first estimate, see `estimateEffort`), in the order the product description lists them, and Agent OS's notes.
 */
export function renderRoadmap(brief: ProductBrief): string {
  const scale = EFFORTS.flatMap((effort, i) => [
    ...(i === 0 ? [] : [text(', ')]),
    code(effort),
    text(` ${EFFORT_SCALE[effort]}`),
  ]);
  const tree = root([
    heading(1, [text('Product Roadmap')]),
    brief.features.length > 0
      ? roadmapList(brief.features)
      : paragraph([
          {
            type: 'emphasis',
            children: [
              text('No key features yet: add them as '),
              code('1. [ ] Feature — what it lets users do `S`'),
              text('.'),
            ],
          },
        ]),
    {
      type: 'blockquote',
      children: [
        paragraph([text('Notes')]),
        bulletList([
          [
            text(
              'Order items by technical dependencies and product architecture (they start in the order the product description lists them)',
            ),
          ],
          [text('Each item should represent an end-to-end (frontend + backend) functional and testable feature')],
          [text('Effort scale: '), ...scale],
          [
            text(
              'Efforts are first estimates from the length of each description and the kinds of work it names (integrations, billing, sync, permissions, search, …): adjust them',
            ),
          ],
        ]),
      ],
    },
  ]);
  return writeMarkdown(tree, ROADMAP_WRITER);
}
