/**
 * A short fingerprint of a text (two FNV-1a 32-bit hashes with different seeds, as 16 hex digits): tells whether
 * a file still holds what the App wrote. Not a security measure: anyone who can push can rewrite it too.
 */
// Read once: a global looked up inside the loop costs a slow lookup per character in a vm context (Jest's).
const imul = Math.imul;

export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = imul(a ^ code, 0x01000193);
    b = imul(b ^ code, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
