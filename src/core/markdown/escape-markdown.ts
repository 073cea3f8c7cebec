/** Escape text so markdown shows it literally (also safe inside a table cell). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}
