/**
 * The outputs an Action step wrote to its `GITHUB_OUTPUT` file, in either of GitHub's forms: `name=value` for a
 * value of one line, `name<<DELIMITER`, the value's lines, `DELIMITER` for any value. A line of neither form is an
 * error, as it fails the step on GitHub.
 */
export function parseActionOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const delimited = /^([\w-]+)<<(\S+)$/.exec(line);
    if (delimited !== null) {
      const end = lines.indexOf(delimited[2] ?? '', i + 1);
      if (end < 0)
        throw new Error(
          `GITHUB_OUTPUT: the value of ${delimited[1] ?? ''} (line ${i + 1}) never ends with its delimiter`,
        );
      outputs[delimited[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const single = /^([\w-]+)=(.*)$/.exec(line);
    if (single === null)
      throw new Error(`GITHUB_OUTPUT line ${i + 1} is neither name=value nor name<<DELIMITER: ${line}`);
    outputs[single[1] ?? ''] = single[2] ?? '';
  }
  return outputs;
}
