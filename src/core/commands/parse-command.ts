/** The slash commands the App and the Action answer. */
export const COMMAND_NAMES = [
  'plan-product',
  'shape-spec',
  'write-spec',
  'create-tasks',
  'orchestrate-tasks',
  'implement-tasks',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface SlashCommand {
  name: CommandName;
  /** `--force`: regenerate a file even when a person changed it. */
  force: boolean;
  /** Other words after the command, as typed. */
  args: string[];
}

/**
 * The command on the first line of a comment (`/write-spec --force`), case-insensitive; `undefined` when the
 * first line is not one of ours (other bots' commands, prose, a quoted command). Only the first line counts.
 */
export function parseCommand(body: string | null | undefined): SlashCommand | undefined {
  if (!body) return undefined;
  const firstLine =
    body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0]
      ?.trim() ?? '';
  const [word = '', ...rest] = firstLine.split(/\s+/);
  if (!word.startsWith('/')) return undefined;
  const name = word.slice(1).toLowerCase();
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) return undefined;
  const args = rest.filter((a) => a !== '');
  return {
    name: name as CommandName,
    force: args.some((a) => a.toLowerCase() === '--force'),
    args: args.filter((a) => a.toLowerCase() !== '--force'),
  };
}
