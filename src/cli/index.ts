import { Command, CommanderError } from 'commander';
import { errorMessage } from '../core/errors.js';
import { unknownCommand } from './unknown-command.js';
import { readOwnVersion } from '../fs/read-own-version.js';
import { quitQuietlyOnClosedOutput } from './closed-output.js';
import { createTasksCommand } from './create-tasks-command.js';
import { shapeCommand } from './shape-command.js';
import { validateCommand, type CommandResult } from './validate-command.js';
import { writeSpecCommand } from './write-spec-command.js';

function finish(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

function fail(error: unknown, json: boolean): void {
  const message = errorMessage(error);
  finish({
    exitCode: 2,
    stdout: json ? `${JSON.stringify({ ok: false, error: message, files: [] }, null, 2)}\n` : '',
    stderr: `agent-os-github: ${message}\n`,
  });
}

quitQuietlyOnClosedOutput();

const program = new Command()
  .name('agent-os-github')
  .description(
    "Agent OS spec-driven development on GitHub, offline: the App's phases (plan-product, shape-spec, write-spec, create-tasks, " +
      'orchestrate-tasks) on files, and validate to check task files.',
  )
  .version((await readOwnVersion()) ?? 'unknown', '-V, --version', 'print the version')
  .exitOverride()
  .showHelpAfterError('(run `agent-os-github --help` for the commands)');

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

program
  .command('shape-spec')
  .alias('shape')
  .description(
    'Shape an issue kept as a markdown file (its first "# heading" is the title): print the clarifying questions and write ' +
      'agent-os/specs/<date>-<slug>/planning/requirements.md under the current folder.',
  )
  .argument('<issue-file>', 'the issue as markdown')
  .option('--title <title>', "the issue's title (default: the file's first # heading, else its name)")
  .option('--number <number>', 'the issue number, for the branch name and links')
  .option('--date <yyyy-mm-dd>', "the issue's creation date, for the folder name (default: today)")
  .option('--force', 'replace an existing requirements.md')
  .option(
    '--model',
    'ask the questions with the model named by AGENT_OS_MODEL (and AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN), checked against the issue',
  )
  .option('--no-model', 'ask the questions by rules only, even when a model is configured')
  .action(
    async (
      issueFile: string,
      options: { title?: string; number?: string; date?: string; force?: boolean; model?: boolean },
    ) => {
      try {
        const { model, ...rest } = options;
        finish(
          await shapeCommand(issueFile, {
            cwd: process.cwd(),
            ...rest,
            force: options.force === true,
            ...(model === undefined ? {} : { model }),
          }),
        );
      } catch (error) {
        fail(error, false);
      }
    },
  );

program
  .command('write-spec')
  .description(
    'Write SPEC_FOLDER/spec.md from SPEC_FOLDER/planning/requirements.md (keeps a spec.md edited by hand unless --force).',
  )
  .argument('<spec-folder>', 'a spec folder, e.g. agent-os/specs/2026-03-14-team-invites')
  .option('--force', 'replace a spec.md that was edited by hand')
  .option(
    '--model',
    'draft with the model named by AGENT_OS_MODEL (and AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN), checked against the rules',
  )
  .option('--no-model', 'draft by rules only, even when a model is configured')
  .action(async (folder: string, options: { force?: boolean; model?: boolean }) => {
    try {
      finish(
        await writeSpecCommand(folder, {
          cwd: process.cwd(),
          force: options.force === true,
          ...(options.model === undefined ? {} : { model: options.model }),
        }),
      );
    } catch (error) {
      fail(error, false);
    }
  });

program
  .command('create-tasks')
  .description(
    'Write SPEC_FOLDER/tasks.md (Agent OS task groups) from SPEC_FOLDER/spec.md (keeps an existing tasks.md unless --force).',
  )
  .argument('<spec-folder>', 'a spec folder with spec.md')
  .option('--force', 'replace an existing tasks.md')
  .option(
    '--model',
    'draft with the model named by AGENT_OS_MODEL (and AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN), checked against the rules',
  )
  .option('--no-model', 'draft by rules only, even when a model is configured')
  .action(async (folder: string, options: { force?: boolean; model?: boolean }) => {
    try {
      finish(
        await createTasksCommand(folder, {
          cwd: process.cwd(),
          force: options.force === true,
          ...(options.model === undefined ? {} : { model: options.model }),
        }),
      );
    } catch (error) {
      fail(error, false);
    }
  });

program
  .command('orchestrate-tasks')
  .alias('orchestrate')
  .description(
    'Write SPEC_FOLDER/orchestration.yml (one entry per task group of tasks.md, keeping the subagents, standards and assignees set in it) ' +
      'and one implementation prompt per task group in SPEC_FOLDER/implementation/prompts, for a coding agent to run.',
  )
  .argument('<spec-folder>', 'a spec folder with tasks.md')
  .option(
    '--model',
    "add the model's guidance (AGENT_OS_MODEL, AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN) to each prompt, checked against the tasks",
  )
  .option('--no-model', 'write the prompts by rules only, even when a model is configured')
  .action(async (folder: string, options: { model?: boolean }) => {
    try {
      const { orchestrateCommand } = await import('./orchestrate-command.js');
      finish(
        await orchestrateCommand(folder, {
          cwd: process.cwd(),
          ...(options.model === undefined ? {} : { model: options.model }),
        }),
      );
    } catch (error) {
      fail(error, false);
    }
  });

program
  .command('plan-product')
  .description(
    'Write <spec root>/product/tech-stack.md from the manifests of the current folder and, with --from, mission.md and roadmap.md ' +
      'from a product description. Exit 0: written; 1: the description lacks what Agent OS needs (questions printed); 2: a product file exists (use --force).',
  )
  .option('--from <file>', 'the product description as markdown (its first "# heading" is the name)')
  .option('--force', 'replace existing product files')
  .option(
    '--model',
    'draft mission.md and roadmap.md with the model named by AGENT_OS_MODEL (and AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN), checked against the rules',
  )
  .option('--no-model', 'draft by rules only, even when a model is configured')
  .action(async (options: { from?: string; force?: boolean; model?: boolean }) => {
    try {
      const { planProductCommand } = await import('./plan-product-command.js');
      finish(
        await planProductCommand({
          cwd: process.cwd(),
          force: options.force === true,
          ...(options.from === undefined ? {} : { from: options.from }),
          ...(options.model === undefined ? {} : { model: options.model }),
        }),
      );
    } catch (error) {
      fail(error, false);
    }
  });

const unknown = unknownCommand(program, process.argv.slice(2));
try {
  if (unknown !== undefined) {
    process.stderr.write(`agent-os-github: ${unknown}\n`);
    process.exitCode = 2;
  } else {
    await program.parseAsync(process.argv);
  }
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    fail(error, false);
  }
}
