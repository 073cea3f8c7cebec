import { plainText } from '../markdown/plain-text.js';
import type { SectionKind } from './classify-heading.js';
import type { IssueItem, IssueSection, ParsedIssue } from './parse-issue.js';
import { splitSentences } from './prose.js';

/** A requirement found in an issue, as written (inline markdown kept, on one line). */
export interface IssueRequirement {
  text: string;
  /** 0 for a requirement, 1 for a detail of the one above, … */
  depth: number;
  /** Code blocks and tables that belong to it (its contract: a request, a response, an example), as written. */
  blocks: string[];
  line: number;
}

export interface IssueRequirements {
  requirements: IssueRequirement[];
  /** "As a …, I want …" stories, wherever the issue has them. */
  stories: string[];
  /** What looked like a requirement but is not one (area checkboxes, cc lines, links alone, analogies): context. */
  context: string[];
}

/** A sentence that asks for behaviour, in the languages issues are commonly written in. */
const REQUEST =
  /\b(must|should|shall|needs? to|need an?|needs an?|wants? to|would like|'d like|would love|(it )?would be (nice|great|good|helpful|useful)|it'd be (nice|great)|(lets?|allows?) (an? |the )?([\w-]+ )?(clients?|users?|admins?|owners?|members?|customers?|people)|(a|an|the) new (endpoint|route|command|flag|option|page|screen|button|setting|field|column|table|api|job|report)s?\b|could (be|have|also|allow|let|show|support|include|offer)|(perhaps|maybe|ideally|instead)[^.]{0,60}\bcould\b|would (print|show|output|return|display|emit|write|send|let|allow|make|add|support)|nice to have|could we|can we|can you|please (add|make|support|allow)|(allow|let|enable)s? (users?|people|me|us|admins?|owners?|members?|customers?)|(users?|admins?|owners?|members?|customers?|people|clients?) (can|could|should|must|will be able|are able|need)|be able to|add (an?|the|support|some|new)|support (for )?|introduce|provide an?|expose|show an?|display an?)\b|\b(doit|devrait|il faut|faudrait|permettre|muss|soll|sollte|möchte|debe|debería|necesita|permitir|deve|deveria|precisa|должен|должна|должно|нужно|надо|хотелось бы)\b|必要|ほしい|欲しい|したい|できるように|べき|需要|应该|希望|支持/i;
/** A sentence that only says what someone wishes for: in a problem statement, the one kind of requirement. */
const DESIRE =
  /\b(would like|'d like|would love|(it )?would be (nice|great|good|helpful|useful)|nice to have|should be able to|need a way|needs a way|please add)\b/i;
/** "As a …, I want …" (user stories) and "When …, I want …" (job stories). */
const STORY = /^(?:[*_]{0,2})(?:as an? [^,.;]{1,80}?|when [^.;]{3,160}?),? ?i (?:want|would like|need|can|'d like)\b/i;
const MENTION_ONLY = /^(\/?cc|fyi|ping|attn|ref)\b[\s:]*|^(@[\w-]+[\s,;]*)+$/i;
const ANALOGY =
  /^(similar(ly)? to|just like|much like|like (in|on|how)|inspired by|see (also )?|for (example|reference|inspiration)|e\.g\.|related( to)?:|compare (with|to)|think of)\b/i;
/** A sentence about the text that follows ("The job stories below describe …"), not a requirement. */
const POINTS_AHEAD =
  /\b(below|following|listed here|as follows)\b.*\b(describe|describes|list|lists|show|shows|explain|explains|are)\b|\b(describe|describes|list|lists)\b.*\b(below|following)\b/i;
/** A lead-in that introduces what follows ("The request looks like this:"), not a requirement of its own. */
const LEAD_IN = /:\s*$/;

const REQUIREMENT_KINDS: readonly SectionKind[] = ['requirements', 'preamble'];
/** Sections whose prose sentences may state requirements (beyond their list items). */
const PROSE_KINDS: readonly SectionKind[] = ['requirements', 'preamble', 'technical', 'other', 'users'];
/** Sections whose code blocks and tables are a requirement's contract. */
const CONTRACT_KINDS: readonly SectionKind[] = ['requirements', 'preamble', 'technical', 'other'];

function isLinkOnly(text: string, plain: string): boolean {
  return plain === '' || /^<?(https?:\/\/|www\.)\S+>?$/i.test(plain) || /^!?\[[^\]]*\]\([^)]*\)$/.test(text.trim());
}

/**
 * Why an item or sentence is context rather than a requirement, if it is. `seen` is what a reader sees of `text`
 * when the caller already has it (an issue item's `plain`), so the text is not parsed again.
 */
export function noiseOf(text: string, seen: string = plainText(text)): 'mention' | 'link' | 'analogy' | undefined {
  const plain = seen.replace(/\s+/g, ' ').trim();
  if (
    MENTION_ONLY.test(plain) &&
    plain
      .replace(MENTION_ONLY, '')
      .replace(/@[\w-]+/g, '')
      .trim().length < 3
  )
    return 'mention';
  if (isLinkOnly(text, plain)) return 'link';
  if (ANALOGY.test(plain) && plain.split(' ').length <= 20) return 'analogy';
  return undefined;
}

/** A list of short boxes (`- [x] Backend`, `- [ ] Frontend`): an issue form's way to pick areas or labels. */
export function isSelectionList(items: readonly IssueItem[]): boolean {
  const top = items.filter((i) => i.depth === 0);
  return top.length >= 2 && top.every((i) => i.checked !== null && i.plain.split(/\s+/).length <= 6);
}

