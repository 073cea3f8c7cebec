import slugify from '@sindresorhus/slugify';

/** Slugs are cut to this many characters (at a hyphen where there is one). */
export const MAX_SLUG_LENGTH = 40;

/**
 * A folder- and ref-safe slug for an issue title: lowercase ASCII letters, digits and single hyphens, at most 40
 * characters, never empty (`fallback` when the title has nothing to transliterate, e.g. emoji or CJK only).
 */
export function makeSlug(title: string, fallback: string): string {
  const full = slugify(title, { lowercase: true, decamelize: false, separator: '-' }).replace(/[^a-z0-9-]/g, '');
  let slug = full;
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf('-');
    slug = lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG_LENGTH);
  }
  slug = slug.replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-');
  return slug === '' ? fallback : slug;
}
