import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../core/config/default-settings.js';
import type { Settings } from '../core/config/parse-config.js';
import { AgentOsError } from '../core/errors.js';
import { readTextFileIfAny } from './write-text-file.js';

const LOCAL_CONFIG = '.github/agent-os.yml';

/**
 * The settings of the repository the CLI runs in: its `.github/agent-os.yml` (the same schema as the App and the
 * Action; `_extends` is not followed offline), or the defaults when there is none.
 */
export async function readLocalSettings(cwd: string): Promise<Settings> {
  const text = await readTextFileIfAny(join(cwd, LOCAL_CONFIG), LOCAL_CONFIG);
  // Without a file no schema (zod) or YAML parser is loaded: the defaults are plain data.
  if (text === undefined) return DEFAULT_SETTINGS;
  // yaml is CommonJS: its module object is the default export, under Node and in the bundle alike.
  const [{ default: yaml }, { parseConfig, renderConfigProblems }] = await Promise.all([
    import('yaml'),
    import('../core/config/parse-config.js'),
  ]);
  let raw: unknown;
  try {
    raw = yaml.parse(text);
  } catch (error) {
    throw new AgentOsError(
      'user-input',
      `\`${LOCAL_CONFIG}\` could not be read as YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
      {
        cause: error,
      },
    );
  }
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new AgentOsError('user-input', renderConfigProblems(LOCAL_CONFIG, parsed.problems));
  return parsed.settings;
}
