import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { emphasis, nestedList, paragraph, raw, strong, text, type FlatItem } from '../markdown/build-mdast.js';
import type { Bullet, DiscussionEntry } from './parse-requirements.js';

/** The list items spec.md is made of: bullets carried over from requirements.md, answers, decisions. */

/** A bullet of requirements.md as it was written, with its code blocks and tables under it. */
export function bulletItem(bullet: Pick<Bullet, 'text' | 'depth' | 'blocks'>): FlatItem {
  const blocks: BlockContent[] = (bullet.blocks ?? []).map((b) => raw(b));
  return { depth: bullet.depth, children: [paragraph([raw(bullet.text)]), ...blocks] };
}

export function bulletItems(bullets: readonly Bullet[]): FlatItem[] {
  return bullets.map(bulletItem);
}

/** A list of these items, or nothing when there are none. */
export function listOf(items: readonly FlatItem[]): RootContent[] {
  return items.length > 0 ? [nestedList(items)] : [];
}

/** Text that starts like a block of its own (a list, a quote, code, a heading) cannot follow a label on its line. */
const BLOCK_START = /^([-*+>#|]|\d{1,3}[.)]|```|~~~)/;

/** A bullet holding an answer as written (several paragraphs, lists), with the question it answers. */
export function sourcedItem(answer: { text: string; question: number }, depth = 0): FlatItem {
  const block = answer.text.includes('\n') || BLOCK_START.test(answer.text);
  return block
    ? { depth, children: [paragraph([text(`From the answer to Q${answer.question}:`)]), raw(answer.text)] }
    : { depth, children: [paragraph([raw(answer.text), text(` (from the answer to Q${answer.question})`)])] };
}

/** `**Qn.** question` then `**Answer:** …`: the answer on the next line, or after the label as blocks of its own. */
export function decisionItem(entry: DiscussionEntry): FlatItem {
  const label: PhrasingContent[] =
    entry.followUpOn === undefined
      ? [strong([text(`Q${entry.number}.`)])]
      : [strong([text(`Q${entry.number}`)]), text(` (follow-up on Q${entry.followUpOn}).`)];
  const asked = [...label, text(' '), raw(entry.question)];
  const answerLabel = strong([text('Answer:')]);
  if (entry.defaulted) {
    const answer = [emphasis([text('Default accepted:')]), text(' '), raw(entry.answer)];
    return { depth: 0, children: [paragraph([...asked, text('\n'), answerLabel, text(' '), ...answer])] };
  }
  if (/^(\s{4}|[-*+>#|]|\d{1,3}[.)]|```|~~~|<)/.test(entry.answer))
    return { depth: 0, children: [paragraph(asked), paragraph([answerLabel]), raw(entry.answer)] };
  return { depth: 0, children: [paragraph([...asked, text('\n'), answerLabel, text(' '), raw(entry.answer)])] };
}

/** What a reply said beyond its answers, as written, with who said it. */
export function noteItem(note: { author: string; text: string }): FlatItem {
  return { depth: 0, children: [paragraph([text(`From @${note.author}:`)]), raw(note.text)] };
}

/** A bold line introducing what follows (`**Acceptance criteria**`). */
export function boldLine(value: string): RootContent {
  return paragraph([strong([text(value)])]);
}
