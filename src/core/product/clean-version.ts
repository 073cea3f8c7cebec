/** A version as people write it: digits and dots, an optional pre-release or build suffix, `+` for "or later". */
const PLAIN_VERSION = /^\d+(\.\d+)*([-+][0-9A-Za-z.-]+)?\+?$/;

/**
 * The version a manifest asks for, as tech-stack.md shows it: range operators removed (`^5.9.3` → `5.9.3`,
 * `~> 7.1` → `7.1`, `==4.2.*` → `4.2`, `v1.22` → `1.22`), a lower bound read as "or later" (`>=3.11,<4` → `3.11+`),
 * the first of alternatives (`^7.4 || ^8.0` → `7.4`). `undefined` for anything that names no version: `*`,
 * `latest`, a path, a git or workspace reference, an upper bound only.
 */
export function cleanVersion(spec: string | undefined): string | undefined {
  if (spec === undefined) return undefined;
  let text = spec.trim();
  const alias = /^npm:.+@([^@]+)$/.exec(text);
  if (alias?.[1] !== undefined) text = alias[1];
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.includes('/')) return undefined;
  const [firstAlternative = ''] = text.split(/\s*\|\|?\s*/);
  const [firstClause = ''] = firstAlternative.trim().split(/\s*,\s*|\s+(?=[<>=!~^])/);
  let clause = firstClause.replace(/\s+/g, '');
  let orLater = false;
  if (clause.startsWith('>=')) {
    orLater = true;
    clause = clause.slice(2);
  }
  clause = clause.replace(/^(\^|~>|~=|===|==|=|~|v)/, '').replace(/^v(?=\d)/, '');
  clause = clause.replace(/(\.[xX*])+$/, '');
  const version = orLater ? `${clause}+` : clause;
  return PLAIN_VERSION.test(version) ? version : undefined;
}

/** The leading version of an image tag or a version file's line: `16-alpine` → `16`, `v20.11.0` → `20.11.0`. */
export function leadingVersion(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^v?(\d+(?:\.\d+)*)/.exec(text.trim());
  return match?.[1];
}
