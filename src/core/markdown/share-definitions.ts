import type { Definition, Nodes } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

/**
 * Link reference definitions (`[label]: url`) reach across a whole document: `[label]` anywhere is a link when the
 * label is defined anywhere. micromark keeps the labels it has seen in `parser.defined` and reads them only when
 * it resolves links, after the blocks of the text are known. A piece of a document is parsed as the whole is
 * when its parser knows the labels the rest of the document defines: a construct that never matches puts them in
 * at the start of each piece.
 */
let seed: readonly string[] | undefined;

const seeded = new WeakSet<object>();

const seedDefinitions: Construct = {
  name: 'agentOsSeedDefinitions',
  tokenize(this: TokenizeContext, _effects, _ok, nok) {
    const { parser } = this;
    if (seed && !seeded.has(parser)) {
      seeded.add(parser);
      for (const identifier of seed) parser.defined.push(identifier);
    }
    return nok;
  },
};

/** A unified plugin: every parse knows the labels of `withDefinitions`. */
export function shareDefinitions(this: Processor): undefined {
  const data = this.data();
  const extension: Extension = { document: { null: [seedDefinitions] } };
  (data.micromarkExtensions ??= []).push(extension);
  return undefined;
}

/** Run `parse` with every parse knowing `identifiers` as defined. */
export function withDefinitions<T>(identifiers: readonly string[], parse: () => T): T {
  const previous = seed;
  seed = identifiers;
  try {
    return parse();
  } finally {
    seed = previous;
  }
}

/**
 * The label of a definition node as micromark normalises it (from the source, escapes and all), or undefined when
 * it cannot be read back from one line of the source (a label across lines).
 */
export function definedIdentifier(source: string, node: Definition): string | undefined {
  const start = node.position?.start.offset;
  if (start === undefined || source[start] !== '[') return undefined;
  for (let i = start + 1; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (char === '\n' || char === '\r') return undefined;
    else if (char === ']') return normalizeIdentifier(source.slice(start + 1, i));
  }
  return undefined;
}

/** Definition nodes anywhere under `node` (definitions may sit in block quotes and list items). */
export function collectDefinitions(node: Nodes, into: Definition[]): void {
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.type === 'definition') into.push(next);
    else if ('children' in next)
      for (let i = next.children.length - 1; i >= 0; i -= 1) stack.push(next.children[i] as Nodes);
  }
}
