import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  slugify
} from "./chunk-XCC4W2SI.js";

// src/core/spec/make-slug.ts
var MAX_SLUG_LENGTH = 40;
function makeSlug(title, fallback) {
  const full = slugify(title, { lowercase: true, decamelize: false, separator: "-" }).replace(/[^a-z0-9-]/g, "");
  let slug = full;
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf("-");
    slug = lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG_LENGTH);
  }
  slug = slug.replace(/^-+|-+$/g, "").replace(/-{2,}/g, "-");
  return slug === "" ? fallback : slug;
}

export {
  makeSlug
};
