/**
 * The characters markdown-it's `text` inline rule stops at (its `isTerminatorChar`, markdown-it 14): every other
 * inline rule starts only at one of them, so a text without any is plain text to the inline pass.
 */
function isTerminatorChar(code: number): boolean {
  switch (code) {
    case 0x0a /* \n */:
    case 0x21 /* ! */:
    case 0x23 /* # */:
    case 0x24 /* $ */:
    case 0x25 /* % */:
    case 0x26 /* & */:
    case 0x2a /* * */:
    case 0x2b /* + */:
    case 0x2d /* - */:
    case 0x3a /* : */:
    case 0x3c /* < */:
    case 0x3d /* = */:
    case 0x3e /* > */:
    case 0x40 /* @ */:
    case 0x5b /* [ */:
    case 0x5c /* \ */:
    case 0x5d /* ] */:
    case 0x5e /* ^ */:
    case 0x5f /* _ */:
    case 0x60 /* ` */:
    case 0x7b /* { */:
    case 0x7d /* } */:
    case 0x7e /* ~ */:
      return true;
    default:
      return false;
  }
}

/**
 * Whether markdown-it's inline pass reads `content` as one text token holding all of it: no character its inline
 * rules act on, save a task box that opens it (`[`, a character that is none of them, `]`) when nothing can make
 * that box a link (no `(` right after it, and no link reference definition in the document).
 */
export function plainTextFrom(content: string, noDefinitions: boolean): boolean {
  let from = 0;
  if (
    noDefinitions &&
    content.charCodeAt(0) === 0x5b &&
    content.charCodeAt(2) === 0x5d &&
    content.length > 1 &&
    !isTerminatorChar(content.charCodeAt(1)) &&
    content.charCodeAt(3) !== 0x28 /* ( */
  ) {
    from = 3;
  }
  for (let i = from; i < content.length; i += 1) if (isTerminatorChar(content.charCodeAt(i))) return false;
  return true;
}
