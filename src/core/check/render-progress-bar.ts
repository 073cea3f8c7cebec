const CELLS = 10;

/** A ten-cell bar and percentage a person takes in at a glance: `███████░░░ 70%`. Never shows 100% early. */
export function renderProgressBar(complete: number, total: number): string {
  if (total === 0) return '`──────────` –';
  const ratio = complete / total;
  const filled = Math.floor(ratio * CELLS);
  const percent = Math.floor(ratio * 100);
  return `\`${'█'.repeat(filled)}${'░'.repeat(CELLS - filled)}\` ${percent}%`;
}
