import { fingerprint } from '../markdown/fingerprint.js';

/**
 * Files the App writes end with one hidden line, `<!-- agent-os-github:<kind> {json} -->`, holding the
 * fingerprint of everything above it (and any state the App keeps with the file). A file whose text no longer
 * matches its fingerprint was changed by a person, and the App leaves it alone unless asked to regenerate.
 */
export type MarkedFileKind = 'requirements' | 'spec' | 'tasks' | 'verification' | 'mission' | 'roadmap' | 'prompt';

const PREFIX = '<!-- agent-os-github:';

/** JSON safe inside an HTML comment: no `<`, `>` or `&` that could end or confuse it. */
function encode(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Append the marker line to a file's content. */
export function markFile(kind: MarkedFileKind, content: string, data: object): string {
  const body = content.endsWith('\n') ? content : `${content}\n`;
  return `${body}\n${PREFIX}${kind} ${encode({ ...data, fingerprint: fingerprint(body) })} -->\n`;
}

export type MarkedFile<T> =
  | { marked: false }
  | { marked: true; data: T; /** The text above the marker is what the App wrote. */ intact: boolean; content: string };

/** Read the marker line back: its data, and whether the content above it is unchanged. */
export function parseMarkedFile<T extends object>(kind: MarkedFileKind, text: string): MarkedFile<T> {
  const normalised = text.replace(/\r\n?/g, '\n');
  const at = normalised.lastIndexOf(`\n${PREFIX}${kind} `);
  if (at < 0) return { marked: false };
  const lineEnd = normalised.indexOf('\n', at + 1);
  const line = (lineEnd < 0 ? normalised.slice(at + 1) : normalised.slice(at + 1, lineEnd)).trimEnd();
  // Text added after our last line is a person's edit too.
  const after = lineEnd < 0 ? '' : normalised.slice(lineEnd).trim();
  if (!line.endsWith(' -->')) return { marked: false };
  let data: unknown;
  try {
    data = JSON.parse(line.slice(PREFIX.length + kind.length + 1, -4));
  } catch {
    return { marked: false };
  }
  if (typeof data !== 'object' || data === null) return { marked: false };
  const content = normalised.slice(0, at);
  const recorded = (data as { fingerprint?: unknown }).fingerprint;
  return { marked: true, data: data as T, intact: after === '' && recorded === fingerprint(content), content };
}
