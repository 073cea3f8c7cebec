import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  findUnclosedFences,
  gfmToMarkdown,
  parseMarkdown,
  toMarkdown,
  toString,
  visit
} from "./chunk-TT3HGKZC.js";

// src/core/markdown/fingerprint.ts
var imul = Math.imul;
function fingerprint(text2) {
  let a = 2166136261;
  let b = 84696351;
  for (let i = 0; i < text2.length; i += 1) {
    const code2 = text2.charCodeAt(i);
    a = imul(a ^ code2, 16777619);
    b = imul(b ^ code2, 16777619) ^ a >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

// src/core/spec/file-marker.ts
var PREFIX = "<!-- agent-os-github:";
function encode(value) {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function markFile(kind, content, data) {
  const body = content.endsWith("\n") ? content : `${content}
`;
  return `${body}
${PREFIX}${kind} ${encode({ ...data, fingerprint: fingerprint(body) })} -->
`;
}
function parseMarkedFile(kind, text2) {
  const normalised = text2.replace(/\r\n?/g, "\n");
  const at = normalised.lastIndexOf(`
${PREFIX}${kind} `);
  if (at < 0) return { marked: false };
  const lineEnd = normalised.indexOf("\n", at + 1);
  const line2 = (lineEnd < 0 ? normalised.slice(at + 1) : normalised.slice(at + 1, lineEnd)).trimEnd();
  const after = lineEnd < 0 ? "" : normalised.slice(lineEnd).trim();
  if (!line2.endsWith(" -->")) return { marked: false };
  let data;
  try {
    data = JSON.parse(line2.slice(PREFIX.length + kind.length + 1, -4));
  } catch {
    return { marked: false };
  }
  if (typeof data !== "object" || data === null) return { marked: false };
  const content = normalised.slice(0, at);
  const recorded = data.fingerprint;
  return { marked: true, data, intact: after === "" && recorded === fingerprint(content), content };
}

// src/core/markdown/source-slice.ts
function sliceOf(source, node) {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === void 0 || end === void 0 ? "" : source.slice(start, end);
}
function sliceOfRange(source, nodes) {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start === void 0 || end === void 0 ? "" : source.slice(start, end);
}
function oneLine(text2) {
  return text2.replace(/[ \t]*\r?\n[ \t>]*/g, " ").trim();
}
function dedentContinuation(text2, indent) {
  if (indent <= 0) return text2;
  const [first = "", ...rest] = text2.split("\n");
  const pattern = new RegExp(`^ {0,${indent}}`);
  return [first, ...rest.map((line2) => line2.replace(pattern, ""))].join("\n");
}
function columnOf(source, offset) {
  return offset - (source.lastIndexOf("\n", offset - 1) + 1);
}

// src/core/markdown/embed-verbatim.ts
var OPEN_ENDED_HTML = [
  { open: /^<!--/, closed: (v) => v.includes("-->") },
  // Ends only at a closing tag of one of these four, whichever opened it (CommonMark's HTML block 1).
  { open: /^<(pre|script|style|textarea)\b/i, closed: (v) => /<\/(pre|script|style|textarea)>/i.test(v) },
  { open: /^<\?/, closed: (v) => v.includes("?>") },
  { open: /^<![A-Za-z]/, closed: (v) => v.includes(">") },
  { open: /^<!\[CDATA\[/, closed: (v) => v.includes("]]>") }
];
function fenceFor(text2) {
  const longest = Math.max(2, ...[...text2.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}
function embedVerbatim(text2, parsed) {
  const trimmed = text2.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  const source = trimmed.replace(/<!--(\s*)(\/?)agent-os-github:/g, "<!--$1$2quoted agent-os-github:");
  if (source === "") return source;
  const tree = parsed !== void 0 && source === trimmed && !text2.includes("\r") ? parsed : parseMarkdown(source);
  const last = tree.children[tree.children.length - 1];
  if (last?.type === "html") {
    const value = last.value.trimStart();
    const rule = OPEN_ENDED_HTML.find((r) => r.open.test(value));
    if (rule && !rule.closed(value)) {
      const fence = fenceFor(source);
      return `${fence}markdown
${source}
${fence}`;
    }
  }
  const unclosed = findUnclosedFences(tree, source);
  const open = unclosed[unclosed.length - 1];
  return open === void 0 ? source : `${source}
${open.fence}`;
}

// src/core/markdown/is-pseudo-heading.ts
function isPseudoHeading(node) {
  if (node.type !== "paragraph") return false;
  const [first, ...rest] = node.children;
  if (first?.type !== "strong") return false;
  const trailing = rest.map((c) => toString(c)).join("").trim();
  return trailing === "" || trailing === ":";
}

// src/core/markdown/plain-text.ts
function textOf(node) {
  if (node.type === "html" || node.type === "code" || node.type === "yaml") return "";
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "break") return "\n";
  if (!("children" in node)) return "";
  const blocks = node.type === "root" || node.type === "list" || node.type === "listItem" || node.type === "blockquote";
  return node.children.map((child) => textOf(child)).join(blocks ? "\n" : "");
}
function plainText(markdown) {
  return textOf(parseMarkdown(markdown)).trim();
}

// src/core/issue/classify-heading.ts
var RULES = [
  [
    "boilerplate",
    /pre-?flight|code of conduct|before (submitting|you submit)|contributing guidelines|^checks?$|terms|verify that|(not|n't) been (suggested|reported|requested)|i have (searched|checked|read)|duplicates?\b|security policy/
  ],
  [
    "context",
    /^(areas?|components?|platforms?|versions?|environment|browsers?|os|operating system|priority|severity|labels?|packages?|affected \w+)\b|(request|feature|issue) type\b|^type\b|would affect|alternatives?|workarounds?|additional (context|information|info|notes)|related (issues?|links?|prs?|work)|^references?$|^links?$|^(anything|something) else/
  ],
  ["problem", /problem you'?d like to solve|related to a problem|^(the )?problem\b|pain points?|^motivation/],
  ["out-of-scope", /out[ -]of[ -]scope|non[- ]?goals?|not in scope|won'?t do|will not|exclu|later|future|not included/],
  [
    "requirements",
    /(solution|proposal).*(definition of done|acceptance)|(definition of done|acceptance).*(solution|proposal)/
  ],
  [
    "acceptance",
    /acceptance|done when|definition of done|\bdod\b|success criteria|success metrics|how to (test|verify)|test plan|\bac\b/
  ],
  ["existing-code", /existing code|reuse|related code|similar (code|features?)|prior art/],
  ["visuals", /design|mock|screenshot|visual|wireframe|\bui\b|\bux\b|figma/],
  [
    "requirements",
    /requirement|feature|scope|proposal|propos|solution|user stor|stories|goals?\b|behaviou?r|what|functional|must|should|spec|capabilit|changes?\b|tasks?\b|checklist|deliverable/
  ],
  ["users", /users?\b|persona|who\b|audience|roles?\b|permission|customers?\b|actors?/],
  [
    "technical",
    /technical|tech\b|implementation|constraint|architecture|performance|security|dependenc|notes?\b|considerations?|api\b|data\b|stack/
  ],
  [
    "problem",
    /problem|background|context|motivation|why|summary|overview|description|pain|current|today|situation|idea/
  ],
  ["questions", /questions?|unknowns?|open points/]
];
function classifyHeading(heading2) {
  const text2 = heading2.toLowerCase();
  for (const [kind, pattern] of RULES) if (pattern.test(text2)) return kind;
  return "other";
}

// src/core/issue/prose.ts
function proseOfTree(tree) {
  const out = [];
  const stack = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node } = stack.pop();
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html" || node.type === "image" || node.type === "imageReference")
      continue;
    if (node.type === "link" && (toString(node) === node.url || /^(https?:\/\/|www\.)/i.test(toString(node)))) continue;
    if (node.type === "text") out.push(node.value);
    else if (node.type === "break" || node.type === "paragraph" || node.type === "heading" || node.type === "tableCell")
      out.push("\n");
    if ("children" in node)
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push({ node: node.children[i], depth: 0 });
  }
  return out.join("").replace(/[ \t]+/g, " ");
}
function inlineCodeOfTree(tree) {
  const found = [];
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "inlineCode") found.push(node.value);
    if ("children" in node) stack.push(...node.children);
  }
  return found.reverse();
}
var ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|esp|resp|a\.k\.a|fig|no|nr|mr|mrs|ms|dr|st|jr|sr|z\.b|d\.h|bzw|ca|p\.ex|ex)\.$/i;
function splitSentences(text2) {
  const sentences = [];
  let start = 0;
  let depth = 0;
  let inCode = false;
  const push = (end) => {
    const sentence = text2.slice(start, end).trim();
    if (sentence !== "") sentences.push(sentence);
    start = end;
  };
  for (let i = 0; i < text2.length; i += 1) {
    const c = text2[i];
    if (c === "`") inCode = !inCode;
    if (inCode) continue;
    if (c === "(" || c === "[") depth += 1;
    else if ((c === ")" || c === "]") && depth > 0) depth -= 1;
    if (c === "\n") {
      push(i + 1);
      continue;
    }
    if (depth > 0) continue;
    if (c === "\u3002" || c === "\uFF01" || c === "\uFF1F") {
      push(i + 1);
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    let end = i + 1;
    while (end < text2.length && /[.!?)"'”’*_]/.test(text2[end])) end += 1;
    const next = text2.slice(end, end + 2);
    if (!/^\s+\S|^\s$/.test(next) && end < text2.length) continue;
    const after = text2.slice(end).trimStart()[0] ?? "";
    if (after !== "" && !/[\p{Lu}\p{Lo}\d"'“‘([*_`~#@]/u.test(after)) continue;
    if (c === "." && ABBREVIATIONS.test(text2.slice(Math.max(start, i - 12), i + 1))) continue;
    push(end);
    i = end - 1;
  }
  push(text2.length);
  return sentences;
}

// src/core/issue/parse-issue.ts
var EMPTY_FIELD = /^_?no response_?$/i;
function leadLine(source, node) {
  if (node.type !== "paragraph") return void 0;
  const [first, second] = node.children;
  if (first?.type !== "strong" || second?.type !== "text" || !/^[ \t]*\n/.test(second.value)) return void 0;
  const end = first.position?.end.offset;
  const stop = node.position?.end.offset;
  if (end === void 0 || stop === void 0) return void 0;
  const plain = oneLine(
    node.children.slice(1).map((c) => textOf(c)).join("").trim()
  );
  return { heading: toString(first), rest: oneLine(source.slice(end, stop)), plain };
}
function lineOf(node) {
  return node.position?.start.line ?? 1;
}
function withoutBox(text2) {
  return text2.replace(/^\[[ xX~-]\]\*?\s+/, "");
}
function collectItems(source, list, depth, into) {
  for (const item of list.children) {
    const [first] = item.children;
    if (first?.type === "paragraph") {
      const text2 = oneLine(withoutBox(sliceOfRange(source, [first])));
      const plain = oneLine(withoutBox(textOf(first).trim()));
      if (text2 !== "") into.push({ text: text2, plain, depth, checked: item.checked ?? null, line: lineOf(item) });
    }
    for (const child of item.children) collectBlock(source, child, depth + 1, into);
  }
}
function collectBlock(source, node, depth, items, section2) {
  if ((node.type === "table" || node.type === "code") && section2) {
    section2.blocks.push(sliceOfRange(source, [node]));
  } else if (node.type === "list") {
    collectItems(source, node, depth, items);
  } else if (node.type === "paragraph") {
    const text2 = oneLine(sliceOfRange(source, [node]));
    if (section2 && text2 !== "" && !EMPTY_FIELD.test(text2)) {
      section2.paragraphs.push(text2);
      section2.paragraphsPlain.push(oneLine(textOf(node).trim()));
    }
  } else if (node.type === "blockquote") {
    for (const child of node.children) collectBlock(source, child, depth, items, section2);
  }
}
var IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;
var IMG_ALT = /\balt\s*=\s*["']([^"']*)["']/i;
function collectMedia(tree) {
  const images = [];
  const links = [];
  visit(tree, (node) => {
    if (node.type === "image") images.push({ url: node.url, alt: node.alt ?? "" });
    else if (node.type === "link") links.push({ url: node.url, text: toString(node) });
    else if (node.type === "html") collectImgTags(node, images);
  });
  return { images, links };
}
function collectImgTags(node, images) {
  if (node.value.trimStart().startsWith("<!--")) return;
  for (const match of node.value.matchAll(IMG_SRC)) {
    const url = match[1];
    if (url !== void 0) images.push({ url, alt: IMG_ALT.exec(match[0])?.[1] ?? "" });
  }
}
function hasContent(section2) {
  return section2.heading !== void 0 || section2.items.length > 0 || section2.paragraphs.length > 0 || section2.blocks.length > 0;
}
function sectionsOf(source, tree) {
  const sections = [];
  const empty = () => ({
    items: [],
    paragraphs: [],
    paragraphsPlain: [],
    blocks: []
  });
  let current = { heading: void 0, kind: "preamble", ...empty(), line: 1 };
  const start = (heading2, node) => {
    if (hasContent(current)) sections.push(current);
    const text2 = oneLine(heading2).replace(/:\s*$/, "");
    current = { heading: text2, kind: classifyHeading(text2), ...empty(), line: lineOf(node) };
  };
  for (const node of tree.children) {
    const lead = node.type === "heading" || isPseudoHeading(node) ? void 0 : leadLine(source, node);
    if (node.type === "heading" || isPseudoHeading(node)) start(toString(node), node);
    else if (lead) {
      start(lead.heading, node);
      if (lead.rest !== "" && !EMPTY_FIELD.test(lead.rest)) {
        current.paragraphs.push(lead.rest);
        current.paragraphsPlain.push(lead.plain);
      }
    } else collectBlock(source, node, 0, current.items, current);
  }
  if (hasContent(current)) sections.push(current);
  return sections;
}
function issueFromTree(title, parsed) {
  const { body, tree, source } = parsed;
  return {
    title: title.trim(),
    body,
    verbatim: parsed.verbatim ?? embedVerbatim(body, source === body ? tree : void 0),
    prose: proseOfTree(tree),
    sections: sectionsOf(source, tree),
    ...collectMedia(tree)
  };
}
function parseIssue(title, body) {
  const source = (body ?? "").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return issueFromTree(title, { body: source, tree: parseMarkdown(source), source });
}
function itemsOfKind(issue, kinds) {
  return issue.sections.filter((s) => kinds.includes(s.kind)).flatMap((s) => s.items);
}
function hasSection(issue, kind) {
  return issue.sections.some(
    (s) => s.kind === kind && (s.items.length > 0 || s.paragraphs.length > 0 || s.blocks.length > 0)
  );
}

// src/core/spec/infer-topic.ts
var TOPIC_WORDS = [
  ["reuse", /\b(reuse|re-use|existing (features?|components?|code)|code paths?)\b/i],
  ["visuals", /\b(mock-?ups?|wireframes?|screenshots?|visual|designs?)\b/i],
  ["scope", /\b(out of scope|in scope|scope|first version|leave out|exclude)\b/i],
  ["acceptance", /\b(acceptance|done when|criteria)\b/i],
  ["migration", /\b(migrat\w*|backfill|rollback|roll back|downtime)\b/i],
  ["cli", /\b(flags?|exit codes?|command[- ]line|stdout|output format)\b/i],
  ["api", /\b(endpoints?|status codes?|api|request|response)\b/i],
  ["job", /\b(schedule|cron|background|retries|queue)\b/i],
  ["library", /\b(public (api|interface)|semver|backwards?[- ]compatib\w*|breaking change)\b/i],
  ["docs", /\b(docs|documentation|readme)\b/i],
  ["performance", /\b(performance|volumes?|response times?|latency|how many|how large)\b/i],
  ["data", /\b(data|stored?|models?|tables?|database)\b/i],
  ["rollout", /\b(feature flag|roll ?out|gradual)\b/i],
  ["ui", /\b(screens?|appear|ui|page|where should it)\b/i],
  ["users-and-permissions", /\b(users?|roles?|permissions?|who can|admins?)\b/i],
  ["errors-and-edge-cases", /\b(errors?|edge cases?|fail\w*|invalid)\b/i]
];
function inferTopic(question) {
  for (const [topic, words] of TOPIC_WORDS) if (words.test(question)) return topic;
  return "other";
}

// src/core/spec/shaping-state.ts
function toQuestionsDrafted(data) {
  if (typeof data !== "object" || data === null) return void 0;
  const { drafter, model, inputs, usage } = data;
  if (drafter !== "model" && drafter !== "deterministic" || typeof model !== "string" || typeof inputs !== "string")
    return void 0;
  const { prompt, completion } = typeof usage === "object" && usage !== null ? usage : {};
  return {
    drafter,
    model,
    inputs,
    usage: {
      prompt: typeof prompt === "number" ? prompt : 0,
      completion: typeof completion === "number" ? completion : 0
    }
  };
}
function toShapingState(data) {
  if (typeof data !== "object" || data === null) return void 0;
  const { issue, questions, answers } = data;
  if (typeof issue !== "number" || !Array.isArray(questions) || typeof answers !== "object" || answers === null)
    return void 0;
  const validQuestions = questions.filter((q) => {
    if (typeof q !== "object" || q === null) return false;
    const { number, text: text2, default: fallback } = q;
    return typeof number === "number" && typeof text2 === "string" && typeof fallback === "string";
  });
  const validAnswers = {};
  for (const [number, answer] of Object.entries(answers)) {
    if (typeof answer.text !== "string") continue;
    validAnswers[number] = {
      text: answer.text,
      commentId: typeof answer.commentId === "number" ? answer.commentId : 0,
      author: typeof answer.author === "string" ? answer.author : "",
      unclear: answer.unclear === true,
      images: Array.isArray(answer.images) ? answer.images.filter((u) => typeof u === "string") : [],
      links: Array.isArray(answer.links) ? answer.links.filter((u) => typeof u === "string") : []
    };
  }
  const validNotes = {};
  const notes = data.notes;
  if (typeof notes === "object" && notes !== null) {
    for (const [id, note] of Object.entries(notes)) {
      if (typeof note.text !== "string") continue;
      validNotes[id] = {
        text: note.text,
        author: typeof note.author === "string" ? note.author : "",
        images: Array.isArray(note.images) ? note.images.filter((u) => typeof u === "string") : [],
        links: Array.isArray(note.links) ? note.links.filter((u) => typeof u === "string") : []
      };
    }
  }
  const questionsDrafted = toQuestionsDrafted(data.questionsDrafted);
  const followUpsDrafted = {};
  const recordedFollowUps = data.followUpsDrafted;
  if (typeof recordedFollowUps === "object" && recordedFollowUps !== null) {
    for (const [id, record] of Object.entries(recordedFollowUps)) {
      const valid = toQuestionsDrafted(record);
      if (valid !== void 0) followUpsDrafted[id] = valid;
    }
  }
  return {
    issue,
    questions: validQuestions,
    answers: validAnswers,
    notes: validNotes,
    ...questionsDrafted === void 0 ? {} : { questionsDrafted },
    ...Object.keys(followUpsDrafted).length === 0 ? {} : { followUpsDrafted }
  };
}

// src/core/issue/find-issue-requirements.ts
var REQUEST = /\b(must|should|shall|needs? to|need an?|needs an?|wants? to|would like|'d like|would love|(it )?would be (nice|great|good|helpful|useful)|it'd be (nice|great)|(lets?|allows?) (an? |the )?([\w-]+ )?(clients?|users?|admins?|owners?|members?|customers?|people)|(a|an|the) new (endpoint|route|command|flag|option|page|screen|button|setting|field|column|table|api|job|report)s?\b|could (be|have|also|allow|let|show|support|include|offer)|(perhaps|maybe|ideally|instead)[^.]{0,60}\bcould\b|would (print|show|output|return|display|emit|write|send|let|allow|make|add|support)|nice to have|could we|can we|can you|please (add|make|support|allow)|(allow|let|enable)s? (users?|people|me|us|admins?|owners?|members?|customers?)|(users?|admins?|owners?|members?|customers?|people|clients?) (can|could|should|must|will be able|are able|need)|be able to|add (an?|the|support|some|new)|support (for )?|introduce|provide an?|expose|show an?|display an?)\b|\b(doit|devrait|il faut|faudrait|permettre|muss|soll|sollte|möchte|debe|debería|necesita|permitir|deve|deveria|precisa|должен|должна|должно|нужно|надо|хотелось бы)\b|必要|ほしい|欲しい|したい|できるように|べき|需要|应该|希望|支持/i;
var DESIRE = /\b(would like|'d like|would love|(it )?would be (nice|great|good|helpful|useful)|nice to have|should be able to|need a way|needs a way|please add)\b/i;
var STORY = /^(?:[*_]{0,2})(?:as an? [^,.;]{1,80}?|when [^.;]{3,160}?),? ?i (?:want|would like|need|can|'d like)\b/i;
var MENTION_ONLY = /^(\/?cc|fyi|ping|attn|ref)\b[\s:]*|^(@[\w-]+[\s,;]*)+$/i;
var ANALOGY = /^(similar(ly)? to|just like|much like|like (in|on|how)|inspired by|see (also )?|for (example|reference|inspiration)|e\.g\.|related( to)?:|compare (with|to)|think of)\b/i;
var POINTS_AHEAD = /\b(below|following|listed here|as follows)\b.*\b(describe|describes|list|lists|show|shows|explain|explains|are)\b|\b(describe|describes|list|lists)\b.*\b(below|following)\b/i;
var LEAD_IN = /:\s*$/;
var REQUIREMENT_KINDS = ["requirements", "preamble"];
var PROSE_KINDS = ["requirements", "preamble", "technical", "other", "users"];
var CONTRACT_KINDS = ["requirements", "preamble", "technical", "other"];
function isLinkOnly(text2, plain) {
  return plain === "" || /^<?(https?:\/\/|www\.)\S+>?$/i.test(plain) || /^!?\[[^\]]*\]\([^)]*\)$/.test(text2.trim());
}
function noiseOf(text2, seen = plainText(text2)) {
  const plain = seen.replace(/\s+/g, " ").trim();
  if (MENTION_ONLY.test(plain) && plain.replace(MENTION_ONLY, "").replace(/@[\w-]+/g, "").trim().length < 3)
    return "mention";
  if (isLinkOnly(text2, plain)) return "link";
  if (ANALOGY.test(plain) && plain.split(" ").length <= 20) return "analogy";
  return void 0;
}
function isSelectionList(items) {
  const top = items.filter((i) => i.depth === 0);
  return top.length >= 2 && top.every((i) => i.checked !== null && i.plain.split(/\s+/).length <= 6);
}
function isStory(text2, seen = plainText(text2)) {
  return STORY.test(seen.trim());
}
function sentencesOf(paragraph2) {
  return splitSentences(paragraph2).filter((s) => s.length > 3);
}
function askingItems(section2, found) {
  if (isSelectionList(section2.items)) return;
  for (const item of section2.items) {
    if (item.depth === 0 && noiseOf(item.text, item.plain) === void 0 && REQUEST.test(item.plain)) {
      found.requirements.push({ text: item.text, depth: 0, blocks: [], line: item.line });
    }
  }
}
function fromItems(section2, found) {
  if (isSelectionList(section2.items)) {
    found.context.push(...section2.items.map((i) => i.text));
    return;
  }
  let skippedDepth;
  for (const item of section2.items) {
    if (skippedDepth !== void 0 && item.depth > skippedDepth) {
      found.context.push(item.text);
      continue;
    }
    skippedDepth = void 0;
    if (isStory(item.text, item.plain)) found.stories.push(item.text);
    if (noiseOf(item.text, item.plain) !== void 0) {
      found.context.push(item.text);
      skippedDepth = item.depth;
      continue;
    }
    found.requirements.push({ text: item.text, depth: item.depth, blocks: [], line: item.line });
  }
}
function fromParagraphs(section2, found, problemAsks = false) {
  const wholeParagraphs = section2.kind === "requirements" && section2.items.length === 0;
  for (const [index, paragraph2] of section2.paragraphs.entries()) {
    const sentences = sentencesOf(paragraph2);
    for (const s of sentences) if (isStory(s)) found.stories.push(s);
    if (noiseOf(paragraph2, section2.paragraphsPlain[index]) !== void 0) {
      found.context.push(paragraph2);
      continue;
    }
    const asking = sentences.filter(
      (s) => !isStory(s) && !POINTS_AHEAD.test(plainText(s)) && noiseOf(s) === void 0 && (section2.kind === "problem" && !problemAsks ? DESIRE : REQUEST).test(plainText(s))
    );
    if (wholeParagraphs && !LEAD_IN.test(paragraph2) && asking.length <= 1) {
      found.requirements.push({ text: paragraph2, depth: 0, blocks: [], line: section2.line });
    } else {
      for (const s of asking) found.requirements.push({ text: s, depth: 0, blocks: [], line: section2.line });
    }
  }
}
function firstLineOf(block) {
  const line2 = block.split("\n").find((l, i) => i > 0 && /[A-Za-z]/.test(l))?.trim();
  return line2 === void 0 || line2.length > 60 || /^[`~]{3}/.test(line2) ? void 0 : `\`${line2.replace(/`/g, "")}\``;
}
function findIssueRequirements(issue) {
  const found = { requirements: [], stories: [], context: [] };
  const asks = issue.sections.some((s) => s.kind === "requirements");
  for (const section2 of issue.sections) {
    const before = found.requirements.length;
    if (REQUIREMENT_KINDS.includes(section2.kind)) fromItems(section2, found);
    else {
      for (const item of section2.items) if (isStory(item.text, item.plain)) found.stories.push(item.text);
      if (section2.kind === "other" || section2.kind === "technical") askingItems(section2, found);
    }
    if (PROSE_KINDS.includes(section2.kind) || section2.kind === "problem") fromParagraphs(section2, found, !asks);
    if (CONTRACT_KINDS.includes(section2.kind) && section2.blocks.length > 0) {
      const last = found.requirements.length > before ? found.requirements[found.requirements.length - 1] : void 0;
      if (last !== void 0) last.blocks.push(...section2.blocks);
      else if (section2.heading !== void 0) {
        const lead = section2.paragraphs.find((p, i) => noiseOf(p, section2.paragraphsPlain[i]) === void 0) ?? firstLineOf(section2.blocks[0] ?? "");
        const text2 = lead === void 0 ? section2.heading : `${section2.heading}: ${lead}`;
        found.requirements.push({ text: text2, depth: 0, blocks: [...section2.blocks], line: section2.line });
      }
    }
  }
  if (found.requirements.length === 0 && found.stories.length > 0) {
    found.requirements.push(...found.stories.map((text2) => ({ text: text2, depth: 0, blocks: [], line: 1 })));
  }
  if (found.requirements.length === 0 && issue.title !== "") {
    found.requirements.push({ text: issue.title, depth: 0, blocks: [], line: 1 });
  }
  const unique = (list) => [...new Set(list)];
  return { requirements: found.requirements, stories: unique(found.stories), context: unique(found.context) };
}

// src/core/markdown/build-mdast.ts
function root(children) {
  return { type: "root", children };
}
function heading(depth, children) {
  return { type: "heading", depth, children };
}
function paragraph(children) {
  return { type: "paragraph", children };
}
function text(value) {
  return { type: "text", value };
}
function code(value) {
  return { type: "inlineCode", value };
}
function strong(children) {
  return { type: "strong", children };
}
function emphasis(children) {
  return { type: "emphasis", children };
}
function link(url, children) {
  return { type: "link", url, children };
}
function raw(value) {
  return { type: "html", value };
}
function bulletList(items) {
  return { type: "list", ordered: false, spread: false, children: items.map((children) => listItem(children)) };
}
function listItem(children) {
  const blocks = children.every(
    (c) => c.type === "paragraph" || c.type === "list" || c.type === "code" || c.type === "blockquote"
  ) ? children : [paragraph(children)];
  return { type: "listItem", spread: false, children: blocks };
}
function codeList(values) {
  return values.flatMap((value, i) => i === 0 ? [code(value)] : [text(", "), code(value)]);
}
function nestedList(entries) {
  const top = { type: "list", ordered: false, spread: false, children: [] };
  const open = [];
  for (const entry of entries) {
    const depth = Math.min(Math.max(entry.depth, 0), open.length);
    open.length = depth;
    const item = { type: "listItem", spread: false, children: [...entry.children] };
    const parent = open[depth - 1];
    const last = parent?.children[parent.children.length - 1];
    if (parent === void 0) top.children.push(item);
    else if (last?.type === "list") last.children.push(item);
    else parent.children.push({ type: "list", ordered: false, spread: false, children: [item] });
    open.push(item);
  }
  return top;
}

// src/core/markdown/write-markdown.ts
var MARKDOWN_WRITER = {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  fence: "`",
  fences: true,
  listItemIndent: "one",
  rule: "-",
  extensions: [gfmToMarkdown()]
};
function writeMarkdown(tree, options = MARKDOWN_WRITER) {
  return toMarkdown(tree, options);
}
function writeInline(children, options = MARKDOWN_WRITER) {
  return writeMarkdown({ type: "paragraph", children }, options).replace(/\n$/, "");
}
function endsWithBlock(node) {
  if (node === void 0) return false;
  if (node.type === "html") return true;
  return node.type === "list" || node.type === "listItem" ? endsWithBlock(node.children[node.children.length - 1]) : false;
}
var BLOCKS_IN_ITEMS_WRITER = {
  ...MARKDOWN_WRITER,
  join: [
    (left, right, parent) => {
      if (parent.type === "listItem" && (left.type === "html" || right.type === "html")) return 1;
      return parent.type === "list" && endsWithBlock(left) ? 1 : void 0;
    }
  ]
};

// src/core/markdown/escape-markdown.ts
var LITERAL_UNSAFE = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#"].map((character) => ({
  character,
  inConstruct: "phrasing"
}));
var LITERAL_WRITER = { ...MARKDOWN_WRITER, unsafe: LITERAL_UNSAFE };
var MID_LINE = "x ";
function unsafePatterns() {
  let patterns = [];
  toMarkdown(text(""), {
    ...LITERAL_WRITER,
    handlers: {
      text: (_node, _parent, state) => {
        patterns = [...state.unsafe];
        return "";
      }
    }
  });
  return patterns;
}
var touched;
function untouched(core) {
  touched ??= new Set(unsafePatterns().flatMap((p) => p.character === " " ? [] : [p.character]));
  for (const character of core) if (touched.has(character)) return false;
  return true;
}
function literal(value, atLineStart) {
  const [, lead = "", core = "", trail = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value) ?? [];
  if (core === "" || untouched(core)) return value;
  const written = atLineStart ? writeInline([text(core)], LITERAL_WRITER) : writeInline([text(MID_LINE), text(core)], LITERAL_WRITER).slice(MID_LINE.length);
  return `${lead}${written}${trail}`;
}
function escapeMarkdown(value) {
  return literal(value, false);
}

// src/core/spec/find-code-paths.ts
var PATH = /(?:^|[\s(])((?:\.{0,2}\/)?(?:[\w@.-]+\/)+[\w@.-]*|[\w@-]+\.(?:[jt]sx?|mjs|cjs|rb|py|go|rs|java|kt|swift|php|cs|vue|svelte|css|scss|html|sql|ya?ml|json|md))(?=$|[\s),.;:])/g;
function findCodePaths(markdown) {
  const found = [];
  const add = (path) => {
    const clean = path.trim().replace(/[.,;:]+$/, "");
    if (clean !== "" && !clean.includes("://") && !found.includes(clean)) found.push(clean);
  };
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === "inlineCode" || node.type === "text") {
      for (const match of ` ${node.value}`.matchAll(PATH)) if (match[1]) add(match[1]);
    } else if (node.type === "link" && !/^[a-z]+:/i.test(node.url)) {
      add(node.url);
    }
  });
  return found;
}

// src/core/spec/requirements-from-answers.ts
function answerNotes(state) {
  return Object.entries(state.notes ?? {}).sort(([a], [b]) => Number(a) - Number(b)).map(([, note]) => note);
}
function answerTo(state, topic) {
  const q = state.questions.find((x) => x.topic === topic);
  return q === void 0 ? void 0 : state.answers[String(q.number)];
}
function answerImages(state) {
  return [...Object.values(state.answers).flatMap((a) => a.images), ...answerNotes(state).flatMap((n) => n.images)];
}
function codePathItems(state) {
  const reuse = answerTo(state, "reuse");
  const item = (path, from) => ({
    depth: 0,
    children: [paragraph([code(path), text(` (from ${from})`)])]
  });
  return [
    ...reuse ? findCodePaths(reuse.text).map((p) => item(p, "the answer to the reuse question")) : [],
    ...answerNotes(state).flatMap((n) => findCodePaths(n.text).map((p) => item(p, `@${n.author}'s notes`)))
  ];
}
var image = (url, alt) => ({ type: "image", url, alt });
function visualFiles(issue, state, images) {
  const links = [...answerTo(state, "visuals")?.links ?? [], ...answerNotes(state).flatMap((n) => n.links)];
  const item = (node, from) => ({
    depth: 0,
    children: [paragraph([node, text(` (from ${from})`)])]
  });
  return [
    ...issue.images.map((i) => item(image(i.url, i.alt), "the issue")),
    ...images.map((url) => item(image(url, ""), "the answers")),
    ...[...new Set(links)].filter((url) => !images.includes(url)).map((url) => item(link(url, [text(url)]), "the answers"))
  ];
}

// src/core/spec/render-requirements.ts
var INITIAL_DESCRIPTION_START = "<!-- agent-os-github:initial-description -->";
var INITIAL_DESCRIPTION_END = "<!-- /agent-os-github:initial-description -->";
var VERBATIM_START = "<!-- agent-os-github:verbatim -->";
var VERBATIM_END = "<!-- /agent-os-github:verbatim -->";
function verbatimBlocks(text2) {
  return [raw(VERBATIM_START), raw(text2), raw(VERBATIM_END)];
}
var DEFAULT_STANDS = "_No answer yet: the proposed default stands._";
var defaultStands = () => emphasis([text("No answer yet: the proposed default stands.")]);
var CONTEXT_KINDS = ["problem", "questions", "other", "context"];
function rawItem(depth, markdown) {
  return { depth, children: [paragraph([raw(markdown)])] };
}
function requirementItem(requirement) {
  const blocks = requirement.blocks.map((b) => raw(embedVerbatim(b)));
  return { depth: requirement.depth, children: [paragraph([raw(requirement.text)]), ...blocks] };
}
function carried(issue, kinds) {
  const sections = issue.sections.filter((s) => kinds.includes(s.kind));
  const items = [
    ...sections.flatMap((s) => s.items.map((i) => rawItem(i.depth, i.text))),
    ...sections.flatMap((s) => s.paragraphs.map((p) => rawItem(0, p)))
  ];
  const blocks = sections.flatMap((s) => s.blocks).map((b) => raw(embedVerbatim(b)));
  return [...items.length > 0 ? [nestedList(items)] : [], ...blocks];
}
function startsWithBlock(text2) {
  return /^(\s{4}|[-*+>#|]|\d{1,3}[.)]|```|~~~|<)/.test(text2) || text2.includes("\n");
}
function discussionEntry(question, answer) {
  const label = [strong([text(`Q${question.number}:`)]), text(" ")];
  if (question.about !== void 0) label.push(emphasis([text(`(follow-up on Q${question.about})`)]), text(" "));
  const asked = [...label, raw(question.text), text("\n"), strong([text("Answer:")])];
  const stands = [defaultStands(), text(" "), raw(question.default)];
  if (answer === void 0) return [paragraph([...asked, text(" "), ...stands])];
  const written = embedVerbatim(answer.text);
  if (written === "") return [paragraph([...asked, text(" "), emphasis([text("(left empty)")]), text(" "), ...stands])];
  if (startsWithBlock(written)) return [paragraph(asked), ...verbatimBlocks(written)];
  return [paragraph([...asked, text(" "), raw(written)])];
}
function discussion(questions, answers) {
  return questions.flatMap((q) => discussionEntry(q, answers[String(q.number)]));
}
function section(depth, title, content, empty) {
  return [heading(depth, [text(title)]), ...content.length > 0 ? content : [empty()]];
}
var line = (value) => () => paragraph([text(value)]);
var aside = (value) => () => paragraph([emphasis([text(value)])]);
var listOf = (items) => items.length > 0 ? [nestedList(items)] : [];
function opening(input) {
  const { issue } = input;
  const description = issue.verbatim;
  return [
    heading(1, [text("Spec Requirements: "), raw(escapeMarkdown(issue.title))]),
    paragraph([
      text("Shaped from issue "),
      link(input.issueUrl, [text(`#${input.issueNumber}`)]),
      text(" on the branch "),
      code(input.branch),
      text(". Answer the clarifying questions on the issue; the answers are folded in here.")
    ]),
    heading(2, [text("Initial Description")]),
    raw(INITIAL_DESCRIPTION_START),
    description === "" ? aside("The issue has no description.")() : raw(description),
    raw(INITIAL_DESCRIPTION_END)
  ];
}
function requirementsDiscussion(state, existingCode) {
  const rounds = state.questions.filter((q) => q.topic !== "follow-up");
  const followUps = state.questions.filter((q) => q.topic === "follow-up");
  const notes = answerNotes(state).filter((n) => n.text !== "");
  return [
    heading(2, [text("Requirements Discussion")]),
    heading(3, [text("First Round Questions")]),
    ...discussion(rounds, state.answers),
    ...section(
      3,
      "Existing Code to Reference",
      listOf(existingCode),
      line("No similar existing features identified for reference.")
    ),
    ...followUps.length > 0 ? [heading(3, [text("Follow-up Questions")]), ...discussion(followUps, state.answers)] : [],
    ...notes.length > 0 ? [
      heading(3, [text("Notes from the Answers")]),
      ...notes.flatMap((n) => [
        paragraph([strong([text(`From @${n.author}:`)])]),
        ...verbatimBlocks(embedVerbatim(n.text))
      ])
    ] : []
  ];
}
function scopeBoundaries(issue) {
  const outOfScope = carried(issue, ["out-of-scope"]);
  return [
    heading(3, [text("Scope Boundaries")]),
    paragraph([strong([text("In Scope:")])]),
    nestedList([
      { depth: 0, children: [paragraph([text("Everything under Functional Requirements and Acceptance Criteria.")])] }
    ]),
    paragraph([strong([text("Out of Scope:")])]),
    ...outOfScope.length > 0 ? outOfScope : listOf([{ depth: 0, children: [paragraph([text("Anything not listed above.")])] }])
  ];
}
function requirementsSummary(issue, existingCode) {
  const found = findIssueRequirements(issue);
  const context = [...itemsOfKind(issue, CONTEXT_KINDS).map((i) => i.text), ...found.context].filter(
    (t, i, all) => all.indexOf(t) === i
  );
  const noneYet = aside("None listed in the issue yet; see the answers above.");
  return [
    heading(2, [text("Requirements Summary")]),
    ...section(3, "Functional Requirements", listOf(found.requirements.map(requirementItem)), noneYet),
    ...section(3, "Acceptance Criteria", carried(issue, ["acceptance"]), noneYet),
    ...found.stories.length > 0 ? section(3, "User Stories", listOf(found.stories.map((t) => rawItem(0, t))), line("")) : [],
    ...section(3, "Users and Permissions", carried(issue, ["users"]), aside("See the answers above.")),
    ...section(3, "Reusability Opportunities", listOf(existingCode), line("None identified yet.")),
    ...scopeBoundaries(issue),
    ...section(3, "Technical Considerations", carried(issue, ["technical"]), line("None noted yet.")),
    ...context.length > 0 ? section(3, "Context from the Issue", listOf(context.map((t) => rawItem(0, t))), line("")) : []
  ];
}
function renderRequirements(input) {
  const { issue, state } = input;
  const existingCode = [
    ...codePathItems(state),
    ...itemsOfKind(issue, ["existing-code"]).map((i) => rawItem(i.depth, i.text))
  ];
  const tree = root([
    ...opening(input),
    ...requirementsDiscussion(state, existingCode),
    heading(2, [text("Visual Assets")]),
    ...section(
      3,
      "Files Provided:",
      listOf(visualFiles(issue, state, answerImages(state))),
      line("No visual assets provided.")
    ),
    ...section(3, "Visual Insights:", carried(issue, ["visuals"]), line("No visual insights yet.")),
    ...requirementsSummary(issue, existingCode)
  ]);
  return markFile("requirements", writeMarkdown(tree, BLOCKS_IN_ITEMS_WRITER), state);
}

// src/core/spec/parse-requirements.ts
function unwrapVerbatim(text2) {
  const trimmed = text2.trim();
  if (!trimmed.startsWith(VERBATIM_START) || !trimmed.endsWith(VERBATIM_END)) return trimmed;
  return trimmed.slice(VERBATIM_START.length, -VERBATIM_END.length).trim();
}
var DISCUSSION_ROUNDS = /* @__PURE__ */ new Set(["First Round Questions", "Follow-up Questions"]);
function headingText(node) {
  return oneLine(toString(node)).replace(/:\s*$/, "");
}
function isBoldLead(node) {
  if (node.type !== "paragraph" || node.children[0]?.type !== "strong") return false;
  return node.children.slice(1).every((c) => toString(c).trim() === "" || toString(c).trim() === ":");
}
function questionLabel(node) {
  if (node.type !== "paragraph") return void 0;
  const first = node.children[0];
  if (first?.type !== "strong") return void 0;
  const match = /^Q(\d+):?$/.exec(toString(first).trim());
  return match?.[1] === void 0 ? void 0 : Number(match[1]);
}
function findAnswerLabel(node) {
  if (node.type === "strong" && toString(node).trim() === "Answer:") return node;
  if (node.type !== "paragraph") return void 0;
  for (const child of node.children) if (child.type === "strong" && toString(child).trim() === "Answer:") return child;
  return void 0;
}
function blockText(source, node) {
  const start = node.position?.start.offset ?? 0;
  return dedentContinuation(sliceOfRange(source, [node]), columnOf(source, start));
}
function bulletOf(source, paragraph2, depth) {
  return { text: oneLine(sliceOfRange(source, [paragraph2])), plain: oneLine(textOf(paragraph2).trim()), depth };
}
function collectBullets(source, node, depth, into) {
  if (node.type === "list") {
    for (const item of node.children) {
      const [first, ...rest] = item.children;
      const bullet = first?.type === "paragraph" ? bulletOf(source, first, depth) : void 0;
      if (bullet) into.push(bullet);
      for (const child of rest) {
        if (bullet && (child.type === "code" || child.type === "table"))
          (bullet.blocks ??= []).push(blockText(source, child));
        else collectBullets(source, child, depth + 1, into);
      }
    }
  } else if (node.type === "paragraph") {
    const bullet = bulletOf(source, node, depth);
    if (bullet.text !== "") into.push(bullet);
  }
}
function readDiscussion(source, nodes) {
  const entries = [];
  const starts = nodes.flatMap((node, index) => questionLabel(node) === void 0 ? [] : [index]);
  for (const [k, index] of starts.entries()) {
    const node = nodes[index];
    const number = questionLabel(node) ?? 0;
    const endIndex = starts[k + 1] ?? nodes.length;
    const block = nodes.slice(index, endIndex);
    const label = block.map((n) => findAnswerLabel(n)).find((n) => n !== void 0);
    const labelStart = label?.position?.start.offset;
    const labelEnd = label?.position?.end.offset;
    const lastEnd = block[block.length - 1]?.position?.end.offset ?? 0;
    const questionStart = node.children[0]?.position?.end.offset ?? 0;
    let question = oneLine(source.slice(questionStart, labelStart ?? node.position?.end.offset ?? questionStart));
    const followUp = /^_\(follow-up on Q(\d+)\)_\s*/.exec(question);
    if (followUp) question = question.slice(followUp[0].length);
    let answer = labelEnd === void 0 ? "" : unwrapVerbatim(source.slice(labelEnd, lastEnd));
    const defaulted = answer.includes(DEFAULT_STANDS);
    if (defaulted) answer = answer.slice(answer.indexOf(DEFAULT_STANDS) + DEFAULT_STANDS.length).trim();
    entries.push({
      number,
      question,
      answer,
      defaulted,
      topic: inferTopic(question),
      ...followUp?.[1] ? { followUpOn: Number(followUp[1]) } : {}
    });
  }
  return entries;
}
var isMarker = (node, marker) => node.type === "html" && node.value.trim() === marker;
function readVerbatim(node, r) {
  if (!r.inDescription && isMarker(node, VERBATIM_START) && r.verbatimFrom === void 0) {
    r.verbatimFrom = node.position?.end.offset ?? 0;
    return false;
  }
  if (isMarker(node, VERBATIM_END) && r.verbatimFrom !== void 0) {
    if (r.h3 === "Notes from the Answers") {
      const text2 = r.source.slice(r.verbatimFrom, node.position?.start.offset ?? r.verbatimFrom).trim();
      r.notes.push({ author: r.noteAuthor, text: text2 });
    }
    r.verbatimFrom = void 0;
    if (r.h2 === "Requirements Discussion" && DISCUSSION_ROUNDS.has(r.h3)) r.discussionNodes.push(node);
    return true;
  }
  return r.verbatimFrom !== void 0;
}
function readDescription(node, r) {
  if (isMarker(node, INITIAL_DESCRIPTION_START)) {
    r.inDescription = true;
    r.descriptionFrom = node.position?.end.offset ?? 0;
    return true;
  }
  if (isMarker(node, INITIAL_DESCRIPTION_END)) {
    r.inDescription = false;
    r.initialDescription = r.source.slice(r.descriptionFrom, node.position?.start.offset ?? r.descriptionFrom).trim();
    return true;
  }
  if (r.inDescription) r.descriptionNodes.push(node);
  return r.inDescription;
}
function readHeading(node, r) {
  if (node.depth === 1) r.title = headingText(node).replace(/^Spec Requirements:\s*/i, "");
  else if (node.depth === 2) [r.h2, r.h3, r.lead] = [headingText(node), "", ""];
  else [r.h3, r.lead] = [headingText(node), ""];
}
function readSectionNode(node, r) {
  if (r.h2 === "Requirements Discussion" && DISCUSSION_ROUNDS.has(r.h3)) {
    r.discussionNodes.push(node);
    return;
  }
  if (node.type === "html" && node.value.startsWith("<!-- agent-os-github:")) return;
  (r.rawNodes[[r.h2, r.h3].filter((p) => p !== "").join("/")] ??= []).push(node);
  if (isBoldLead(node)) {
    r.lead = headingText(node);
    if (r.h3 === "Notes from the Answers") r.noteAuthor = r.lead.replace(/^From @/, "");
    return;
  }
  const key = [r.h2, r.h3, r.lead].filter((p) => p !== "").join("/");
  if (node.type === "table" || node.type === "code") (r.extras[key] ??= []).push(sliceOfRange(r.source, [node]));
  collectBullets(r.source, node, 0, r.sections[key] ??= []);
}
function parseRequirements(markdown) {
  const source = markdown.replace(/\r\n?/g, "\n");
  const tree = parseMarkdown(source);
  const r = {
    source,
    title: "",
    initialDescription: "",
    sections: {},
    rawNodes: {},
    discussionNodes: [],
    descriptionNodes: [],
    notes: [],
    extras: {},
    h2: "",
    h3: "",
    lead: "",
    inDescription: false,
    descriptionFrom: 0,
    verbatimFrom: void 0,
    noteAuthor: ""
  };
  for (const node of tree.children) {
    if (readVerbatim(node, r) || readDescription(node, r)) continue;
    if (node.type === "heading") readHeading(node, r);
    else readSectionNode(node, r);
  }
  const raw2 = Object.fromEntries(Object.entries(r.rawNodes).map(([key, nodes]) => [key, sliceOfRange(source, nodes)]));
  return {
    title: r.title,
    initialDescription: r.initialDescription,
    // The description's nodes as parsed with the whole file (it was written there verbatim): never parsed again.
    description: issueFromTree(r.title, {
      body: r.initialDescription,
      tree: { type: "root", children: r.descriptionNodes },
      source,
      verbatim: r.initialDescription
    }),
    discussion: withTopics(markdown, readDiscussion(source, r.discussionNodes)),
    sections: r.sections,
    raw: raw2,
    notes: r.notes,
    extras: r.extras
  };
}
function withTopics(markdown, entries) {
  const marked = parseMarkedFile("requirements", markdown);
  const state = marked.marked ? toShapingState(marked.data) : void 0;
  const recorded = new Map((state?.questions ?? []).map((q) => [q.number, q.topic]));
  const topicOf = (entry) => {
    const topic = recorded.get(entry.number) ?? entry.topic;
    return topic === "follow-up" && entry.followUpOn !== void 0 ? recorded.get(entry.followUpOn) ?? inferTopic(entries.find((e) => e.number === entry.followUpOn)?.question ?? "") : topic;
  };
  return entries.map((entry) => ({ ...entry, topic: topicOf(entry) }));
}

// src/core/spec/parse-spec.ts
var NOT_REQUIREMENTS = /^(acceptance criteria|users and permissions|technical considerations|decisions from the requirements discussion|notes from the answers|more from the requirements)$/i;
var ACCEPTANCE_BULLET = /^acceptance criteria:?$/i;
function splitAcceptance(bullets) {
  const own = [];
  const acceptance = [];
  let under;
  for (const b of bullets) {
    if (under !== void 0 && b.depth > under) {
      acceptance.push({ ...b, depth: b.depth - under - 1 });
      continue;
    }
    under = void 0;
    if (ACCEPTANCE_BULLET.test(b.text.replace(/[*_]/g, "").trim())) under = b.depth;
    else own.push(b);
  }
  return { bullets: own, acceptance };
}
function isBoldLead2(node) {
  if (node.type !== "paragraph" || node.children[0]?.type !== "strong") return false;
  return node.children.slice(1).every((c) => toString(c).trim() === "" || toString(c).trim() === ":");
}
function collect(source, node, depth, into) {
  if (node.type === "list") collectBullets(source, node, depth, into);
}
function parseSpec(markdown) {
  const source = markdown.replace(/\r\n?/g, "\n");
  const doc = { title: "", goal: "", requirements: [], acceptance: [], outOfScope: [] };
  let section2 = "";
  let block;
  const blocks = [];
  for (const node of parseMarkdown(source).children) {
    if (node.type === "heading" && node.depth <= 2) {
      const text2 = oneLine(toString(node));
      if (node.depth === 1) doc.title = text2.replace(/^Specification:\s*/i, "");
      else section2 = text2;
      block = void 0;
      continue;
    }
    if (section2 === "Goal" && node.type === "paragraph" && doc.goal === "") doc.goal = oneLine(toString(node));
    if (section2 === "Out of Scope") collect(source, node, 0, doc.outOfScope);
    if (section2 !== "Specific Requirements") continue;
    if (node.type === "heading" && node.depth >= 3 || isBoldLead2(node)) {
      block = { name: oneLine(toString(node)).replace(/:$/, ""), bullets: [], line: node.position?.start.line ?? 1 };
      blocks.push(block);
    } else if (block) {
      collect(source, node, 0, block.bullets);
    }
  }
  for (const b of blocks) {
    if (/^acceptance criteria$/i.test(b.name)) doc.acceptance.push(...b.bullets);
    if (NOT_REQUIREMENTS.test(b.name)) continue;
    const name = b.name.replace(/^\d+\.\s*/, "");
    doc.requirements.push({ number: doc.requirements.length + 1, name, ...splitAcceptance(b.bullets), line: b.line });
  }
  return doc;
}

export {
  sliceOf,
  oneLine,
  dedentContinuation,
  embedVerbatim,
  isPseudoHeading,
  textOf,
  plainText,
  proseOfTree,
  inlineCodeOfTree,
  splitSentences,
  parseIssue,
  itemsOfKind,
  hasSection,
  fingerprint,
  markFile,
  parseMarkedFile,
  noiseOf,
  isSelectionList,
  isStory,
  findIssueRequirements,
  root,
  heading,
  paragraph,
  text,
  code,
  strong,
  emphasis,
  raw,
  bulletList,
  codeList,
  nestedList,
  MARKDOWN_WRITER,
  writeMarkdown,
  BLOCKS_IN_ITEMS_WRITER,
  escapeMarkdown,
  findCodePaths,
  renderRequirements,
  parseRequirements,
  parseSpec
};
