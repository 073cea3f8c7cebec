import { readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The shell commands of the first code block after the heading `heading` in a markdown file, each with its
 * backslash-continued lines joined, so a test runs what the docs tell a person to type.
 */
export function documentedCommands(file: string, heading: string): string[] {
  const tree = unified().use(remarkParse).parse(readFileSync(file, 'utf8'));
  const start = tree.children.findIndex((node) => node.type === 'heading' && toString(node) === heading);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const block = tree.children.slice(start + 1).find((node): node is Code => node.type === 'code');
  if (!block) throw new Error(`${file} has no code block after "${heading}"`);
  const commands: string[] = [];
  let pending = '';
  for (const line of block.value.split('\n')) {
    const continued = line.endsWith('\\');
    pending += continued ? `${line.slice(0, -1)} ` : line;
    if (continued) continue;
    const command = pending.replace(/\s+#.*$/, '').trim();
    if (command !== '' && !command.startsWith('#')) commands.push(command);
    pending = '';
  }
  return commands;
}
