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
