import type { Image } from 'mdast';
import type { ParsedIssue } from '../issue/parse-issue.js';
import { code, link, paragraph, text, type FlatItem } from '../markdown/build-mdast.js';
import { findCodePaths } from './find-code-paths.js';
import type { RecordedNote, ShapingState } from './shaping-state.js';

/** What requirements.md carries from the answers and notes beyond the discussion itself: code paths and visuals. */

/** The notes of the replies, in the order they came. */
export function answerNotes(state: ShapingState): RecordedNote[] {
  return Object.entries(state.notes ?? {})
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, note]) => note);
}

/** The answers' question about a topic, answered. */
function answerTo(state: ShapingState, topic: string) {
  const q = state.questions.find((x) => x.topic === topic);
  return q === undefined ? undefined : state.answers[String(q.number)];
}

/** Images attached to answers and notes. */
export function answerImages(state: ShapingState): string[] {
  return [...Object.values(state.answers).flatMap((a) => a.images), ...answerNotes(state).flatMap((n) => n.images)];
}

/** Code paths named by the answer to the reuse question and by notes, each saying where it came from. */
export function codePathItems(state: ShapingState): FlatItem[] {
  const reuse = answerTo(state, 'reuse');
  const item = (path: string, from: string): FlatItem => ({
    depth: 0,
    children: [paragraph([code(path), text(` (from ${from})`)])],
  });
  return [
    ...(reuse ? findCodePaths(reuse.text).map((p) => item(p, 'the answer to the reuse question')) : []),
    ...answerNotes(state).flatMap((n) => findCodePaths(n.text).map((p) => item(p, `@${n.author}'s notes`))),
  ];
}

const image = (url: string, alt: string): Image => ({ type: 'image', url, alt });

/** The issue's images, the answers' images, and the other links of the visuals answer and notes. */
export function visualFiles(issue: ParsedIssue, state: ShapingState, images: readonly string[]): FlatItem[] {
  const links = [...(answerTo(state, 'visuals')?.links ?? []), ...answerNotes(state).flatMap((n) => n.links)];
  const item = (node: Image | ReturnType<typeof link>, from: string): FlatItem => ({
    depth: 0,
    children: [paragraph([node, text(` (from ${from})`)])],
  });
  return [
    ...issue.images.map((i) => item(image(i.url, i.alt), 'the issue')),
    ...images.map((url) => item(image(url, ''), 'the answers')),
    ...[...new Set(links)]
      .filter((url) => !images.includes(url))
      .map((url) => item(link(url, [text(url)]), 'the answers')),
  ];
}
