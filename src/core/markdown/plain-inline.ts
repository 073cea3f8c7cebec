/**
 * The characters at which one of the inline rules this project's markdown-it runs can start (CommonMark preset plus
 * `~~` strikethrough; no linkify, no typographer): `\n` (newline: soft and hard breaks, trailing spaces), `\`
 * (escape), `` ` `` (backticks), `~` (strikethrough), `*` and `_` (emphasis), `[` (link), `!` (image), `<`
 * (autolink, raw HTML), `&` (entity). `]`, `>` and `|` are kept as well (no rule starts at them; kept on the brief's
 * safe side, as they are rare in task text).
 *
 * markdown-it's `text` rule stops at more characters (`isTerminatorChar` in rules_inline/text.mjs, markdown-it 14,
 * also lists `# $ % + - : = @ ^ { }`, for typographer, linkify and plugins): where it stops and no rule matches, the
 * character is added to the pending text, so a content without any character below still becomes one text token
 * holding all of it. GFM's literal autolinks (`://`, `www.`, `@`) are judged afterwards on that text token
 * (`unsureInline`), as on the inline pass's.
 */
export const INLINE_SYNTAX_START = '\n!&*<>[\\]_`|~';

/** `INLINE_SYNTAX_START` as a table by character code (all are ASCII). */
const STARTS_SYNTAX = new Uint8Array(128);
for (let i = 0; i < INLINE_SYNTAX_START.length; i += 1) STARTS_SYNTAX[INLINE_SYNTAX_START.charCodeAt(i)] = 1;

/** Whether an inline rule may start at the character `code` (see `INLINE_SYNTAX_START`). */
function startsSyntax(code: number): boolean {
  return code < 128 && STARTS_SYNTAX[code] === 1;
}

/**
 * Whether markdown-it's inline pass reads `content` as one text token holding all of it: no character its inline
 * rules start at, save a task box that opens it (`[`, a character that is none of them, `]`) when nothing can make
 * that box a link (no `(` right after it, and no link reference definition in the document).
 */
export function plainTextFrom(content: string, noDefinitions: boolean): boolean {
  let from = 0;
  if (
    noDefinitions &&
    content.charCodeAt(0) === 0x5b &&
    content.charCodeAt(2) === 0x5d &&
    content.length > 1 &&
    !startsSyntax(content.charCodeAt(1)) &&
    content.charCodeAt(3) !== 0x28 /* ( */
  ) {
    from = 3;
  }
  for (let i = from; i < content.length; i += 1) if (startsSyntax(content.charCodeAt(i))) return false;
  return true;
}
