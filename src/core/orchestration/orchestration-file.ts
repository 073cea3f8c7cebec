import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  YAMLSeq,
  type Node,
  type YAMLMap,
} from 'yaml';
import type { z } from 'zod';
import type { TaskFile } from '../tasks/types.js';
import { groupName, sameGroupName } from './group-name.js';
import { parseOrchestrationEntry, type OrchestrationEntry, type OrchestrationGroup } from './orchestration-group.js';
import {
  checkAgainst,
  ENTRY_KEYS,
  FILE_KEYS,
  ORCHESTRATION_ENTRY_SCHEMA,
  ORCHESTRATION_FILE_SCHEMA,
  type SchemaProblem,
} from './orchestration-schema.js';

export type { OrchestrationGroup } from './orchestration-group.js';

export interface OrchestrationPlan {
  /** One per task group of tasks.md, in its order (`groups[i]` is `tasks.groups[i]`), with what a person set for it. */
  groups: OrchestrationGroup[];
  /** orchestration.yml: the existing text itself when nothing in it needs to change. */
  text: string;
  /** What could not be used, and entries dropped or renamed, as sentences for a person. */
  problems: string[];
}

const FILE = 'orchestration.yml';
const KEY = 'task_groups';

/** The first lines of a new orchestration.yml: what a person may set, and that it is kept. */
const HEADER = [
  ' Agent OS orchestration: one entry per task group of tasks.md, in its order.',
  ' For each group you may set:',
  '   claude_code_subagent: the Claude Code subagent that implements it (e.g. database-engineer)',
  '   standards: a list of agent-os/standards to follow (all, global/*, backend/api.md, none)',
  '   assignees: a list of GitHub logins its sub-issue is assigned to',
  ' These are kept when this file is written again from tasks.md.',
].join('\n');

const YAML_OPTIONS = { lineWidth: 0 } as const;

type ReadFile =
  | { ok: true; doc: Document; entries: OrchestrationEntry[]; hasList: boolean; problems: string[] }
  | { ok: false; problems: string[] };

function readFile(yaml: string): ReadFile {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = lines.linePos(error.pos[0]).line;
    const message = (error.message.split('\n')[0] ?? '').replace(/\.$/, '');
    return { ok: false, problems: [`${FILE} could not be read as YAML (line ${line}): ${message}.`] };
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null))
    return { ok: true, doc, entries: [], hasList: false, problems: [] };
  if (!isMap(contents)) {
    return { ok: false, problems: [`${FILE} should be a map with a \`${KEY}:\` list; it is not one.`] };
  }
  const list = contents.get(KEY, true);
  if (list === undefined || (isScalar(list) && list.value === null))
    return { ok: true, doc, entries: [], hasList: false, problems: [] };
  if (!isSeq(list))
    return {
      ok: false,
      problems: [`${FILE}: \`${KEY}\` should be a list of task groups (\`- name: …\`); it is not one.`],
    };
  const entries = list.items.map((item, position) => parseOrchestrationEntry(item, position, lines));
  const problems = [
    ...schemaProblems(contents, ORCHESTRATION_FILE_SCHEMA, FILE_KEYS, [], lines, FILE),
    ...list.items.flatMap((item, position) => [
      ...(isMap(item)
        ? schemaProblems(item, ORCHESTRATION_ENTRY_SCHEMA, ENTRY_KEYS, [KEY, position], lines, 'a task group')
        : []),
      ...(entries[position]?.problems ?? []),
    ]),
  ];
  return { ok: true, doc, entries, hasList: true, problems };
}

/** `task_groups[1].standards` */
function keyPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
}

/**
 * A map of the file checked against its schema: each problem as a sentence naming its line and its key path
 * (`orchestration.yml line 9: \`task_groups[1].asignees\` is not a key …`), in the order of the file.
 */
