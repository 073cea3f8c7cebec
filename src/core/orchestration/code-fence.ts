/** `text` in a fenced code block whose fence is longer than any run of backticks inside it. */
export function codeFence(text: string, info = ''): string {
  let longest = 2;
  let run = 0;
  for (const char of text) {
    run = char === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\n+$/, '')}\n${fence}`;
}
