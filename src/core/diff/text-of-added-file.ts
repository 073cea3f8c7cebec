/**
 * The whole text of a file a pull request adds, from the `patch` GitHub lists with it: an added file's diff is one
 * hunk (`@@ -0,0 +1,N @@`) whose N lines all start with `+`, with `\ No newline at end of file` after the last one
 * when the file does not end in a line break. Anything else (a modified file, a cut or missing patch, a count that
 * does not add up) gives undefined, and the caller reads the file instead. The caller still compares the text's
 * blob SHA with the one GitHub lists before trusting it.
 */
export function textOfAddedFile(patch: string): string | undefined {
  const lines = patch.split('\n');
  const header = /^@@ -0,0 \+1(?:,(\d+))? @@/.exec(lines[0] ?? '');
  if (header === null) return undefined;
  const count = header[1] === undefined ? 1 : Number(header[1]);
  let body = lines.slice(1);
  const noFinalNewline = body.at(-1) === '\\ No newline at end of file';
  if (noFinalNewline) body = body.slice(0, -1);
  if (body.at(-1) === '') body = body.slice(0, -1);
  if (count === 0 || body.length !== count || !body.every((line) => line.startsWith('+'))) return undefined;
  const text = body.map((line) => line.slice(1)).join('\n');
  return noFinalNewline ? text : `${text}\n`;
}
