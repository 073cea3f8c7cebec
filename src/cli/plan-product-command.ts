import { basename, resolve } from 'node:path';
import { splitIssueFile } from '../core/issue/split-issue-file.js';
import { detectTechStackReport } from '../core/product/detect-tech-stack.js';
import { productFilePaths, type ProductFileKind } from '../core/product/product-files.js';
import {
  missingProductInfo,
  parseProductBrief,
  type ProductBrief,
  type ProductQuestion,
} from '../core/product/parse-product-brief.js';
import type { StackEntry } from '../core/product/stack-entry.js';
import { PRODUCT_FILES } from '../core/model/render-drafting-note.js';
import { readLocalSettings } from '../fs/read-local-config.js';
import { readLocalStackFiles } from '../fs/read-local-stack-files.js';
import { readTextFile } from '../fs/read-text-file.js';
import { fsSpecWorkspace } from '../fs/fs-spec-workspace.js';
import { writeProductFiles, type ProductFilesWrite } from '../phases/write-product-files.js';
import { chooseCliModel, draftingLine, QUIET_LOG } from './choose-cli-model.js';
import type { CommandResult } from './validate-command.js';

export interface PlanProductOptions {
  cwd: string;
  /** The product description, as markdown (its first `# heading` is the name). */
  from?: string;
  force: boolean;
  /** `--model` / `--no-model`; unset: the model the environment names, when the repository's `drafter` is `model`. */
  model?: boolean;
  env?: NodeJS.ProcessEnv;
}

const TOPIC_LABELS: Readonly<Record<ProductQuestion['topic'], string>> = {
  pitch: 'The product',
  features: 'Key features',
  users: 'Users',
  problem: 'The problem',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

async function readBrief(cwd: string, from: string): Promise<ProductBrief> {
  const split = splitIssueFile(await readTextFile(resolve(cwd, from), from));
  return parseProductBrief(split.title ?? basename(from).replace(/\.(md|markdown)$/i, ''), split.body);
}

type LifecycleSettings = Awaited<ReturnType<typeof readLocalSettings>>['lifecycle'];

/**
 * The plan-product phase on the folder: mission.md and roadmap.md when the brief says all Agent OS needs (drafted by
 * the model when one is chosen), tech-stack.md always; the model's warning, if any.
 */
async function writeOnFolder(
  options: PlanProductOptions,
  settings: LifecycleSettings,
  input: { brief: ProductBrief | undefined; stack: readonly StackEntry[] },
): Promise<{ result: ProductFilesWrite; modelWarning: string }> {
  const { brief } = input;
  const chosen =
    brief === undefined ? {} : await chooseCliModel(options.model, settings.drafter, options.env ?? process.env);
  const workspace = fsSpecWorkspace({ cwd: options.cwd, base: options.cwd });
  const description =
    chosen.model === undefined || options.from === undefined
      ? ''
      : splitIssueFile(await readTextFile(resolve(options.cwd, options.from), options.from)).body;
  const result = await writeProductFiles(
    workspace,
    { tree: workspace, existing: workspace },
    { settings, log: QUIET_LOG, ...(chosen.model === undefined ? {} : { model: chosen.model }) },
    {
      brief,
      issueBody: description,
      stack: input.stack,
      paths: productFilePaths(settings.specRoot),
      replace: options.force,
      cacheOnly: !options.force,
      message: () => '',
    },
  );
  return { result, modelWarning: chosen.warning === undefined ? '' : `agent-os-github: ${chosen.warning}\n` };
}

/** What the line saying a file was written adds, e.g. ` (5 items)`. */
function noteOf(kind: ProductFileKind, result: Extract<ProductFilesWrite, { status: 'written' }>, stack: number) {
  if (kind === 'roadmap') return ` (${plural(result.plan?.roadmapItems ?? 0, 'item', 'items')})`;
  if (kind === 'mission') return '';
  return ` (${stack === 0 ? 'no manifests found: fill it in by hand' : `${plural(stack, 'entry', 'entries')} detected`})`;
}

/** What to do next: write a product description, answer its questions, or shape the first roadmap item. */
function nextStepLines(from: string | undefined, questions: readonly ProductQuestion[], drafted: string): string[] {
  const out: string[] = [];
  if (from === undefined) {
    out.push(
      'mission.md and roadmap.md need a description of the product. Write one in a markdown file: its first "# heading" is the',
      "product's name, then the sections Pitch, Users, The Problem, Differentiators and Key Features (at least 3 features, one",
      'per line as "- Feature: what it lets users do"). Then run:',
      '',
      '  agent-os-github plan-product --from PRODUCT.md',
    );
  } else if (questions.length > 0) {
    out.push(
      `${from} does not say all Agent OS needs to plan the product yet:`,
      '',
      ...questions.map((q) => `${q.number}. ${TOPIC_LABELS[q.topic]}: ${q.text}`),
      '',
      `Add the answers to ${from} (e.g. a "## Key Features" list, a "## Users" list), then run:`,
      '',
      `  agent-os-github plan-product --from ${from}`,
    );
  } else {
    if (drafted !== '') out.push(drafted.trimEnd(), '');
    out.push(
      'Next: shape the first roadmap item into a spec (agent-os-github shape-spec ISSUE.md, or the shape-spec label on an issue).',
    );
  }
  return out;
}

/**
 * `agent-os-github plan-product [--from FILE] [--force]`: writes `<specRoot>/product/tech-stack.md` from the
 * manifests of the current folder and, given a product description that says what Agent OS needs, mission.md and
 * roadmap.md. Exit 0 when written; 1 when the description lacks something (the questions on stdout, tech-stack.md
 * written); 2 when a product file would be replaced without `--force` (nothing written).
 */
export async function planProductCommand(options: PlanProductOptions): Promise<CommandResult> {
  const settings = (await readLocalSettings(options.cwd)).lifecycle;
  const brief = options.from === undefined ? undefined : await readBrief(options.cwd, options.from);
  const questions = brief === undefined ? [] : missingProductInfo(brief);
  const stack = detectTechStackReport(await readLocalStackFiles(options.cwd));
  const stackWarnings = stack.problems.map((p) => `agent-os-github: warning: ${p.message}\n`).join('');
  const { result, modelWarning } = await writeOnFolder(options, settings, {
    brief: questions.length === 0 ? brief : undefined,
    stack: stack.entries,
  });
  const warnings = `${stackWarnings}${modelWarning}`;
  if (result.status === 'exists') {
    const one = result.paths.length === 1;
    const them = one ? 'it' : 'them';
    return {
      exitCode: 2,
      stdout: '',
      stderr: `${warnings}agent-os-github: ${listed(result.paths)} already ${one ? 'exists' : 'exist'}; nothing was written. Pass --force to replace ${them} (changes made to ${them} are lost).\n`,
    };
  }
  const lines = result.files.map((f) =>
    result.written.includes(f.path)
      ? `Wrote ${f.path}${noteOf(f.kind, result, stack.entries.length)}`
      : `Unchanged ${f.path}`,
  );
  const drafted = result.plan?.drafting === undefined ? '' : `${draftingLine(PRODUCT_FILES, result.plan.drafting)}\n`;
  lines.push('', ...nextStepLines(options.from, questions, drafted));
  return { exitCode: questions.length > 0 ? 1 : 0, stdout: `${lines.join('\n')}\n`, stderr: warnings };
}
