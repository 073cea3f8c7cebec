import { Command, CommanderError } from 'commander';
import { isAgentOsError } from '../core/errors.js';
import { validateCommand, type CommandResult } from './validate-command.js';

function finish(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

function fail(error: unknown, json: boolean): void {
  const message = isAgentOsError(error) ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  finish({
    exitCode: 2,
    stdout: json ? `${JSON.stringify({ ok: false, error: message, files: [] }, null, 2)}\n` : '',
    stderr: `agent-os-github: ${message}\n`,
  });
}

const program = new Command()
  .name('agent-os-github')
  .description('Agent OS spec-driven development on GitHub: check task files offline.')
  .exitOverride()
  .showHelpAfterError();

program
  .command('validate')
  .description(
    'Check task files (Agent OS, Spec Kit, Kiro, OpenSpec, BMAD, spec-workflow, GitHub checklists). ' +
      'With no PATH, finds them under the current folder. Exit 0: all required tasks complete; 1: some are not; 2: bad input.',
  )
  .argument('[paths...]', 'task files, or folders to search for task files')
  .option('--json', 'print one JSON object on stdout')
  .action(async (paths: string[], options: { json?: boolean }) => {
    const json = options.json === true;
    try {
      finish(await validateCommand(paths, { json, cwd: process.cwd() }));
    } catch (error) {
      fail(error, json);
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    fail(error, false);
  }
}
