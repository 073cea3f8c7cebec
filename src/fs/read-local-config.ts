import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfig, renderConfigProblems, type Settings } from '../core/config/parse-config.js';
import { AgentOsError } from '../core/errors.js';
import { readTextFileIfAny } from './write-text-file.js';

const LOCAL_CONFIG = '.github/agent-os.yml';

/**
 * The settings of the repository the CLI runs in: its `.github/agent-os.yml` (the same schema as the App and the
 * Action; `_extends` is not followed offline), or the defaults when there is none.
 */
export async function readLocalSettings(cwd: string): Promise<Settings> {
  const text = await readTextFileIfAny(join(cwd, LOCAL_CONFIG), LOCAL_CONFIG);
  if (text === undefined) return parseConfigOrThrow(null);
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new AgentOsError(
      'user-input',
      `\`${LOCAL_CONFIG}\` could not be read as YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return parseConfigOrThrow(raw);
}

function parseConfigOrThrow(raw: unknown): Settings {
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new AgentOsError('user-input', renderConfigProblems(LOCAL_CONFIG, parsed.problems));
  return parsed.settings;
}
