import { embedVerbatim } from '../markdown/embed-verbatim.js';
import { escapeMarkdown } from '../markdown/escape-markdown.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { plainText } from '../markdown/plain-text.js';
import type { ProductBrief, ProductFeature } from './product-brief.js';
import { splitFeature } from './split-feature.js';

const NOT_YET = '_Not described yet._';

/** A one-line entry (a user segment, a differentiator) split like a feature: `Title: description`. */
function splitLine(line: string): ProductFeature {
  const [node] = parseMarkdown(line).children;
  return node?.type === 'paragraph' ? splitFeature(line, node.children) : { title: plainText(line), description: '' };
}

function boldLead(entry: ProductFeature, fallback: string): string {
  return entry.description === '' ? fallback : `**${escapeMarkdown(entry.title)}:** ${entry.description}`;
}

/** The pitch, opening with the product's name when it does not say it. */
function pitchOf(brief: ProductBrief): string {
  const pitch = embedVerbatim(brief.pitch);
  if (pitch === '') return NOT_YET;
  return plainText(pitch).toLowerCase().includes(brief.name.toLowerCase()) ? pitch : `**${escapeMarkdown(brief.name)}**: ${pitch}`;
}

function personas(users: readonly string[]): string[] {
  const split = users.map((line) => splitLine(line)).filter((u) => u.description !== '');
  if (split.length === 0) return ['_No personas described yet: add one per kind of user (role, context, pain points, goals)._'];
  return split.flatMap((u, index) => [...(index > 0 ? [''] : []), `**${escapeMarkdown(u.title)}**`, `- **Context:** ${u.description}`]);
}

function listOr(lines: readonly string[], empty: string): readonly string[] {
  return lines.length > 0 ? lines : [empty];
}

/**
 * mission.md in the Agent OS format: Pitch, Users (Primary Customers, User Personas), The Problem, Differentiators,
 * Key Features. What people wrote is kept as written; what the brief does not say is marked as not described yet.
 */
export function renderMission(brief: ProductBrief): string {
  const problem = embedVerbatim(brief.problem);
  const lines = [
    '# Product Mission',
    '',
    '## Pitch',
    '',
    pitchOf(brief),
    '',
    '## Users',
    '',
    '### Primary Customers',
    '',
    ...listOr(brief.users.map((line) => `- ${boldLead(splitLine(line), line)}`), NOT_YET),
    '',
    '### User Personas',
    '',
    ...personas(brief.users),
    '',
    '## The Problem',
    '',
    problem === '' ? NOT_YET : problem,
    '',
    '## Differentiators',
    '',
    ...listOr(brief.differentiators.map((line) => `- ${boldLead(splitLine(line), line)}`), '_None listed yet._'),
    '',
    '## Key Features',
    '',
    '### Core Features',
    '',
    ...listOr(brief.features.map((f) => (f.description === '' ? `- **${escapeMarkdown(f.title)}**` : `- **${escapeMarkdown(f.title)}:** ${f.description}`)), NOT_YET),
    '',
  ];
  return lines.join('\n');
}
