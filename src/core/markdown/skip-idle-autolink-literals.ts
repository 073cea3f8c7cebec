import type { Nodes } from 'mdast';
import type { Data, Processor } from 'unified';

type FromMarkdownExtensions = NonNullable<Data['fromMarkdownExtensions']>;
type FromMarkdownExtension = Exclude<FromMarkdownExtensions[number], readonly unknown[]>;
type Transform = NonNullable<FromMarkdownExtension['transforms']>[number];

/**
 * GFM's literal autolinks (`www.x.com`, `https://…`, `a@b.co`) that the tokenizer cannot see (after an escape or a
 * character reference, after a dot) are found after parsing, by a transform that walks the tree once per kind of
 * link (four walks, a fifth of all parsing time) matching a regular expression against every text node. Each of
 * those expressions needs `http://`, `https://` or `www.` (any case), or an `@`, in one text node: a tree without
 * any is left as it is, so one quick look at the text nodes replaces the walks.
 */
export function skipIdleAutolinkLiterals(this: Processor): undefined {
  const data = this.data();
  if (data.fromMarkdownExtensions) data.fromMarkdownExtensions = data.fromMarkdownExtensions.map(guardAutolinkLiterals);
  return undefined;
}

function guardAutolinkLiterals<T extends FromMarkdownExtensions[number]>(extension: T): T;
function guardAutolinkLiterals(extension: FromMarkdownExtensions[number]): FromMarkdownExtensions[number] {
  if (Array.isArray(extension)) return extension.map(guardAutolinkLiterals);
  // The literal autolink extension: the only one that enters `literalAutolink` tokens.
  const { enter, transforms } = extension;
  if (!enter || !Object.hasOwn(enter, 'literalAutolink') || !transforms) return extension;
  const guarded = transforms.map(
    (transform): Transform =>
      (tree) =>
        mayHoldAutolinkLiteral(tree) ? transform(tree) : undefined,
  );
  return { ...extension, transforms: guarded };
}

/** Same start as the transform's own expression for URLs (and its flags): a text that fails it has none. */
const URL_START = /(?:https?:\/\/|www(?=\.))/i;

/** Whether some text node holds what a literal autolink starts with. */
function mayHoldAutolinkLiteral(node: Nodes): boolean {
  if (node.type === 'text') return node.value.includes('@') || URL_START.test(node.value);
  if ('children' in node) for (const child of node.children) if (mayHoldAutolinkLiteral(child)) return true;
  return false;
}
