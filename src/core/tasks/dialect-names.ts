import type { Dialect } from './types.js';

/** How each dialect is named to people. */
export const DIALECT_NAMES: Record<Dialect, string> = {
  'agent-os': 'Agent OS',
  'spec-kit': 'Spec Kit',
  kiro: 'Kiro',
  openspec: 'OpenSpec',
  bmad: 'BMAD story',
  'spec-workflow': 'spec-workflow',
  gfm: 'Markdown checklist',
};
