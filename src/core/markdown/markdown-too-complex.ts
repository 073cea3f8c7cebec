import { AgentOsError } from '../errors.js';

/** Which bound a text went past. */
export type ComplexityLimit = 'nesting' | 'emphasis' | 'containers' | 'paragraph';

/**
 * A text the markdown parser would take too long on (its time grows faster than the text: with nesting, with
 * emphasis delimiters in one paragraph, with list items closed inside one long block quote or list item), refused
 * before that work is done. A user-input error: the message names the line, what went past which limit, and how
 * to fix it.
 */
export class MarkdownTooComplexError extends AgentOsError {
  readonly line: number;
  readonly limit: ComplexityLimit;

  constructor(limit: ComplexityLimit, line: number, message: string) {
    super('user-input', message);
    this.name = 'MarkdownTooComplexError';
    this.line = line;
    this.limit = limit;
  }

  /** The same refusal for a text that starts `lines` lines further down (a piece of a longer document). */
  movedDown(lines: number): MarkdownTooComplexError {
    if (lines === 0) return this;
    const line = this.line + lines;
    return new MarkdownTooComplexError(this.limit, line, this.message.replace(`Line ${this.line}:`, `Line ${line}:`));
  }
}

export function isMarkdownTooComplex(error: unknown): error is MarkdownTooComplexError {
  return error instanceof MarkdownTooComplexError;
}
