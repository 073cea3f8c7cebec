import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';

/** A manifest read into data, or why it could not be. */
export type ParsedManifest = { ok: true; value: unknown } | { ok: false; message: string };

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim().replace(/:$/, '');
}

/** JSON, or a message that says the file is not JSON and why. */
export function parseJsonManifest(path: string, content: string): ParsedManifest {
  try {
    return { ok: true, value: JSON.parse(content.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON (${firstLine(error)}); it was skipped.` };
  }
}

/** TOML, or a message that says the file is not TOML and where. */
export function parseTomlManifest(path: string, content: string): ParsedManifest {
  try {
    return { ok: true, value: parseToml(content.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const where =
      error instanceof Error && 'line' in error && typeof error.line === 'number' ? `line ${error.line}: ` : '';
    return {
      ok: false,
      message: `${path} is not valid TOML (${where}${firstLine(error).replace(/^Invalid TOML document: /, '')}); it was skipped.`,
    };
  }
}

/** YAML (its first document), or a message that says the file is not YAML and why. */
export function parseYamlManifest(path: string, content: string): ParsedManifest {
  try {
    const documents = parseAllDocuments(content, { uniqueKeys: false });
    const first = Array.isArray(documents) ? documents[0] : undefined;
    if (first === undefined) return { ok: true, value: null };
    const [error] = first.errors;
    if (error !== undefined)
      return { ok: false, message: `${path} is not valid YAML (${firstLine(error)}); it was skipped.` };
    return { ok: true, value: first.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { ok: false, message: `${path} is not valid YAML (${firstLine(error)}); it was skipped.` };
  }
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when it is a plain object, else an empty one. */
export function recordAt(value: unknown, key: string): Record<string, unknown> {
  if (!isRecord(value)) return {};
  const found = value[key];
  return isRecord(found) ? found : {};
}

/** `value[key]` when it is a string. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const found = value[key];
  return typeof found === 'string' ? found : undefined;
}

/** The strings of `value[key]` when it is an array (other elements skipped). */
export function stringsAt(value: unknown, key: string): string[] {
  if (!isRecord(value)) return [];
  const found = value[key];
  return Array.isArray(found) ? found.filter((v): v is string => typeof v === 'string') : [];
}
