import { rankRelevantFiles } from './rank-relevant-files.js';

/** Relevant source files read for a draft (each whole, within the token budget). */
export const RELEVANT_FILES = 8;

/**
 * The files a spec draft reads, from the repository's paths: the product docs and standards under the spec root,
 * then the source files most relevant to the feature's text. The spec's own folder is never among them.
 */
export function chooseGroundingFiles(paths: readonly string[], specRoot: string, text: string): string[] {
  const product = paths.filter((p) => p.startsWith(`${specRoot}/product/`) && p.endsWith('.md'));
  const standards = paths.filter((p) => p.startsWith(`${specRoot}/standards/`) && p.endsWith('.md'));
  const relevant = rankRelevantFiles(
    paths.filter((p) => !p.startsWith(`${specRoot}/`)),
    text,
    RELEVANT_FILES,
  );
  return [...product, ...standards, ...relevant];
}

/** A file longer than this is cut: the start of a file says most about what it offers. */
export const MAX_FILE_CHARS = 12_000;

export function clipFile(text: string): string {
  return text.length > MAX_FILE_CHARS ? `${text.slice(0, MAX_FILE_CHARS)}\n…` : text;
}
