import type { Command } from 'commander';
import { nearestWord } from '../core/text/nearest-word.js';

/**
 * When the first argument names no command of the program (nor an alias), the message to show: the nearest
 * command, else the list of them. `undefined` when the arguments start with a known command or an option.
 */
export function unknownCommand(program: Command, args: readonly string[]): string | undefined {
  const [first] = args;
  if (first === undefined || first.startsWith('-')) return undefined;
  const commands = program.commands.map((c) => ({ name: c.name(), aliases: c.aliases() }));
  const known = [...commands.flatMap((c) => [c.name, ...c.aliases]), 'help'];
  if (known.includes(first)) return undefined;
  const nearest = nearestWord(first, known);
  const name = commands.find((c) => c.name === nearest || c.aliases.includes(nearest ?? ''))?.name ?? nearest;
  const names = commands.map((c) => c.name).join(', ');
  return name === undefined
    ? `unknown command '${first}'. The commands are ${names} (run \`agent-os-github --help\` for what each does).`
    : `unknown command '${first}'. Did you mean \`agent-os-github ${name}\`? The commands are ${names}.`;
}
