import { Command, CommanderError } from 'commander';
import { errorMessage } from '../core/errors.js';
import { unknownCommand } from './unknown-command.js';
import { readOwnVersion } from '../fs/read-own-version.js';
import { quitQuietlyOnClosedOutput } from './closed-output.js';
import type { CommandResult } from './validate-command.js';
import type { writeSpecCommand } from './write-spec-command.js';

// Each command's implementation is imported in its action, so that a start (`--help`, `--version`, one command)
// loads only what it runs: the bundle keeps each in a file of its own (scripts/bundle-action.mjs).

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

/** Run a command: its result printed and its exit code set; any error said on stderr with exit code 2. */
async function run(command: () => Promise<CommandResult>, json = false): Promise<void> {
  try {
    finish(await command());
  } catch (error) {
    fail(error, json);
  }
}

/** The `model` option as the commands take it: unset when neither `--model` nor `--no-model` was given. */
function modelOf(options: { model?: boolean | undefined }): { model?: boolean } {
  return options.model === undefined ? {} : { model: options.model };
}

const MODEL_ENV = 'AGENT_OS_MODEL (and AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN)';

/** `--model` and `--no-model`, each saying what it does for this command. */
function withModelOptions(command: Command, model: string, noModel: string): Command {
  return command.option('--model', model).option('--no-model', noModel);
}

/** A command on one spec folder that drafts one file (write-spec, create-tasks): `--force` and the model options. */
function specFileCommand(
  name: string,
  text: { description: string; folder: string; force: string },
  load: () => Promise<typeof writeSpecCommand>,
): void {
  withModelOptions(
    program
      .command(name)
      .description(text.description)
      .argument('<spec-folder>', text.folder)
      .option('--force', text.force),
    `draft with the model named by ${MODEL_ENV}, checked against the rules`,
    'draft by rules only, even when a model is configured',
  ).action((folder: string, options: { force?: boolean; model?: boolean }) =>
    run(async () => {
      const command = await load();
      return command(folder, { cwd: process.cwd(), force: options.force === true, ...modelOf(options) });
    }),
  );
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
  .action((paths: string[], options: { json?: boolean }) => {
    const json = options.json === true;
    return run(async () => {
      const { validateCommand } = await import('./validate-command.js');
      return validateCommand(paths, { json, cwd: process.cwd() });
    }, json);
  });

withModelOptions(
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
    .option('--force', 'replace an existing requirements.md'),
  `ask the questions with the model named by ${MODEL_ENV}, checked against the issue`,
  'ask the questions by rules only, even when a model is configured',
).action(
  (
    issueFile: string,
    options: { title?: string; number?: string; date?: string; force?: boolean; model?: boolean },
  ) => {
    const { model, ...rest } = options;
    return run(async () => {
      const { shapeCommand } = await import('./shape-command.js');
      return shapeCommand(issueFile, {
        cwd: process.cwd(),
        ...rest,
        force: options.force === true,
        ...modelOf({ model }),
      });
    });
  },
);

specFileCommand(
  'write-spec',
  {
    description:
      'Write SPEC_FOLDER/spec.md from SPEC_FOLDER/planning/requirements.md (keeps a spec.md edited by hand unless --force).',
    folder: 'a spec folder, e.g. agent-os/specs/2026-03-14-team-invites',
    force: 'replace a spec.md that was edited by hand',
  },
  async () => (await import('./write-spec-command.js')).writeSpecCommand,
);

specFileCommand(
  'create-tasks',
  {
    description:
      'Write SPEC_FOLDER/tasks.md (Agent OS task groups) from SPEC_FOLDER/spec.md (keeps an existing tasks.md unless --force).',
    folder: 'a spec folder with spec.md',
    force: 'replace an existing tasks.md',
  },
  async () => (await import('./create-tasks-command.js')).createTasksCommand,
);

withModelOptions(
  program
    .command('orchestrate-tasks')
    .alias('orchestrate')
    .description(
      'Write SPEC_FOLDER/orchestration.yml (one entry per task group of tasks.md, keeping the subagents, standards and assignees set in it) ' +
        'and one implementation prompt per task group in SPEC_FOLDER/implementation/prompts, for a coding agent to run.',
    )
    .argument('<spec-folder>', 'a spec folder with tasks.md'),
  "add the model's guidance (AGENT_OS_MODEL, AGENT_OS_MODEL_URL, AGENT_OS_MODEL_TOKEN) to each prompt, checked against the tasks",
  'write the prompts by rules only, even when a model is configured',
).action((folder: string, options: { model?: boolean }) =>
  run(async () => {
    const { orchestrateCommand } = await import('./orchestrate-command.js');
    return orchestrateCommand(folder, { cwd: process.cwd(), ...modelOf(options) });
  }),
);

withModelOptions(
  program
    .command('plan-product')
    .description(
      'Write <spec root>/product/tech-stack.md from the manifests of the current folder and, with --from, mission.md and roadmap.md ' +
        'from a product description. Exit 0: written; 1: the description lacks what Agent OS needs (questions printed); 2: a product file exists (use --force).',
    )
    .option('--from <file>', 'the product description as markdown (its first "# heading" is the name)')
    .option('--force', 'replace existing product files'),
  `draft mission.md and roadmap.md with the model named by ${MODEL_ENV}, checked against the rules`,
  'draft by rules only, even when a model is configured',
).action((options: { from?: string; force?: boolean; model?: boolean }) =>
  run(async () => {
    const { planProductCommand } = await import('./plan-product-command.js');
    return planProductCommand({
      cwd: process.cwd(),
      force: options.force === true,
      ...(options.from === undefined ? {} : { from: options.from }),
      ...modelOf(options),
    });
  }),
);

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
