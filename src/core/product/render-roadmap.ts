import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { EFFORT_SCALE, EFFORTS, estimateEffort } from './estimate-effort.js';
import type { ProductBrief, ProductFeature } from './product-brief.js';

/** One roadmap line: `1. [ ] Title — description \`S\``. */
export function renderRoadmapLine(number: number, feature: ProductFeature): string {
  const description = feature.description === '' ? '' : ` — ${feature.description}`;
  return `${number}. [ ] ${escapeMarkdown(feature.title)}${description} \`${estimateEffort(feature)}\``;
}

/**
 * roadmap.md in the Agent OS format: an ordered checklist, one end-to-end testable feature a line with its effort
 * (a first estimate, see `estimateEffort`), in the order the product description lists them, and Agent OS's notes.
 */
export function renderRoadmap(brief: ProductBrief): string {
  const scale = EFFORTS.map((effort) => `\`${effort}\` ${EFFORT_SCALE[effort]}`).join(', ');
  const items = brief.features.map((feature, index) => renderRoadmapLine(index + 1, feature));
  return [
    '# Product Roadmap',
    '',
    ...(items.length > 0 ? items : ['_No key features yet: add them as `1. [ ] Feature — what it lets users do \\`S\\``._']),
    '',
    '> Notes',
    '> - Order items by technical dependencies and product architecture (they start in the order the product description lists them)',
    '> - Each item should represent an end-to-end (frontend + backend) functional and testable feature',
    `> - Effort scale: ${scale}`,
    '> - Efforts are first estimates from the length of each description and the kinds of work it names (integrations, billing, sync, permissions, search, …): adjust them',
    '',
  ].join('\n');
}