function schemaProblems(
  map: YAMLMap,
  schema: z.ZodType,
  known: readonly string[],
  at: ReadonlyArray<string | number>,
  lines: LineCounter,
  owner: string,
): string[] {
  const lineOf = (problem: SchemaProblem): number => {
    const key = problem.path[0];
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    const node = (problem.message.startsWith('is not a key') ? pair?.key : (pair?.value ?? pair?.key)) as
      Node | null | undefined;
    const range = node?.range ?? map.range;
    return range == null ? 0 : lines.linePos(range[0]).line;
  };
  return checkAgainst(schema, map.toJSON(), known, owner)
    .map((problem) => ({ line: lineOf(problem), text: `\`${keyPath([...at, ...problem.path])}\` ${problem.message}.` }))
    .sort((a, b) => a.line - b.line)
    .map((p) => `${FILE} line ${p.line}: ${p.text}`);
}

/** Read orchestration.yml: its task groups (those with a name) and every problem found. Total: any text gives a result. */
export function parseOrchestration(yaml: string): { groups: OrchestrationGroup[]; problems: string[] } {
  const read = readFile(yaml);
  if (!read.ok) return { groups: [], problems: read.problems };
  const groups = read.entries.flatMap((e) => (e.group !== undefined && e.group.name !== '' ? [e.group] : []));
  return { groups, problems: read.problems };
}

interface Wanted {
  name: string;
  number?: string;
}

type Match = { entry: OrchestrationEntry; by: 'name' | 'number' | 'position' };

/**
 * Pair each task group with an entry of the file: by name (exactly, then loosely), then by number, then, for a group
 * renamed in tasks.md, by position (the entry at the same place that nothing else claimed).
 */
function matchEntries(wanted: readonly Wanted[], entries: readonly OrchestrationEntry[]): Array<Match | undefined> {
  const claimed = new Set<OrchestrationEntry>();
  const matches: Array<Match | undefined> = wanted.map(() => undefined);
  const pass = (
    by: Match['by'],
    fits: (w: Wanted, i: number, e: OrchestrationEntry, position: number) => boolean,
  ): void => {
    wanted.forEach((w, i) => {
      if (matches[i] !== undefined) return;
      const entry = entries.find((e, position) => e.group !== undefined && !claimed.has(e) && fits(w, i, e, position));
      if (entry === undefined) return;
      claimed.add(entry);
      matches[i] = { entry, by };
    });
  };
  const numberFits = (w: Wanted, e: OrchestrationEntry): boolean =>
    e.group?.number === undefined || w.number === undefined || e.group.number === w.number;
  pass('name', (w, _i, e) => e.group?.name === w.name && numberFits(w, e));
  pass(
    'name',
    (w, _i, e) =>
      e.group !== undefined && e.group.name !== '' && sameGroupName(e.group.name, w.name) && numberFits(w, e),
  );
  pass('number', (w, _i, e) => w.number !== undefined && e.group?.number === w.number);
  pass('position', (_w, i, _e, position) => position === i);
  return matches;
}

function settingsOf(group: OrchestrationGroup | undefined): Omit<OrchestrationGroup, 'name' | 'number'> {
  if (group === undefined) return {};
  return {
    ...(group.claude_code_subagent === undefined ? {} : { claude_code_subagent: group.claude_code_subagent }),
    ...(group.standards === undefined ? {} : { standards: group.standards }),
    ...(group.assignees === undefined ? {} : { assignees: group.assignees }),
  };
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, "'")}"`;
}

/**
 * The groups of a read orchestration.yml (`parseOrchestration(…).groups`) paired with the task groups of tasks.md
 * the way `planOrchestration` pairs them (name, then number, then position): `result[i]` is for `tasks.groups[i]`,
 * with the group's name and number as tasks.md has them.
 */
export function orchestrationFor(
  tasks: TaskFile,
  groups: readonly OrchestrationGroup[],
): Array<OrchestrationGroup | undefined> {
  const wanted: Wanted[] = tasks.groups.map((g) => ({
    name: groupName(g),
    ...(g.number === undefined ? {} : { number: g.number }),
  }));
  const entries: OrchestrationEntry[] = groups.map((group, position) => ({
    node: undefined,
    line: position + 1,
    group,
    settings: [],
    problems: [],
  }));
  return matchEntries(wanted, entries).map((m, i) => {
    const w = wanted[i];
    return m === undefined || w === undefined ? undefined : { ...w, ...settingsOf(m.entry.group) };
  });
}

function renderNew(wanted: readonly Wanted[]): string {
  const doc = new Document({ [KEY]: wanted.map((w) => ({ name: w.name })) });
  doc.commentBefore = HEADER;
  return doc.toString(YAML_OPTIONS);
}

