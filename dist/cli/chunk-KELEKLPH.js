import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseMarkdown,
  toString
} from "./chunk-TT3HGKZC.js";

// src/core/issue/split-issue-file.ts
function splitIssueFile(markdown) {
  const source = markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const first = parseMarkdown(source).children.find((node) => node.type !== "yaml" && node.type !== "toml");
  if (first?.type !== "heading" || first.depth !== 1) return { title: void 0, body: source };
  const end = first.position?.end.offset ?? 0;
  return { title: toString(first).trim(), body: source.slice(end).replace(/^\n+/, "") };
}

export {
  splitIssueFile
};
