import { isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { isGitHubLogin } from './github-login.js';
import { splitGroupTitle } from './group-name.js';

/** One `task_groups:` entry of orchestration.yml. */
export interface OrchestrationGroup {
  /** The task group's name: its tasks.md heading without `Task Group N:` (as written, when read from a file). */
  name: string;
  /** The group's number (`1`), from tasks.md, or from a `number:` key or a `Task Group N:` name in the file. */
  number?: string;
  /** The Claude Code subagent that implements the group (Agent OS `claude_code_subagent`), as a person set it. */
  claude_code_subagent?: string;
  /** Standards to follow (`all`, `global/*`, `backend/api.md`, `none`), as a person set them. */
  standards?: string[];
  /** GitHub logins for the group's sub-issue, `@` stripped (`assignees:` list, or `assignee:` one login). */
  assignees?: string[];
}

/** An entry read from the file, with what is needed to match it to a task group and to edit it in place. */
export interface OrchestrationEntry {
  /** The entry's node in the `task_groups` sequence. */
  node: unknown;
  /** 1-based line of the entry in the file. */
  line: number;
  /** `undefined` when the entry names no group. */
  group?: OrchestrationGroup;
  /** The keys a person set beyond `name` (what regenerating the entry must keep). */
  settings: string[];
  problems: string[];
}

const FILE = 'orchestration.yml';

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Text only: a number or `true` is no standard's or subagent's name. */
function textOnly(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
}

/**
 * A list of strings (each with its node) from a sequence of scalars, or from one scalar split on commas (and on
 * spaces when `words`). With `words` (logins) numbers count as text; without (standards) they do not. What is not
 * text is left out: the schema (`ORCHESTRATION_ENTRY_SCHEMA`) names it back with its key.
 */
function stringList(node: unknown, words: boolean): { values: Array<{ text: string; node: unknown }>; bad: boolean } {
  const read = words ? scalarText : textOnly;
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return { values: [], bad: false };
  if (isSeq(node)) {
    const values: Array<{ text: string; node: unknown }> = [];
    let bad = false;
    for (const item of node.items) {
      const text = read(item);
      if (text === undefined) bad = true;
      else if (text !== '') values.push({ text, node: item });
    }
    return { values, bad };
  }
  const text = read(node);
  if (text === undefined) return { values: [], bad: true };
  return {
    values: text.split(words ? /[\s,]+/ : /\s*,\s*/).flatMap((v) => (v === '' ? [] : [{ text: v, node }])),
    bad: false,
  };
}

/** The GitHub logins of `assignees:`/`assignee:`, each once; a value that is no login is left out, and said so. */
function readAssignees(loginNodes: readonly unknown[], whereIs: (at: unknown) => string, problems: string[]): string[] {
  const logins: string[] = [];
  for (const loginNode of loginNodes) {
    const read = stringList(loginNode, true);
    for (const { text: value, node: valueNode } of read.values) {
      const login = value.replace(/^@/, '');
      if (!isGitHubLogin(login)) {
        problems.push(
          `${whereIs(valueNode)}: \`${value.replace(/`/g, "'")}\` is not a GitHub login (letters, digits and single hyphens, at most 39 characters); it is left out.`,
        );
      } else if (!logins.some((l) => l.toLowerCase() === login.toLowerCase())) {
        logins.push(login);
      }
    }
  }
  return logins;
}

/** The entry's `number:` when it is one, else the number in its name; a `number:` that is no number is said so. */
function readGroupNumber(
  node: YAMLMap,
  name: string,
  whereIs: (at: unknown) => string,
  problems: string[],
): string | undefined {
  const explicitNumber = scalarText(node.get('number', true));
  if (explicitNumber !== undefined && explicitNumber !== '' && !/^\d+$/.test(explicitNumber)) {
    problems.push(
      `${whereIs(node.get('number', true))}: \`number\` should be a task group number such as 2; found \`${explicitNumber}\`, which is ignored.`,
    );
  }
  return explicitNumber !== undefined && /^\d+$/.test(explicitNumber)
    ? String(Number(explicitNumber))
    : splitGroupTitle(name).number;
}

/** Read one `task_groups:` entry: a map with `name` and the keys a person may set, or just a name. */
export function parseOrchestrationEntry(node: unknown, position: number, lines: LineCounter): OrchestrationEntry {
  const lineOf = (at: unknown, fallback = 0): number => {
    const range = (at as Node | null | undefined)?.range;
    return range == null ? fallback : lines.linePos(range[0]).line;
  };
  const line = lineOf(node);
  const where = `${FILE} line ${line}`;
  const whereIs = (at: unknown): string => `${FILE} line ${lineOf(at, line)}`;
  const problems: string[] = [];
  const plain = scalarText(node);
  if (plain !== undefined) {
    const split = splitGroupTitle(plain);
    return plain === ''
      ? { node, line, settings: [], problems: [`${where}: task group ${position + 1} has no name; it is left out.`] }
      : {
          node,
          line,
          group: { name: plain, ...(split.number === undefined ? {} : { number: split.number }) },
          settings: [],
          problems,
        };
  }
  if (!isMap(node)) {
    return {
      node,
      line,
      settings: [],
      problems: [`${where}: task group ${position + 1} should be a map with a \`name:\`; it is left out.`],
    };
  }

  const group: OrchestrationGroup = { name: scalarText(node.get('name', true)) ?? '' };
  const number = readGroupNumber(node, group.name, whereIs, problems);
  if (number !== undefined) group.number = number;

  // Values of the wrong type are left out here; the schema names them back with their key.
  const subagentText = textOnly(node.get('claude_code_subagent', true));
  if (subagentText !== undefined && subagentText !== '') group.claude_code_subagent = subagentText;

  if (node.has('standards')) {
    const standards = stringList(node.get('standards', true), false);
    if (!standards.bad || standards.values.length > 0) group.standards = standards.values.map((v) => v.text);
  }

  if (node.has('assignees') || node.has('assignee')) {
    group.assignees = readAssignees([node.get('assignees', true), node.get('assignee', true)], whereIs, problems);
  }

  const settings = node.items.flatMap((pair) => {
    const key = scalarText(pair.key);
    return key === undefined || key === 'name' ? [] : [key];
  });
  if (group.name === '' && group.number === undefined) {
    return {
      node,
      line,
      settings,
      problems: [...problems, `${where}: task group ${position + 1} has no \`name:\`; it is left out.`],
    };
  }
  return { node, line, group, settings, problems };
}