/** What was lost with each entry that no task group of tasks.md matched any more. */
function droppedEntryProblems(entries: readonly OrchestrationEntry[], used: ReadonlySet<OrchestrationEntry>): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    if (used.has(entry) || entry.group === undefined) continue;
    const lost =
      entry.settings.length === 0 ? '' : ` (its ${entry.settings.map((s) => `\`${s}\``).join(', ')} went with it)`;
    problems.push(
      `${FILE} line ${entry.line}: tasks.md has no task group ${quoted(entry.group.name || `number ${entry.group.number ?? ''}`)} any more, so its entry was dropped${lost}.`,
    );
  }
  return problems;
}

/** Put the entries in the document's `task_groups:` list, making the list (or the whole map) when there is none. */
function setGroupList(doc: Document, items: unknown[]): void {
  const contents = isMap(doc.contents) ? doc.contents : undefined;
  const list = contents?.get(KEY, true);
  if (isSeq(list)) {
    list.items = items;
    return;
  }
  const seq = new YAMLSeq();
  seq.items = items;
  if (contents === undefined) doc.contents = doc.createNode({ [KEY]: seq });
  else contents.set(KEY, seq);
}

/**
 * orchestration.yml for a task file (Agent OS `task_groups:` with a `name` per group, in tasks.md order), keeping
 * what a person set in an existing one: each entry's keys and comments stay with its group, matched by name or
 * number. When the entries already name the groups in order, the existing text comes back byte for byte, so
 * running again changes nothing. A file that cannot be read is left as it is, and said so.
 */
export function planOrchestration(tasks: TaskFile, existingYaml?: string): OrchestrationPlan {
  const wanted: Wanted[] = tasks.groups.map((g) => ({
    name: groupName(g),
    ...(g.number === undefined ? {} : { number: g.number }),
  }));
  const bare = wanted.map((w) => ({ ...w }));
  if (existingYaml === undefined || existingYaml.trim() === '')
    return { groups: bare, text: renderNew(wanted), problems: [] };

  const read = readFile(existingYaml);
  if (!read.ok) {
    const kept = `It is left as it is: fix it, or delete it to have it written again from tasks.md.`;
    return { groups: bare, text: existingYaml, problems: read.problems.map((p) => `${p} ${kept}`) };
  }
  const problems = [...read.problems];
  const matches = matchEntries(wanted, read.entries);
  const doc = read.doc;
  let changed = !read.hasList;

  const items = wanted.map((w, i) => {
    const match = matches[i];
    if (match === undefined) {
      changed = true;
      return doc.createNode({ name: w.name });
    }
    const { entry, by } = match;
    if (by === 'name') return entry.node;
    changed = true;
    const was = entry.group?.name ?? '';
    const how = by === 'number' ? `Task Group ${w.number ?? ''}` : `task group ${i + 1}`;
    problems.push(
      was === ''
        ? `${FILE} line ${entry.line}: the entry for ${how} had no name; it is now ${quoted(w.name)}.`
        : `${FILE} line ${entry.line}: ${quoted(was)} is now ${quoted(w.name)} in tasks.md (matched by ${by === 'number' ? 'number' : 'position'}); its settings are kept.`,
    );
    if (isMap(entry.node)) {
      entry.node.set('name', w.name);
      return entry.node;
    }
    return new Scalar(w.name);
  });

  const used = new Set(matches.flatMap((m) => (m === undefined ? [] : [m.entry])));
  if (read.entries.some((entry) => !used.has(entry))) changed = true;
  problems.push(...droppedEntryProblems(read.entries, used));

  const groups = wanted.map((w, i) => ({ ...w, ...settingsOf(matches[i]?.entry.group) }));
  const contents = isMap(doc.contents) ? doc.contents : undefined;
  const list = contents?.get(KEY, true);
  const before = isSeq(list) ? list.items : [];
  if (items.length !== before.length || items.some((node, i) => node !== before[i])) changed = true;
  if (!changed) return { groups, text: existingYaml, problems };
  setGroupList(doc, items);
  return { groups, text: doc.toString(YAML_OPTIONS), problems };
}
