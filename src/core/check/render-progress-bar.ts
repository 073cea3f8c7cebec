import type { PhrasingContent } from 'mdast';
import { code, text } from '../markdown/build-mdast.js';
import { writeInline } from '../markdown/write-markdown.js';

const CELLS = 10;

/** The bar as inline nodes: a ten-cell `code` run and the percentage, or an empty bar and `–` when nothing counts. */
export function progressBarNodes(complete: number, total: number): PhrasingContent[] {
  if (total === 0) return [code('─'.repeat(CELLS)), text(' –')];
  const ratio = complete / total;
  const filled = Math.floor(ratio * CELLS);
  const percent = Math.floor(ratio * 100);
  return [code(`${'█'.repeat(filled)}${'░'.repeat(CELLS - filled)}`), text(` ${percent}%`)];
}

/** A ten-cell bar and percentage a person takes in at a glance: `███████░░░ 70%`. Never shows 100% early. */
export function renderProgressBar(complete: number, total: number): string {
  return writeInline(progressBarNodes(complete, total));
}