/** Whether the text is a user or job story; `seen` as for `noiseOf`. */
export function isStory(text: string, seen: string = plainText(text)): boolean {
  return STORY.test(seen.trim());
}

function sentencesOf(paragraph: string): string[] {
  return splitSentences(paragraph).filter((s) => s.length > 3);
}

interface Found {
  requirements: IssueRequirement[];
  stories: string[];
  context: string[];
}

/** Items of a section about something else ("Authentication and Authorization") that still ask for behaviour. */
function askingItems(section: IssueSection, found: Found): void {
  if (isSelectionList(section.items)) return;
  for (const item of section.items) {
    if (item.depth === 0 && noiseOf(item.text, item.plain) === undefined && REQUEST.test(item.plain)) {
      found.requirements.push({ text: item.text, depth: 0, blocks: [], line: item.line });
    }
  }
}

function fromItems(section: IssueSection, found: Found): void {
  if (isSelectionList(section.items)) {
    found.context.push(...section.items.map((i) => i.text));
    return;
  }
  let skippedDepth: number | undefined;
  for (const item of section.items) {
    if (skippedDepth !== undefined && item.depth > skippedDepth) {
      found.context.push(item.text);
      continue;
    }
    skippedDepth = undefined;
    if (isStory(item.text, item.plain)) found.stories.push(item.text);
    if (noiseOf(item.text, item.plain) !== undefined) {
      found.context.push(item.text);
      skippedDepth = item.depth;
      continue;
    }
    found.requirements.push({ text: item.text, depth: item.depth, blocks: [], line: item.line });
  }
}

function fromParagraphs(section: IssueSection, found: Found, problemAsks = false): void {
  const wholeParagraphs = section.kind === 'requirements' && section.items.length === 0;
  for (const [index, paragraph] of section.paragraphs.entries()) {
    const sentences = sentencesOf(paragraph);
    for (const s of sentences) if (isStory(s)) found.stories.push(s);
    if (noiseOf(paragraph, section.paragraphsPlain[index]) !== undefined) {
      found.context.push(paragraph);
      continue;
    }
    const asking = sentences.filter(
      (s) =>
        !isStory(s) &&
        !POINTS_AHEAD.test(plainText(s)) &&
        noiseOf(s) === undefined &&
        (section.kind === 'problem' && !problemAsks ? DESIRE : REQUEST).test(plainText(s)),
    );
    if (wholeParagraphs && !LEAD_IN.test(paragraph) && asking.length <= 1) {
      found.requirements.push({ text: paragraph, depth: 0, blocks: [], line: section.line });
    } else {
      for (const s of asking) found.requirements.push({ text: s, depth: 0, blocks: [], line: section.line });
    }
  }
}

/** The first line of code in a fenced block, if short enough to name it (`POST /v1/exports`). */
function firstLineOf(block: string): string | undefined {
  const line = block
    .split('\n')
    .find((l, i) => i > 0 && /[A-Za-z]/.test(l))
    ?.trim();
  return line === undefined || line.length > 60 || /^[`~]{3}/.test(line) ? undefined : `\`${line.replace(/`/g, '')}\``;
}

/**
 * The requirements an issue states, wherever and however it states them: list items of its requirement sections,
 * sentences that ask for behaviour in its prose (must / should / need / "users can" / "it would be nice if"),
 * "As a … I want …" stories, and code or table examples under a heading, kept with the requirement they belong to.
 * Area checkboxes, cc lines, links alone and analogies are context, not requirements. An issue that states none
 * (a title and a sentence of background) gets its title as its one requirement.
 */
export function findIssueRequirements(issue: ParsedIssue): IssueRequirements {
  const found: Found = { requirements: [], stories: [], context: [] };
  // Without a section for the request itself, the description states it ("### Description" and nothing else).
  const asks = issue.sections.some((s) => s.kind === 'requirements');
  for (const section of issue.sections) {
    const before = found.requirements.length;
    if (REQUIREMENT_KINDS.includes(section.kind)) fromItems(section, found);
    else {
      for (const item of section.items) if (isStory(item.text, item.plain)) found.stories.push(item.text);
      if (section.kind === 'other' || section.kind === 'technical') askingItems(section, found);
    }
    if (PROSE_KINDS.includes(section.kind) || section.kind === 'problem') fromParagraphs(section, found, !asks);
    if (CONTRACT_KINDS.includes(section.kind) && section.blocks.length > 0) {
      const last = found.requirements.length > before ? found.requirements[found.requirements.length - 1] : undefined;
      if (last !== undefined) last.blocks.push(...section.blocks);
      else if (section.heading !== undefined) {
        const lead =
          section.paragraphs.find((p, i) => noiseOf(p, section.paragraphsPlain[i]) === undefined) ??
          firstLineOf(section.blocks[0] ?? '');
        const text = lead === undefined ? section.heading : `${section.heading}: ${lead}`;
        found.requirements.push({ text, depth: 0, blocks: [...section.blocks], line: section.line });
      }
    }
  }
  if (found.requirements.length === 0 && found.stories.length > 0) {
    found.requirements.push(...found.stories.map((text) => ({ text, depth: 0, blocks: [], line: 1 })));
  }
  if (found.requirements.length === 0 && issue.title !== '') {
    found.requirements.push({ text: issue.title, depth: 0, blocks: [], line: 1 });
  }
  const unique = (list: string[]) => [...new Set(list)];
  return { requirements: found.requirements, stories: unique(found.stories), context: unique(found.context) };
}
