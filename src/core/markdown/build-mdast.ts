import type {
  BlockContent,
  Emphasis,
  Heading,
  Html,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Text,
} from 'mdast';

/** Small builders for the markdown trees our renderers write (see write-markdown.ts); plain data, no parsing. */

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}

export function heading(depth: Heading['depth'], children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

export function code(value: string): InlineCode {
  return { type: 'inlineCode', value };
}

export function strong(children: PhrasingContent[]): Strong {
  return { type: 'strong', children };
}

export function emphasis(children: PhrasingContent[]): Emphasis {
  return { type: 'emphasis', children };
}

export function link(url: string, children: PhrasingContent[]): Link {
  return { type: 'link', url, children };
}

/** Text written exactly as given: people's own markdown, or text already escaped (escapeMarkdown). */
export function raw(value: string): Html {
  return { type: 'html', value };
}

/** A tight bullet list (no blank lines between items), each item one paragraph (or the blocks given). */
export function bulletList(items: Array<PhrasingContent[] | BlockContent[]>): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((children) => listItem(children)) };
}

function listItem(children: PhrasingContent[] | BlockContent[]): ListItem {
  const blocks = children.every(
    (c) => c.type === 'paragraph' || c.type === 'list' || c.type === 'code' || c.type === 'blockquote',
  )
    ? (children as BlockContent[])
    : [paragraph(children as PhrasingContent[])];
  return { type: 'listItem', spread: false, children: blocks };
}

/** `code` runs joined by `, ` (file names, paths). */
export function codeList(values: readonly string[]): PhrasingContent[] {
  return values.flatMap((value, i) => (i === 0 ? [code(value)] : [text(', '), code(value)]));
}

/** One entry of a list given flat: its depth (0 top level) and what the item holds. */
export interface FlatItem {
  depth: number;
  children: BlockContent[];
}

/**
 * A tight list nested by depth from entries given flat, as `- a` / `  - b` lines read back: an entry deeper than
 * the one before is a sub-item of it (a jump of several levels nests one level, as markdown reads it too).
 */
export function nestedList(entries: readonly FlatItem[]): List {
  const top: List = { type: 'list', ordered: false, spread: false, children: [] };
  const open: ListItem[] = [];
  for (const entry of entries) {
    const depth = Math.min(Math.max(entry.depth, 0), open.length);
    open.length = depth;
    const item: ListItem = { type: 'listItem', spread: false, children: [...entry.children] };
    const parent = open[depth - 1];
    const last = parent?.children[parent.children.length - 1];
    if (parent === undefined) top.children.push(item);
    else if (last?.type === 'list') last.children.push(item);
    else parent.children.push({ type: 'list', ordered: false, spread: false, children: [item] });
    open.push(item);
  }
  return top;
}
