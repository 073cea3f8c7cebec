// The demo's transcript is read in terminals and pasted into issues: no line is wider than WIDTH columns.

/** The transcript's width: every line fits 100 columns. */
export const WIDTH = 100;

/** A long line broken at spaces, each piece under the first's prefix (indent, and a quote bar if any). */
export function wrap(line: string, width = WIDTH): string[] {
  if (line.length <= width) return [line];
  const prefix = /^\s*(?:[│┆▶⇒⇢✓✗·]\s+)?/.exec(line)?.[0] ?? '';
  const indent = /[│┆]/.test(prefix) ? prefix : ' '.repeat(prefix.length);
  const out: string[] = [];
  let head = prefix;
  let body = '';
  const flush = () => {
    out.push(`${head}${body}`);
    head = indent;
    body = '';
  };
  for (const whole of line.slice(prefix.length).split(' ')) {
    let word = whole;
    // A word longer than a line (a long link) is cut where the line ends.
    while (word.length > width - indent.length) {
      if (body !== '') flush();
      const cut = width - head.length;
      body = word.slice(0, cut);
      flush();
      word = word.slice(cut);
    }
    const next = body === '' ? word : `${body} ${word}`;
    if (head.length + next.length > width) {
      flush();
      body = word;
    } else {
      body = next;
    }
  }
  if (body !== '') out.push(`${head}${body}`);
  return out;
}
