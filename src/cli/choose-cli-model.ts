import type { ChatModel } from '../core/model/chat-model.js';
import { renderDraftingNote, type DraftingNote } from '../core/model/render-drafting-note.js';
import { AgentOsError } from '../core/errors.js';
import { MODEL_ENV } from '../model/model-endpoint.js';

/**
 * The model a CLI command drafts with: `--no-model` never, `--model` always (an error when none is configured),
 * otherwise the environment's when the repository's `drafter` is `model`.
 */
export async function chooseCliModel(
  flag: boolean | undefined,
  drafter: 'model' | 'deterministic',
  env: NodeJS.ProcessEnv,
): Promise<{ model?: ChatModel; warning?: string }> {
  if (flag === false) return {};
  if (flag === undefined && (env[MODEL_ENV.model] ?? '') === '' && (env[MODEL_ENV.url] ?? '') === '') return {};
  // The model client (the openai SDK) is loaded only when a model may be used.
  const { modelFromEnvironment } = await import('../model/model-from-environment.js');
  const configured = modelFromEnvironment(env);
  if (flag === true && configured.model === undefined) {
    throw new AgentOsError(
      'user-input',
      `--model needs a model: set AGENT_OS_MODEL (and AGENT_OS_MODEL_URL and AGENT_OS_MODEL_TOKEN for your endpoint; see docs/model-drafter.md).${configured.problem === undefined ? '' : ` ${configured.problem}`}`,
    );
  }
  if (configured.model === undefined)
    return configured.problem === undefined ? {} : { warning: `Model drafting is off: ${configured.problem}` };
  if (flag === undefined && drafter === 'deterministic') return {};
  return { model: configured.model };
}

/** The drafting note as plain terminal text. */
export function draftingLine(file: string, note: DraftingNote): string {
  return renderDraftingNote(file, note)
    .replace(/<\/?sub>/g, '')
    .replace(/\n\n/g, '\n');
}

/** Log lines of a draft, for stderr only when asked; the CLI keeps quiet. */
export const QUIET_LOG = { info: () => undefined, warn: () => undefined };
