import { plainText } from '../markdown/plain-text.js';
import type { ProductFeature } from './product-brief.js';

/** The Agent OS effort scale, smallest first. */
export const EFFORTS = ['XS', 'S', 'M', 'L', 'XL'] as const;
export type Effort = (typeof EFFORTS)[number];

/** What each effort means (Agent OS's scale). */
export const EFFORT_SCALE: Readonly<Record<Effort, string>> = {
  XS: '1 day',
  S: '2–3 days',
  M: '1 week',
  L: '2 weeks',
  XL: '3+ weeks',
};

/** Word counts (title and description together) up to which a feature is XS, S, M, L; longer is XL. */
const SIZE_BY_WORDS: readonly number[] = [6, 16, 32, 56];

/** Kinds of work that usually span several parts of a system; each kind named raises the estimate. */
const HEAVY_WORK: readonly RegExp[] = [
  /\bintegrat|\bwebhooks?\b|\bapis?\b|third[- ]party|\bslack\b|\bjira\b|\bzapier\b/,
  /\bbilling\b|\bpayments?\b|\bsubscriptions?\b|\bstripe\b|\binvoic|\bcheckout\b/,
  /real[- ]?time|\bsync|\bwebsockets?\b|\blive updates?\b|\bcollaborat/,
  /\bauth|\bsso\b|\bsaml\b|\bpermissions?\b|\broles?\b|access control|\b2fa\b|two[- ]factor/,
  /\bimports?\b|\bexports?\b|\bmigrat|\bcsv\b|\bbackups?\b/,
  /\bsearch/,
  /\banalytics\b|\breports?\b|\breporting\b|\bdashboards?\b|\bmetrics\b/,
  /\bnotifications?\b|\bpush\b|\bsms\b|\bdigests?\b/,
  /\bai\b|machine learning|\bllms?\b|\brecommendations?\b/,
  /\boffline\b|multi[- ]?tenan|\bi18n\b|\blocali[sz]/,
];

/** Small, contained work: lowers an estimate of S or less that names no heavy work. */
const LIGHT_WORK = /\b(page|link|toggle|theme|dark mode|logo|footer|banner|tooltip|rename)\b/;

/**
 * A first, deterministic estimate of a feature's effort, for people to adjust:
 * 1. By length: the words of its title and description together, ≤ 6 → XS, ≤ 16 → S, ≤ 32 → M, ≤ 56 → L, more → XL.
 * 2. One size up if it names one kind of heavy work (integrations/APIs, billing, real-time/sync, auth/permissions,
 *    import/export, search, analytics/reports, notifications, AI, offline/multi-tenancy/i18n), two sizes up if it
 *    names three kinds or more.
 * 3. Otherwise one size down (not below XS) when it is S or less and names small UI work (a page, a link, a toggle,
 *    a theme, dark mode, a logo, a banner, a tooltip, a rename).
 */
export function estimateEffort(feature: ProductFeature): Effort {
  const text = plainText(`${feature.title} ${feature.description}`).toLowerCase();
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let size = SIZE_BY_WORDS.findIndex((limit) => words <= limit);
  if (size === -1) size = SIZE_BY_WORDS.length;
  const heavy = HEAVY_WORK.filter((pattern) => pattern.test(text)).length;
  if (heavy >= 3) size += 2;
  else if (heavy > 0) size += 1;
  else if (size <= 1 && LIGHT_WORK.test(text)) size -= 1;
  return EFFORTS[Math.min(Math.max(size, 0), EFFORTS.length - 1)] ?? 'M';
}
