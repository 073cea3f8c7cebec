import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseSpec
} from "./chunk-4JXO3V7L.js";
import {
  parseMarkdown,
  toString
} from "./chunk-TT3HGKZC.js";
import "./chunk-QIJ5KXJY.js";
import "./chunk-TB6QAKHI.js";

// src/core/spec/trace-requirements.ts
var REFERENCE = /\brequirements?\b[\s:_*]*((?:#?\d+(?:\.\d+)*)(?:\s*(?:,|;|&|and|\/)\s*#?\d+(?:\.\d+)*)*)/gi;
function taskTexts(markdown) {
  const texts = [];
  const stack = [parseMarkdown(markdown)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "code" || node.type === "html") continue;
    if (node.type === "listItem" && isTask(node)) texts.push(paragraphsOf(node).join("\n"));
    if ("children" in node) stack.push(...node.children);
  }
  return texts;
}
function paragraphsOf(root) {
  const out = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "code" || node.type === "html") continue;
    if (node.type === "paragraph" || node.type === "heading") out.push(toString(node));
    else if ("children" in node)
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]);
  }
  return out;
}
function isTask(item) {
  if (typeof item.checked === "boolean") return true;
  const first = item.children[0];
  return first?.type === "paragraph" && /^\[[ xX~-]\]/.test(toString(first));
}
function referencedRequirements(tasksMarkdown) {
  const numbers = /* @__PURE__ */ new Set();
  for (const text of taskTexts(tasksMarkdown)) {
    for (const match of text.matchAll(REFERENCE)) {
      for (const id of (match[1] ?? "").split(/\s*(?:,|;|&|and|\/)\s*/)) {
        const n = Number(id.replace("#", "").split(".")[0]);
        if (Number.isInteger(n) && n > 0) numbers.add(n);
      }
    }
  }
  return numbers;
}
function traceRequirements(specMarkdown, tasksMarkdown) {
  const spec = parseSpec(specMarkdown);
  const named = referencedRequirements(tasksMarkdown);
  return {
    requirements: spec.requirements.length,
    untraced: spec.requirements.filter((r) => !named.has(r.number)).map((r) => ({ number: r.number, name: r.name, line: r.line }))
  };
}
export {
  referencedRequirements,
  traceRequirements
};
