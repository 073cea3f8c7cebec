import { basename, join, resolve } from 'node:path';
import { AgentOsError } from '../core/errors.js';
import { splitIssueFile } from '../core/issue/split-issue-file.js';
import { deterministicDrafter } from '../core/spec/deterministic-drafter.js';
import { parseMarkedFile } from '../core/spec/file-marker.js';
import { TOPIC_LABELS } from '../core/spec/clarifying-question.js';
import { specLocationFor } from '../core/spec/spec-location.js';
import { displayPath } from '../fs/find-task-files.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { readTextFile } from '../fs/read-text-file.js';
import { readTextFileIfAny, writeTextFile } from '../fs/write-text-file.js';
import { readLocalTree } from '../fs/read-local-tree.js';
import { draftRequirements } from '../phases/draft-requirements.js';
import { pathsOutside } from '../phases/write-spec-file.js';
import { fsSpecWorkspace } from '../fs/fs-spec-workspace.js';
import { chooseCliModel, QUIET_LOG } from './choose-cli-model.js';
import type { CommandResult } from './validate-command.js';

export interface ShapeOptions {
  cwd: string;
  title?: string;
  number?: string;
  date?: string;
  force: boolean;
  /** `--model` / `--no-model`: as write-spec's. */
  model?: boolean;
  env?: NodeJS.ProcessEnv;
}

function issueNumberOf(written: string | undefined): number {
  if (written === undefined) return 0;
  if (!/^\d{1,9}$/.test(written))
    throw new AgentOsError('user-input', `--number must be an issue number such as 42, not "${written}".`);
  return Number(written);
}

function dateOf(written: string | undefined): string {
  if (written === undefined) return new Date().toISOString();
  const time = Date.parse(`${written}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over into March: only a date that reads back the same is one.
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(written) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== written
  ) {
    throw new AgentOsError('user-input', `--date must be a date such as 2026-03-14, not "${written}".`);
  }
  return `${written}T00:00:00Z`;
}

/**
 * `agent-os-github shape-spec ISSUE.md`: the clarifying questions on stdout, and the spec folder's
 * planning/requirements.md written under the current folder (as the App writes it on the spec branch).
 */
export async function shapeCommand(issueFile: string, options: ShapeOptions): Promise<CommandResult> {
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const absolute = resolve(options.cwd, issueFile);
  const split = splitIssueFile(await readTextFile(absolute, issueFile));
  const title = options.title ?? split.title ?? basename(issueFile).replace(/\.md$/i, '');
  const number = issueNumberOf(options.number);
  const location = specLocationFor({ issueNumber: number, title, createdAt: dateOf(options.date) }, settings);
  const target = join(options.cwd, location.requirementsPath);
  const shown = displayPath(target, options.cwd);
  const existing = await readTextFileIfAny(target, shown);
  if (existing !== undefined && !options.force) {
    const marked = parseMarkedFile('requirements', existing);
    const why = marked.marked && !marked.intact ? ' and was edited since it was written' : '';
    throw new AgentOsError(
      'user-input',
      `${shown} already exists${why}; pass --force to write it again (answers recorded in it are lost).`,
    );
  }
  // As the App does: the questions fit the project its files show (what kind it is, related files to reuse).
  // The spec's own folder (there when shaped again with --force) is not part of the repository the questions fit,
  // as on GitHub, where it is on the spec branch only. With a model (`--model`, or the environment's when `drafter`
  // is `model`), the App's model-drafted questions.
  const chosen = await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  const { state, content, note } = await draftRequirements(
    {
      drafter: deterministicDrafter,
      settings: { drafter: chosen.model === undefined ? 'deterministic' : 'model' },
      log: QUIET_LOG,
      ...(chosen.model === undefined
        ? {}
        : { model: chosen.model, workspace: fsSpecWorkspace({ cwd: options.cwd, base: options.cwd }) }),
    },
    {
      issue: { number, title, body: split.body, url: number > 0 ? `#${number}` : basename(issueFile) },
      location,
      repositoryPaths: pathsOutside(await readLocalTree(options.cwd), location.folder),
    },
  );
  const { questions } = state;
  await writeTextFile(target, shown, content, options.cwd);
  const lines = [
    `Wrote ${shown}`,
    '',
    'Clarifying questions (answer them in the Requirements Discussion of that file, or on the issue when the App runs):',
    '',
    ...questions.map((q) => `${q.number}. ${TOPIC_LABELS[q.topic]}: ${q.text}`),
    '',
    ...(note === '' ? [] : [note.replace(/<\/?sub>/g, '').trim(), '']),
    `Then: agent-os-github write-spec ${displayPath(join(options.cwd, location.folder), options.cwd)}`,
  ];
  return {
    exitCode: 0,
    stdout: `${lines.join('\n')}\n`,
    stderr: chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n`,
  };
}
