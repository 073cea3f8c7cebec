import type { List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import { paragraph, strong, text } from '../markdown/build-mdast.js';

/** Nodes both tasks.md renderers (the deterministic one and the model's) build their task lists from. */

/** A task item, `- [ ] 1.2 …`, with the items under it. */
export function taskItem(children: PhrasingContent[], under: ListItem[] = []): ListItem {
  const sub: List[] = under.length > 0 ? [tightList(under)] : [];
  return { type: 'listItem', checked: false, spread: false, children: [paragraph(children), ...sub] };
}

/** A plain item of one line, `- Run only the 2-8 tests written in 1.1`. */
export function lineItem(children: PhrasingContent[]): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(children)] };
}

/** A tight list of the items given. */
export function tightList(items: ListItem[]): List {
  return { type: 'list', ordered: false, spread: false, children: items };
}

/** A bold label paragraph: `**Acceptance Criteria:**`. */
export function label(value: string): Paragraph {
  return paragraph([strong([text(value)])]);
}

/** `Specific Requirement 3` or `Specific Requirements 1, 4`. */
export function whichRequirements(numbers: readonly number[]): string {
  return numbers.length === 1
    ? `Specific Requirement ${numbers[0] ?? ''}`
    : `Specific Requirements ${numbers.join(', ')}`;
}

/** `**Dependencies:** Task Group 1`. */
export function dependencies(value: string): Paragraph {
  return paragraph([strong([text('Dependencies:')]), text(` ${value}`)]);
}
