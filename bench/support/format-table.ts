/** Rows of plain values as an aligned text table: a header, a rule, then one line per row; numbers right-aligned. */
export function formatTable(rows: ReadonlyArray<Record<string, string | number>>, indent = '   '): string {
  const first = rows[0];
  if (first === undefined) return `${indent}(none)`;
  const columns = Object.keys(first);
  const cell = (row: Record<string, string | number>, column: string) => String(row[column] ?? '');
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (values: string[], numeric: boolean[]) =>
    indent +
    values
      .map((v, i) => (numeric[i] === true ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || cell(r, c) === ''));
  return [
    line(columns, numeric),
    line(
      widths.map((w) => '─'.repeat(w)),
      [],
    ),
    ...rows.map((r) =>
      line(
        columns.map((c) => cell(r, c)),
        numeric,
      ),
    ),
  ].join('\n');
}
