import type { StackEntry } from '../product/stack-entry.js';

/** At most this many stack lines reach a prompt: the stack is context, not the subject. */
export const MAX_STACK_LINES = 40;

/**
 * The detected tech stack as a prompt lists it, one line an entry with the file that says so
 * (`Framework: Next.js 15.1.0 (package.json)`); facts detected from manifests, never the model's guess.
 */
export function stackLines(entries: readonly StackEntry[]): string[] {
  return entries.slice(0, MAX_STACK_LINES).map((e) => `${e.category}: ${e.name} (${e.source})`);
}

/** The prompt section for the stack; `(none detected)` when no manifest said anything. */
export function renderStackSection(entries: readonly StackEntry[]): string[] {
  const lines = stackLines(entries);
  return [
    "## Detected tech stack (from the repository's manifests)",
    ...(lines.length === 0 ? ['(none detected)'] : lines.map((l) => `- ${l}`)),
  ];
}
